import { isDynamicPattern } from 'tinyglobby'
import { DURATION_HINT, durationProblem } from '../util/duration.js'
import { globWorkspace, readWorkspaceText, resolveInWorkspace } from '../util/workspace.js'
import { yamlErrorLine, yamlErrorText } from '../util/yaml-errors.js'
import { LineCounter, parseAllDocuments, isNode, type Document } from 'yaml'
import { InputError, InputErrors, describeValue } from '../util/errors.js'
import { slo as sloSchema, type SloConfig } from './schema.js'
import { isObject, valueAt as get, type JsonObject as Json } from '../util/json.js'

/**
 * OpenSLO v1 `kind: SLO` documents turned into the config's SLO shape. Supported: a ratio
 * indicator (good/total or bad/total) whose metric sources are Prometheus queries, inline or by
 * `indicatorRef` to a `kind: SLI` document in the same files, a rolling or calendar `timeWindow`
 * duration, and objectives with `target` (a fraction) or `targetPercent`. Other kinds are skipped.
 */

interface DocContext {
  file: string
  index: number
  doc: Document
  lineCounter: LineCounter
}

function fail(ctx: DocContext, path: Array<string | number>, expected: string, found: unknown): InputError {
  // The line of the deepest part of the path that exists in the document.
  let line: number | undefined
  for (let n = path.length; n >= 0 && line === undefined; n--) {
    const node = ctx.doc.getIn(path.slice(0, n), true)
    if (isNode(node) && node.range) line = ctx.lineCounter.linePos(node.range[0]).line
  }
  return new InputError({
    file: ctx.file,
    line,
    field: `document ${ctx.index + 1} /${path.join('/')}`,
    expected,
    found: describeValue(found)
  })
}

/** A Prometheus query from an OpenSLO metric (`{metricSource: {type, spec: {query}}}`). */
function prometheusQuery(ctx: DocContext, data: unknown, path: Array<string | number>): string {
  const source = get(data, [...path, 'metricSource'])
  if (!isObject(source)) throw fail(ctx, [...path, 'metricSource'], 'a metricSource', source)
  const type = source.type
  if (typeof type !== 'string' || type.toLowerCase() !== 'prometheus') {
    throw fail(ctx, [...path, 'metricSource', 'type'], 'metric source type Prometheus (the only one supported)', type)
  }
  const query = get(source, ['spec', 'query'])
  if (typeof query !== 'string' || query.trim() === '') {
    throw fail(ctx, [...path, 'metricSource', 'spec', 'query'], 'a PromQL query string', query)
  }
  return query.trim()
}

interface Indicator {
  spec: unknown
  /** Path of the indicator spec within its own document, and that document. */
  path: Array<string | number>
  ctx: DocContext
}

function parseDuration(ctx: DocContext, path: Array<string | number>, value: unknown): string {
  const problem = typeof value === 'string' ? durationProblem(value, { positive: true }) : DURATION_HINT
  if (problem === undefined) return value as string
  const calendar = typeof value === 'string' && /^\d+[MQY]$/.test(value)
  throw fail(
    ctx,
    path,
    calendar
      ? `${DURATION_HINT} (months, quarters and years are not supported, having no fixed length: write 28d, 90d or 52w)`
      : problem === 'must be greater than 0'
        ? 'a duration greater than 0'
        : problem,
    value
  )
}

function sloFromDocument(ctx: DocContext, data: Json, indicators: Map<string, Indicator>): SloConfig[] {
  const name = get(data, ['metadata', 'name'])
  if (typeof name !== 'string' || name === '') throw fail(ctx, ['metadata', 'name'], 'a name', name)
  const service = get(data, ['spec', 'service'])
  if (typeof service !== 'string' || service === '') throw fail(ctx, ['spec', 'service'], 'the service name', service)

  let indicator: Indicator
  const inline = get(data, ['spec', 'indicator'])
  const ref = get(data, ['spec', 'indicatorRef'])
  if (isObject(inline)) {
    indicator = { spec: data, path: ['spec', 'indicator', 'spec'], ctx }
  } else if (typeof ref === 'string') {
    const found = indicators.get(ref)
    if (!found) throw fail(ctx, ['spec', 'indicatorRef'], 'the name of a kind: SLI document in the openslo files', ref)
    indicator = found
  } else {
    throw fail(ctx, ['spec', 'indicator'], 'an inline indicator or an indicatorRef', inline)
  }

  const ratioPath = [...indicator.path, 'ratioMetric']
  const ratio = get(indicator.spec, ratioPath)
  if (!isObject(ratio)) {
    const found = get(indicator.spec, indicator.path)
    throw fail(
      indicator.ctx,
      ratioPath,
      'a ratioMetric (thresholdMetric and other indicator kinds are not supported)',
      isObject(found) ? Object.keys(found).join(', ') || found : found
    )
  }
  const total = prometheusQuery(indicator.ctx, indicator.spec, [...ratioPath, 'total'])
  let good: string | undefined
  let bad: string | undefined
  if (isObject(ratio.good)) good = prometheusQuery(indicator.ctx, indicator.spec, [...ratioPath, 'good'])
  else if (isObject(ratio.bad)) bad = prometheusQuery(indicator.ctx, indicator.spec, [...ratioPath, 'bad'])
  else throw fail(indicator.ctx, ratioPath, 'a good or a bad metric', Object.keys(ratio).join(', '))

  const windows = get(data, ['spec', 'timeWindow'])
  if (!Array.isArray(windows) || windows.length !== 1) {
    throw fail(ctx, ['spec', 'timeWindow'], 'exactly one time window', windows)
  }
  const window = parseDuration(ctx, ['spec', 'timeWindow', 0, 'duration'], get(windows[0], ['duration']))

  const objectives = get(data, ['spec', 'objectives'])
  if (!Array.isArray(objectives) || objectives.length === 0) {
    throw fail(ctx, ['spec', 'objectives'], 'at least one objective', objectives)
  }
  return objectives.map((o: unknown, i: number) => {
    const target = get(o, ['target'])
    const targetPercent = get(o, ['targetPercent'])
    let objective: number
    if (typeof target === 'number' && target > 0 && target < 1) objective = Number((target * 100).toPrecision(12))
    else if (typeof targetPercent === 'number' && targetPercent > 0 && targetPercent < 100) objective = targetPercent
    else {
      throw fail(
        ctx,
        ['spec', 'objectives', i],
        'target as a fraction between 0 and 1 (0.999) or targetPercent between 0 and 100 (99.9)',
        target ?? targetPercent ?? o
      )
    }
    const objectiveName = get(o, ['name']) ?? get(o, ['displayName'])
    const sloName = objectives.length === 1 ? name : `${name}-${typeof objectiveName === 'string' && objectiveName ? objectiveName : i + 1}`
    return sloSchema.parse({
      name: sloName,
      service,
      objective,
      window,
      'total-query': total,
      ...(good !== undefined ? { 'good-query': good } : {}),
      ...(bad !== undefined ? { 'error-query': bad } : {})
    })
  })
}

