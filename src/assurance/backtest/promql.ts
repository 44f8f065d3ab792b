/**
 * The PromQL the backtest needs, on the Prometheus team's grammar (@prometheus-io/lezer-promql):
 * the selectors an expression reads, a rule's condition turned into a "burn signal" whose value
 * says how far above its threshold the condition stands, and recording rules expanded inline.
 */
import { lezerParse, template, templateParse } from '../../alerting/slo/promql.js'
import type { SyntaxNode } from '@lezer/common'

export interface Matcher {
  label: string
  op: '=' | '!=' | '=~' | '!~'
  value: string
}

export interface Selector {
  name?: string
  matchers: Matcher[]
  from: number
  to: number
}

export class PromqlSyntaxError extends Error {}

/** The tree of an expression, from the one cached parse (alerting/slo/promql.ts). */
function parseTree(expr: string): SyntaxNode {
  const { tree, syntaxErrorAt: bad } = lezerParse(expr)
  if (bad !== undefined)
    throw new PromqlSyntaxError(
      `PromQL syntax error at character ${bad + 1}: ${JSON.stringify(expr.slice(Math.max(0, bad - 10), bad + 10))}`
    )
  return tree.topNode
}

/**
 * An expression and a tree to read it by: the tree of its template (string literals emptied), so
 * the thousands of rules that differ only in label values share one parse, with `at` taking a
 * position in the template to the same place in the expression. A template that does not parse
 * gives the expression's own parse, and its error, instead.
 */
interface Source {
  expr: string
  top: SyntaxNode
  at: (templatePosition: number) => number
}

function parseSource(expr: string): Source {
  const read = templateParse(expr)
  if (read && read.parsed.syntaxErrorAt === undefined) return { expr, top: read.parsed.tree.topNode, at: read.at }
  return { expr, top: parseTree(expr), at: (p) => p }
}

const text = (src: Source, n: SyntaxNode): string => src.expr.slice(src.at(n.from), src.at(n.to))

function unquote(s: string): string {
  if (s.startsWith('`')) return s.slice(1, -1)
  try {
    return JSON.parse(s.startsWith("'") ? `"${s.slice(1, -1).replace(/"/g, '\\"')}"` : s) as string
  } catch {
    return s.slice(1, -1)
  }
}

function children(n: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = []
  for (let c = n.firstChild; c; c = c.nextSibling) out.push(c)
  return out
}

function readSelector(expr: Source, n: SyntaxNode): Selector {
  const sel: Selector = { matchers: [], from: expr.at(n.from), to: expr.at(n.to) }
  const id = n.getChild('Identifier')
  if (id) sel.name = text(expr, id)
  const list = n.getChild('LabelMatchers')
  for (const m of list ? children(list) : []) {
    const label = m.getChild('LabelName') ?? m.getChild('QuotedLabelName')
    const op = m.getChild('MatchOp')
    const value = m.getChild('StringLiteral')
    if (!op || !value) {
      // A bare quoted metric name: {"metric.name"}.
      const q = m.getChild('QuotedLabelName') ?? m.getChild('StringLiteral')
      if (q && !op) sel.name = unquote(text(expr, q))
      continue
    }
    const name = label ? (label.name === 'QuotedLabelName' ? unquote(text(expr, label)) : text(expr, label)) : ''
    const v = unquote(text(expr, value))
    const o = text(expr, op) as Matcher['op']
    if (name === '__name__' && o === '=') sel.name = v
    else sel.matchers.push({ label: name, op: o, value: v })
  }
  return sel
}

/** Every vector selector in the expression (also those inside range selectors and subqueries). */
export function selectors(expr: string): Selector[] {
  const src = parseSource(expr)
  const out: Selector[] = []
  const walk = (n: SyntaxNode): void => {
    if (n.name === 'VectorSelector') {
      out.push(readSelector(src, n))
      return
    }
    for (const c of children(n)) walk(c)
  }
  walk(src.top)
  return out
}

/**
 * The expression in a canonical spelling: tokens from the syntax tree, matchers sorted. The rules
 * API prints an expression its own way (spacing, matcher order), so texts are compared this way.
 */
export function canonical(expr: string): string {
  // Read from the expression's template: rules that differ only in label values, as a fleet's and
  // Sloth's do, share one parse.
  let src: Source
  try {
    src = parseSource(expr)
  } catch {
    return expr.replace(/\s+/g, ' ').trim()
  }
  const walk = (n: SyntaxNode): string => {
    const cs = children(n)
    if (cs.length === 0) return text(src, n)
    const parts = cs.map(walk)
    if (n.name === 'LabelMatchers') parts.sort()
    return parts.join(' ')
  }
  return walk(src.top)
}

