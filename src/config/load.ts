import { type Alias, type LineCounter, isCollection, visit, type Document } from 'yaml'
import type { z } from 'zod'
import { InputError, InputErrors } from '../util/errors.js'
import { valueAt } from '../util/json.js'
import { yamlErrorLine, yamlErrorText } from '../util/yaml-errors.js'
import { checkConfig, checkConfigPathsOnDisk } from './checks.js'
import { hiddenValue, looksLikeCredential } from './credentials.js'
import { plainIssue, suggest } from './issues.js'
import { YamlLines, pointer, positionedYaml } from './lines.js'
import { readPlainYaml } from '../util/plain-yaml.js'
import { readConfigText } from './read.js'
import { configSchema, type Config } from './schema.js'

/** Aliases resolved at most, as `yaml` counts them: a few anchors may blow up into billions of nodes. */
const MAX_ALIAS_COUNT = 100

interface ZodDefLike {
  type: string
  shape?: Record<string, unknown>
  innerType?: unknown
  in?: unknown
  element?: unknown
  valueType?: unknown
  options?: unknown[]
  discriminator?: string
}

function defOf(schema: unknown): ZodDefLike | undefined {
  return (schema as { _zod?: { def?: ZodDefLike } })?._zod?.def
}

/** The keys the schema allows in the mapping at `path` (for "did you mean"). */
function keysAt(schema: unknown, path: ReadonlyArray<PropertyKey>, data: unknown): string[] {
  let cur: unknown = schema
  let value: unknown = data
  let i = 0
  for (let guard = 0; guard < 200; guard++) {
    const def = defOf(cur)
    if (!def) return []
    if (['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)) {
      cur = def.innerType
      continue
    }
    if (def.type === 'pipe') {
      cur = def.in
      continue
    }
    if (def.type === 'union') {
      const objects = (def.options ?? []).filter((o) => defOf(o)?.type === 'object')
      const disc = def.discriminator
      const tag = disc !== undefined && value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[disc] : undefined
      const pick =
        objects.find((o) => {
          const lit = defOf(defOf(o)?.shape?.[disc ?? ''])
          return lit !== undefined && (lit as { values?: unknown[] }).values?.includes(tag)
        }) ?? objects[0]
      if (!pick) return []
      cur = pick
      continue
    }
    if (i === path.length) return def.type === 'object' ? Object.keys(def.shape ?? {}) : []
    const key = path[i++]!
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined
    if (def.type === 'object') cur = def.shape?.[String(key)]
    else if (def.type === 'array') cur = def.element
    else if (def.type === 'record') cur = def.valueType
    else return []
  }
  return []
}

/** The alias that blew the alias budget: the first one whose anchor itself holds aliases, else the first. */
function aliasBombLine(doc: Document, lines: YamlLines): number | undefined {
  let first: Alias | undefined
  let nested: Alias | undefined
  visit(doc, {
    Alias(_, node) {
      first ??= node
      if (nested) return visit.BREAK
      const target = node.resolve(doc)
      if (isCollection(target)) {
        let holds = false
        visit(target, { Alias: () => ((holds = true), visit.BREAK) })
        if (holds) nested = node
      }
      return undefined
    }
  })
  const hit = nested ?? first
  return hit?.range ? lines.at(hit.range[0]) : undefined
}

function yamlErrors(doc: Document, file: string, lineCounter: LineCounter): InputError[] {
  const out: InputError[] = []
  for (const e of doc.errors) {
    out.push(new InputError({ file, line: yamlErrorLine(e, lineCounter), expected: 'valid YAML', found: yamlErrorText(e) }))
  }
  // A tag yaml does not know (`!!python/object`) is a warning there; here it is a value we cannot use.
  for (const w of doc.warnings) {
    out.push(
      new InputError({ file, line: yamlErrorLine(w, lineCounter), expected: 'plain YAML values (no custom tags)', found: yamlErrorText(w) })
    )
  }
  return out
}

/** YAML to plain data, with alias bombs and unresolved aliases as input errors at their line. */
function toData(doc: Document, file: string, lines: YamlLines): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {}
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    if (/Excessive alias count/i.test(message)) {
      throw new InputError({
        file,
        line: aliasBombLine(doc, lines),
        expected: `YAML whose aliases (*name) expand to a sensible size (at most ${MAX_ALIAS_COUNT} expansions)`,
        found: 'aliases that expand to far more nodes than the file holds (an alias bomb); write the values out instead'
      })
    }
    let line: number | undefined
    visit(doc, {
      Alias(_, node) {
        if (node.resolve(doc) === undefined && node.range) {
          line = lines.at(node.range[0])
          return visit.BREAK
        }
        return undefined
      }
    })
    if (/alias/i.test(message)) {
      throw new InputError({
        file,
        line,
        expected: 'every alias (*name) to follow its anchor (&name)',
        found: 'an alias with no anchor before it'
      })
    }
    throw new InputError({ file, line, expected: 'valid YAML', found: 'a document that cannot be read as plain data' })
  }
}