interface ParsedFile {
  docs: Array<{ ctx: DocContext; data: unknown }>
}

function parseFile(text: string, file: string): ParsedFile {
  const lineCounter = new LineCounter()
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false })
  if (!Array.isArray(docs)) throw new InputError({ file, expected: 'YAML documents', found: 'an empty or invalid stream' })
  const errors: InputError[] = []
  const out: ParsedFile = { docs: [] }
  docs.forEach((doc, index) => {
    for (const e of doc.errors) {
      errors.push(new InputError({ file, line: yamlErrorLine(e, lineCounter), expected: 'valid YAML', found: yamlErrorText(e) }))
    }
    if (doc.errors.length > 0 || doc.contents === null) return
    try {
      out.docs.push({ ctx: { file, index, doc, lineCounter }, data: doc.toJS({ maxAliasCount: 100 }) })
    } catch (err) {
      const bomb = /Excessive alias count/i.test(err instanceof Error ? err.message : '')
      errors.push(
        new InputError({
          file,
          line: doc.range ? lineCounter.linePos(doc.range[0]).line : undefined,
          field: `document ${index + 1}`,
          expected: bomb
            ? 'YAML whose aliases (*name) expand to a sensible size (at most 100 expansions)'
            : 'every alias (*name) to follow its anchor (&name)',
          found: bomb ? 'aliases that expand to far more nodes than the file holds (an alias bomb)' : 'an alias with no anchor before it'
        })
      )
    }
  })
  if (errors.length) throw new InputErrors(errors)
  return out
}

/** Parse OpenSLO text (one file, possibly several documents) into SLOs. */
export function parseOpenSlo(text: string, file: string): SloConfig[] {
  return sloFromFiles([parseFile(text, file)])
}

function sloFromFiles(files: ParsedFile[]): SloConfig[] {
  const all = files.flatMap((f) => f.docs)
  const errors: InputError[] = []
  const indicators = new Map<string, Indicator>()
  const slos: Array<{ ctx: DocContext; data: Json }> = []
  for (const { ctx, data } of all) {
    if (!isObject(data)) {
      errors.push(fail(ctx, [], 'an OpenSLO object with apiVersion and kind', data))
      continue
    }
    if (data.apiVersion !== 'openslo/v1') {
      errors.push(fail(ctx, ['apiVersion'], 'openslo/v1 (other OpenSLO versions are not supported)', data.apiVersion))
      continue
    }
    if (data.kind === 'SLI') {
      const n = get(data, ['metadata', 'name'])
      if (typeof n === 'string') indicators.set(n, { spec: data, path: ['spec'], ctx })
    } else if (data.kind === 'SLO') {
      slos.push({ ctx, data })
    }
  }
  const out: SloConfig[] = []
  for (const { ctx, data } of slos) {
    try {
      out.push(...sloFromDocument(ctx, data, indicators))
    } catch (err) {
      if (err instanceof InputError) errors.push(err)
      else throw err
    }
  }
  if (errors.length === 1) throw errors[0]
  if (errors.length) throw new InputErrors(errors)
  return out
}

/**
 * Load the OpenSLO files named in config (`openslo`, paths or globs relative to the workspace),
 * each confined to the workspace and read as strict UTF-8.
 */
export async function loadOpenSlo(patterns: string[], workspace: string): Promise<SloConfig[]> {
  const parsed: ParsedFile[] = []
  const seen = new Set<string>()
  for (const [i, p] of patterns.entries()) {
    const origin = { field: `openslo/${i}` }
    const files = isDynamicPattern(p) ? await globWorkspace(workspace, p, origin) : [await resolveInWorkspace(workspace, p, origin)]
    if (files.length === 0)
      throw new InputError({ file: p, field: origin.field, expected: 'OpenSLO files matching this pattern', found: 'no files' })
    for (const f of files) {
      if (seen.has(f.abs)) continue
      seen.add(f.abs)
      const { text, shown } = await readWorkspaceText(workspace, f.shown, origin, { what: 'an OpenSLO file', maxBytes: 4 * 1024 * 1024 })
      parsed.push(parseFile(text, shown))
    }
  }
  return sloFromFiles(parsed)
}