const namesOfSelectors = (sels: Selector[]): string[] => [...new Set(sels.flatMap((s) => (s.name ? [s.name] : [])))]

/** Names read by each template; null where a name is spelled as a string, so depends on the literals. */
const namesByTemplate = new Map<string, string[] | null>()

/**
 * Metric names the expression reads. Read from its template (string literals emptied), so the
 * thousands of rules that differ only in label values are parsed once; a name written as a string
 * (`{__name__="x"}`, `{"x"}`) is read from the expression itself.
 */
export function metricNames(expr: string): string[] {
  const t = template(expr)
  if (t) {
    let names = namesByTemplate.get(t.text)
    if (names === undefined) {
      let sels: Selector[] | undefined
      try {
        sels = selectors(t.text)
      } catch {
        // The expression's own parse says where the syntax error is.
      }
      names = sels && sels.every((x) => x.name !== '') ? namesOfSelectors(sels) : null
      if (namesByTemplate.size > 20_000) namesByTemplate.clear()
      namesByTemplate.set(t.text, names)
    }
    if (names) return names
  }
  return namesOfSelectors(selectors(expr))
}

export function matcherHolds(m: Matcher, value: string | undefined): boolean {
  const v = value ?? ''
  switch (m.op) {
    case '=':
      return v === m.value
    case '!=':
      return v !== m.value
    case '=~':
      return safeRegex(m.value)?.test(v) ?? true
    case '!~':
      return !(safeRegex(m.value)?.test(v) ?? false)
  }
}