function parseYaml(text: string, file: string): { data: unknown; lines: YamlLines } {
  // A fleet's config runs to megabytes: plain YAML takes the fast reader, its lines found on demand.
  const plain = readPlainYaml(text)
  if (plain) return { data: plain.value ?? {}, lines: new YamlLines(text) }
  const { doc, lineCounter } = positionedYaml(text)
  const lines = new YamlLines({ doc, lineCounter })
  const errors = yamlErrors(doc, file, lineCounter)
  if (errors.length) throw new InputErrors(errors)
  return { data: toData(doc, file, lines), lines }
}

function unknownKeyErrors(
  issue: z.core.$ZodIssue & { code: 'unrecognized_keys' },
  data: unknown,
  file: string,
  lines: YamlLines
): InputError[] {
  const valid = keysAt(configSchema, issue.path, data)
  return issue.keys.map((key) => {
    const shown = looksLikeCredential(key) ? hiddenValue(key).replace('value', 'key') : `\`${key}\``
    const suggestion = looksLikeCredential(key) ? undefined : suggest(key, valid, 'keys allowed')
    return new InputError({
      file,
      line: lines.keyOf(issue.path, key) ?? lines.of(issue.path),
      field: pointer([...issue.path, looksLikeCredential(key) ? '(key not shown)' : key]),
      expected: valid.length ? `one of the keys allowed here` : 'no other key here',
      says: 'is not a key the config knows',
      found: `unknown key ${shown}`,
      ...(suggestion ? { suggestion } : {})
    })
  })
}

/** Parse and validate config text. Errors name the line and the field, in plain words. */
export function parseConfig(text: string, file: string): Config {
  return parseWithLines(text, file).config
}

function parseWithLines(text: string, file: string, onParsed?: (data: unknown) => void): { config: Config; lines: YamlLines } {
  const { data, lines } = parseYaml(text, file)
  // Before any error can quote the file: its credentials are masked first.
  onParsed?.(data)
  const result = configSchema.safeParse(data)
  if (!result.success) {
    const errors: InputError[] = []
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        errors.push(...unknownKeyErrors(issue, data, file, lines))
        continue
      }
      const plain = plainIssue(issue, valueAt(data, issue.path))
      errors.push(new InputError({ file, line: lines.of(issue.path), field: pointer(issue.path), ...plain }))
    }
    throw new InputErrors(errors)
  }
  const errors = checkConfig(result.data, file, lines)
  if (errors.length) throw new InputErrors(errors)
  return { config: result.data, lines }
}

/**
 * Read the config file. A missing file is an error: defaults alone cannot describe the release.
 * With a workspace, every path the config names is also resolved on disk and refused when it
 * leads outside (a symbolic link included).
 */
export async function loadConfig(file: string, opts: ConfigReadOptions = {}): Promise<Config> {
  return parseConfigFile(await readConfigText(file), file, opts)
}

export interface ConfigReadOptions {
  /** Resolve every path the config names on disk, confined to this folder. */
  workspace?: string
  /** Hears the parsed YAML before it is validated (to register the credentials it holds). */
  onParsed?: (data: unknown) => void
}

/** The config file's text (read by readConfigText) parsed and checked as loadConfig does. */
export async function parseConfigFile(text: string, file: string, opts: ConfigReadOptions = {}): Promise<Config> {
  const { config, lines } = parseWithLines(text, file, opts.onParsed)
  if (opts.workspace !== undefined) {
    const errors = await checkConfigPathsOnDisk(config, file, lines, opts.workspace)
    if (errors.length) throw new InputErrors(errors)
  }
  return config
}