function safeRegex(re: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${re})$`)
  } catch {
    return undefined
  }
}

/** The value of a constant expression: numbers, + - * / and parentheses. Undefined when not constant. */
function constantValue(expr: Source, n: SyntaxNode): number | undefined {
  switch (n.name) {
    case 'NumberDurationLiteral': {
      const v = Number(text(expr, n))
      return Number.isFinite(v) ? v : undefined
    }
    case 'ParenExpr': {
      const inner = children(n).find((c) => c.name !== '(' && c.name !== ')')
      return inner ? constantValue(expr, inner) : undefined
    }
    case 'UnaryExpr': {
      const cs = children(n)
      const v = cs.length === 2 ? constantValue(expr, cs[1]!) : undefined
      return v === undefined ? undefined : text(expr, cs[0]!) === '-' ? -v : v
    }
    case 'BinaryExpr': {
      const cs = children(n)
      if (cs.length !== 3) return undefined
      const a = constantValue(expr, cs[0]!)
      const b = constantValue(expr, cs[2]!)
      if (a === undefined || b === undefined) return undefined
      switch (cs[1]!.name) {
        case 'Mul':
          return a * b
        case 'Div':
          return a / b
        case 'Add':
          return a + b
        case 'Sub':
          return a - b
      }
      return undefined
    }
  }
  return undefined
}

/** One `E > threshold` of a rule's condition. */
export interface Comparison {
  /** The vector side, as written. */
  vector: string
  op: '>' | '>='
  threshold: number
  thresholdText: string
}

/**
 * A rule's condition as a "burn signal": an expression whose value is the condition's margin,
 * as a multiple of its threshold. `E > c` becomes `E / c`; `and` takes the smaller of two
 * signals, `or` the larger. The rule fires where the signal is above 1, so one query gives both
 * when the rule fires and how close it came when it did not. Only conditions built from
 * `E > c` (c a positive constant), `and` and `or` without matching modifiers have a signal.
 */
export interface BurnSignal {
  expr: string
  comparisons: Comparison[]
  /** Every comparison is `>=`: the rule fires at a signal of exactly 1. */
  inclusive: boolean
}

export function burnSignal(source: string): BurnSignal | { reason: string } {
  let expr: Source
  try {
    expr = parseSource(source)
  } catch (err) {
    return { reason: (err as Error).message }
  }
  const comparisons: Comparison[] = []
  const signal = (n: SyntaxNode): string | { reason: string } => {
    if (n.name === 'PromQL') return signal(n.firstChild!)
    if (n.name === 'ParenExpr') {
      const inner = children(n).find((c) => c.name !== '(' && c.name !== ')')
      return inner ? signal(inner) : { reason: 'empty parentheses' }
    }
    if (n.name === 'AggregateExpr') {
      // max(E > c) is there exactly when max(E / c) > 1 (Sloth's form); other aggregations differ.
      const op = n.getChild('AggregateOp')
      const body = n.getChild('FunctionCallBody')
      const args = body ? children(body) : []
      if (!op?.getChild('Max') || args.length !== 1)
        return { reason: `the condition is a ${op ? text(expr, op) : 'an'} aggregation; only max() of a comparison has a burn signal` }
      const inner = signal(args[0]!)
      if (typeof inner !== 'string') return inner
      return `${source.slice(expr.at(n.from), expr.at(args[0]!.from))}(${inner})${source.slice(expr.at(args[0]!.to), expr.at(n.to))}`
    }
    if (n.name !== 'BinaryExpr') return { reason: `the condition is a ${n.name}, not a comparison with a constant threshold` }
    const cs = children(n)
    const op = cs[1]!
    if (cs.length !== 3) return { reason: `"${text(expr, op)}" has matching or bool modifiers` }
    const [lhs, rhs] = [cs[0]!, cs[2]!]
    if (op.name === 'And' || op.name === 'Or') {
      const a = signal(lhs)
      if (typeof a !== 'string') return a
      const b = signal(rhs)
      if (typeof b !== 'string') return b
      return op.name === 'And' ? `((${a}) <= (${b}) or (${b}) < (${a}))` : `((${a}) >= (${b}) or (${b}) > (${a}) or (${a}) or (${b}))`
    }
    const name = op.name
    let vector: SyntaxNode | undefined
    let threshold: SyntaxNode | undefined
    let cmp: Comparison['op'] | undefined
    if ((name === 'Gtr' || name === 'Gte') && constantValue(expr, rhs) !== undefined && constantValue(expr, lhs) === undefined) {
      ;[vector, threshold, cmp] = [lhs, rhs, name === 'Gtr' ? '>' : '>=']
    } else if ((name === 'Lss' || name === 'Lte') && constantValue(expr, lhs) !== undefined && constantValue(expr, rhs) === undefined) {
      ;[vector, threshold, cmp] = [rhs, lhs, name === 'Lss' ? '>' : '>=']
    }
    if (!vector || !threshold || !cmp) return { reason: `"${text(expr, op)}" is not a vector compared with a constant threshold` }
    const c = constantValue(expr, threshold)!
    if (!(c > 0)) return { reason: `threshold ${text(expr, threshold)} is not positive` }
    comparisons.push({ vector: text(expr, vector), op: cmp, threshold: c, thresholdText: text(expr, threshold) })
    return `(${text(expr, vector)}) / ${c}`
  }
  const s = signal(expr.top)
  if (typeof s !== 'string') return s
  return { expr: s, comparisons, inclusive: comparisons.every((c) => c.op === '>=') }
}

/** A recording rule that may be expanded in place of its series. */
export interface RecordingDefinition {
  name: string
  expr: string
  labels: Record<string, string>
  intervalSeconds: number
}

export interface Expansion {
  recording: string
  inlined: boolean
  reason: string
}

const quote = (v: string): string => JSON.stringify(v)

/** Add matchers to every selector of an expression that does not already match on the label. */
function pushMatchers(expr: string, matchers: Matcher[]): string {
  if (matchers.length === 0) return expr
  const sels = selectors(expr).sort((a, b) => b.from - a.from)
  let out = expr
  for (const s of sels) {
    const extra = matchers.filter((m) => !s.matchers.some((x) => x.label === m.label))
    if (extra.length === 0) continue
    const plainName = s.name !== undefined && /^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(s.name)
    const all = [...(s.name && !plainName ? [{ label: '__name__', op: '=' as const, value: s.name }] : []), ...s.matchers, ...extra]
    const rebuilt = `${plainName ? s.name : ''}{${all.map((m) => `${m.label}${m.op}${quote(m.value)}`).join(', ')}}`
    out = out.slice(0, s.from) + rebuilt + out.slice(s.to)
  }
  return out
}

function secondsText(s: number): string {
  return Number.isInteger(s) ? `${s}s` : `${Math.round(s * 1000)}ms`
}

/**
 * Replace each selector of a recording rule named in `expand` by the rule's own definition
 * (transitively), so that an alert can be evaluated over a past in which the recording rule did
 * not yet record. The rule's static labels are put back with label_replace; matchers on other
 * labels are pushed into the definition's selectors; `rec[1h]` becomes a subquery at the
 * recording rule's interval. A selector with offset or @ is left as is, and said so.
 */
export function expandRecordings(
  expr: string,
  definitions: Map<string, RecordingDefinition[]>,
  expand: (name: string) => boolean,
  expansions: Expansion[] = [],
  depth = 0
): { expr: string; expansions: Expansion[] } {
  if (depth > 8) return { expr, expansions }
  // Most rules read no recording rule to expand: their names say so without a walk.
  if (!metricNames(expr).some((n) => definitions.has(n) && expand(n))) return { expr, expansions }
  const src = parseSource(expr)
  const edits: Array<{ from: number; to: number; text: string }> = []
  const note = (e: Expansion): void => {
    if (!expansions.some((x) => x.recording === e.recording && x.reason === e.reason)) expansions.push(e)
  }
  const walk = (n: SyntaxNode): void => {
    if (n.name === 'VectorSelector') {
      const sel = readSelector(src, n)
      if (!sel.name || !definitions.has(sel.name) || !expand(sel.name)) return
      const parent = n.parent
      const matrix = parent?.name === 'MatrixSelector' ? parent : undefined
      const outer = matrix ? matrix.parent : parent
      if (outer?.name === 'OffsetExpr' || outer?.name === 'StepInvariantExpr' || outer?.name === 'AtModifierPreprocessors') {
        note({ recording: sel.name, inlined: false, reason: 'used with offset or @: left as recorded' })
        return
      }
      const defs = definitions
        .get(sel.name)!
        .filter((d) => sel.matchers.every((m) => d.labels[m.label] === undefined || matcherHolds(m, d.labels[m.label])))
      if (defs.length === 0) {
        note({ recording: sel.name, inlined: false, reason: 'no recording rule of that name has labels matching the selector' })
        return
      }
      const parts = defs.map((d) => {
        const rest = sel.matchers.filter((m) => d.labels[m.label] === undefined)
        let body = expandRecordings(pushMatchers(d.expr, rest), definitions, expand, expansions, depth + 1).expr
        for (const [k, v] of Object.entries(d.labels)) body = `label_replace(${body}, ${quote(k)}, ${quote(v)}, "", "")`
        return { body, interval: d.intervalSeconds }
      })
      const joined = parts.length === 1 ? parts[0]!.body : parts.map((p) => `(${p.body})`).join(' or ')
      if (matrix) {
        const range = matrix.getChild('DurationExpr')
        const step = Math.min(...parts.map((p) => p.interval))
        edits.push({
          from: src.at(matrix.from),
          to: src.at(matrix.to),
          text: `(${joined})[${range ? text(src, range) : '5m'}:${secondsText(step)}]`
        })
      } else {
        edits.push({ from: src.at(n.from), to: src.at(n.to), text: `(${joined})` })
      }
      note({
        recording: sel.name,
        inlined: true,
        reason: `expanded from its definition${defs.length > 1 ? ` (${defs.length} rules)` : ''}`
      })
      return
    }
    for (const c of children(n)) walk(c)
  }
  walk(src.top)
  let out = expr
  for (const e of edits.sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.text + out.slice(e.to)
  return { expr: out, expansions }
}

/**
 * The selector of a rule that is exactly `absent(selector)`, as written; undefined for anything
 * else. Such a rule fires at the steps where the selector has no sample, which a count of the
 * selector answers for a whole fleet's copies at once.
 */
export function absentOf(expr: string): { selector: string; labels: Record<string, string> } | undefined {
  let src: Source
  try {
    src = parseSource(expr)
  } catch {
    return undefined
  }
  const call = src.top.firstChild
  if (call?.name !== 'FunctionCall' || call.nextSibling || !call.getChild('FunctionIdentifier')?.getChild('Absent')) return undefined
  const body = call.getChild('FunctionCallBody')
  const args = body ? children(body).filter((c) => c.name !== '(' && c.name !== ')' && c.name !== ',') : []
  if (args.length !== 1 || args[0]!.name !== 'VectorSelector') return undefined
  const sel = readSelector(src, args[0]!)
  // absent() answers with the labels of the selector's equality matchers.
  const labels: Record<string, string> = {}
  for (const m of sel.matchers) if (m.op === '=' && m.label !== '__name__') labels[m.label] = m.value
  return { selector: expr.slice(sel.from, sel.to), labels }
}

/** Values a label is matched to with `=` anywhere in the expression. */
export function equalityValues(expr: string, label: string): string[] {
  return [...new Set(selectors(expr).flatMap((s) => s.matchers.filter((m) => m.label === label && m.op === '=').map((m) => m.value)))]
}
