/**
 * One query for many services: queries that differ only in the value of one label's equality
 * matcher (`service="a"`, `service="b"`, ...) asked as one, with that matcher widened to a regex of
 * the values and the label kept through every aggregation, so each answer series carries the value
 * it belongs to. A fleet's SLOs (one per service, all of one shape) are then a few requests.
 *
 * The rewrite is made only where it is proven to give every value the series its own query gives:
 * every selector is pinned to one value by that one matcher, every function keeps its series'
 * labels, every aggregation gains the label (in `by`, or kept by `without`), and every binary
 * operation between vectors matches sides that agree on carrying the label, so adding it changes
 * no pairing within a value and forbids pairs across values. Anything else (`vector()`,
 * `absent()`, `scalar()`, `count_values`, `ignoring` the label, a selector without the matcher...)
 * is not grouped, and the query is asked alone.
 */
import type { SyntaxNode } from '@lezer/common'
import { lezerParse, OPERATOR_NODES, unquote } from './promql.js'

/** Where the widened matcher goes in a template. */
const HOLE = '\u0000'

export interface LabelGrouping {
  /** The query with the label's value taken out: equal keys group. */
  key: string
  /** The value this query's matcher pins. */
  value: string
  /** How many matchers the value fills (to size a request before building it). */
  holes: number
  /** Whether the query's own answer carries the label (else it is removed from the grouped answer). */
  carries: boolean
}

/** Queries of one shape asked as one: the members in order, the value each is answered by. */
export interface ShapeRequest<T> {
  query: string
  members: Array<{ item: T; value: string }>
  carries: boolean
}

/**
 * Items whose queries share a shape by the label, in requests of at most `maxChars` characters
 * (VictoriaMetrics refuses queries over 16 KiB) and `maxMembers` members; a shape of one, and
 * any query the rewrite is not proven for, is left alone. `key` adds what else must agree (a
 * range query's start, end and step).
 */
export function requestsByShape<T>(
  items: T[],
  label: string,
  opts: { queryOf: (x: T) => string | undefined; key?: (x: T) => string; maxChars: number; maxMembers?: number }
): { shaped: Array<ShapeRequest<T>>; alone: T[] } {
  const byKey = new Map<string, Array<{ item: T; g: LabelGrouping }>>()
  const alone: T[] = []
  for (const item of items) {
    const q = opts.queryOf(item)
    const g = q === undefined ? undefined : groupingByLabel(q, label)
    if (!g) {
      alone.push(item)
      continue
    }
    const k = `${g.key}\u0001${opts.key?.(item) ?? ''}`
    let list = byKey.get(k)
    if (!list) byKey.set(k, (list = []))
    list.push({ item, g })
  }
  const shaped: Array<ShapeRequest<T>> = []
  for (const list of byKey.values()) {
    if (list.length === 1) {
      alone.push(list[0]!.item)
      continue
    }
    const { key, holes, carries } = list[0]!.g
    const fixed = key.length + holes * (label.length + 4)
    let cur: Array<{ item: T; g: LabelGrouping }> = []
    let chars = fixed
    const flush = (): void => {
      if (cur.length === 1) alone.push(cur[0]!.item)
      else if (cur.length)
        shaped.push({
          query: groupedQuery(
            key,
            label,
            cur.map((m) => m.g.value)
          ),
          members: cur.map((m) => ({ item: m.item, value: m.g.value })),
          carries
        })
      cur = []
      chars = fixed
    }
    for (const m of list) {
      // A regex-quoted value is at most twice as long, with its '|'.
      const grows = holes * (m.g.value.length * 2 + 1)
      if (cur.length && (chars + grows > opts.maxChars || cur.length >= (opts.maxMembers ?? Infinity))) flush()
      cur.push(m)
      chars += grows
    }
    flush()
  }
  return { shaped, alone }
}

/** A grouped answer's series by the label's value, without the label where the query's own answer has none. */
export function splitByValue<S extends { labels: Record<string, string> }>(series: S[], label: string, carries: boolean): Map<string, S[]> {
  const out = new Map<string, S[]>()
  for (const s of series) {
    const v = s.labels[label]
    if (v === undefined) continue
    let list = out.get(v)
    if (!list) out.set(v, (list = []))
    if (carries) list.push(s)
    else {
      const { [label]: _, ...labels } = s.labels
      list.push({ ...s, labels })
    }
  }
  return out
}

/** The query for several values of a key's label: one series set per value, each carrying its value. */
export function groupedQuery(key: string, label: string, values: string[]): string {
  const distinct = [...new Set(values)]
  const matcher =
    distinct.length === 1 ? `${label}=${JSON.stringify(distinct[0])}` : `${label}=~${JSON.stringify(distinct.map(regexQuote).join('|'))}`
  return key.split(HOLE).join(matcher)
}

/** RE2's metacharacters escaped, as Go's regexp.QuoteMeta does: the value matches only itself. */
const regexQuote = (s: string): string => s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')

/** Functions that map each series to a series with the same labels (the metric name aside). */
const LABEL_KEEPING_FUNCTIONS = new Set([
  'abs',
  'acos',
  'acosh',
  'asin',
  'asinh',
  'atan',
  'atanh',
  'avg_over_time',
  'ceil',
  'changes',
  'clamp',
  'clamp_max',
  'clamp_min',
  'cos',
  'cosh',
  'count_over_time',
  'deg',
  'delta',
  'deriv',
  'double_exponential_smoothing',
  'exp',
  'floor',
  'histogram_avg',
  'histogram_count',
  'histogram_fraction',
  'histogram_quantile',
  'histogram_stddev',
  'histogram_stdvar',
  'histogram_sum',
  'holt_winters',
  'idelta',
  'increase',
  'irate',
  'label_join',
  'label_replace',
  'last_over_time',
  'ln',
  'log10',
  'log2',
  'mad_over_time',
  'max_over_time',
  'min_over_time',
  'predict_linear',
  'present_over_time',
  'quantile_over_time',
  'rad',
  'rate',
  'resets',
  'round',
  'sgn',
  'sin',
  'sinh',
  'sort',
  'sort_desc',
  'sqrt',
  'stddev_over_time',
  'stdvar_over_time',
  'sum_over_time',
  'tan',
  'tanh',
  'timestamp'
])
/** Aggregations over groups; the ones that return their input series keep that series' labels. */
const GROUPING_AGGREGATIONS = new Set(['sum', 'min', 'max', 'avg', 'count', 'group', 'stddev', 'stdvar', 'quantile'])
const SELECTING_AGGREGATIONS = new Set(['topk', 'bottomk', 'limitk', 'limit_ratio'])

class NotGroupable extends Error {}

/** What an expression is: a scalar or string, or a vector whose series do (or do not) carry the label. */
type Carries = 'scalar' | boolean

interface Edit {
  from: number
  to: number
  text: string
}

/**
 * The grouping of a query by one label, or undefined when the rewrite is not proven for it (see
 * the module comment). The key is the rewritten query with the label's matcher taken out.
 */
export function groupingByLabel(query: string, label: string): LabelGrouping | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(label)) return undefined
  const parsed = lezerParse(query)
  if (parsed.error) return undefined
  const edits: Edit[] = []
  let value: string | undefined
  const text = (n: SyntaxNode): string => query.slice(n.from, n.to)
  const kids = (n: SyntaxNode): SyntaxNode[] => {
    const out: SyntaxNode[] = []
    for (let c = n.firstChild; c; c = c.nextSibling) out.push(c)
    return out
  }
  const exprArgs = (body: SyntaxNode | null): SyntaxNode[] =>
    body ? kids(body).filter((c) => c.name !== '(' && c.name !== ')' && c.name !== ',') : []
  const labelNames = (grouping: SyntaxNode | null): string[] =>
    grouping
      ? kids(grouping)
          .filter((c) => c.name === 'LabelName' || c.name === 'QuotedLabelName')
          .map((c) => (c.name === 'QuotedLabelName' ? unquote(text(c.firstChild ?? c)) : text(c)))
      : []
  /** Put the label into a grouping list `( ... )` that lacks it. */
  const addToList = (grouping: SyntaxNode): void => {
    const close = grouping.to - 1
    const inside = query.slice(grouping.from + 1, close).trim()
    edits.push({ from: close, to: close, text: inside === '' || inside.endsWith(',') ? label : `, ${label}` })
  }
  const fail = (): never => {
    throw new NotGroupable()
  }

  const selector = (n: SyntaxNode): Carries => {
    let pinned = 0
    const lm = n.getChild('LabelMatchers')
    for (const m of lm ? kids(lm) : []) {
      if (m.name !== 'UnquotedLabelMatcher' && m.name !== 'QuotedLabelMatcher') continue
      const parts = kids(m)
      const nameNode = parts[0]
      const name = !nameNode
        ? ''
        : nameNode.name === 'QuotedLabelName'
          ? unquote(text(nameNode.firstChild ?? nameNode))
          : nameNode.name === 'LabelName'
            ? text(nameNode)
            : ''
      if (name !== label) continue
      const op = parts.find((p) => p.name === 'MatchOp')
      const lit = parts.find((p) => p.name === 'StringLiteral')
      if (!op || !lit || text(op) !== '=') fail()
      const v = unquote(text(lit!))
      // An empty value selects series without the label: they would not carry it.
      if (v === '' || (value !== undefined && v !== value)) fail()
      value = v
      pinned++
      edits.push({ from: m.from, to: m.to, text: HOLE })
    }
    if (pinned !== 1) fail()
    return true
  }

  const same = (a: Carries, b: Carries): Carries => {
    if (a === 'scalar') return b
    if (b === 'scalar') return a
    if (a !== b) fail()
    return a
  }

  const visit = (n: SyntaxNode): Carries => {
    if (n.type.isError) fail()
    switch (n.name) {
      case 'PromQL':
      case 'ParenExpr': {
        const inner = kids(n).filter((c) => c.name !== '(' && c.name !== ')')
        if (inner.length !== 1) fail()
        return visit(inner[0]!)
      }
      case 'NumberDurationLiteral':
      case 'StringLiteral':
        return 'scalar'
      case 'VectorSelector':
        return selector(n)
      case 'MatrixSelector': {
        const vs = n.getChild('VectorSelector')
        return vs ? selector(vs) : fail()
      }
      case 'OffsetExpr':
      case 'StepInvariantExpr':
      case 'SubqueryExpr':
      case 'AnchoredExpr':
      case 'SmoothedExpr':
        return n.firstChild ? visit(n.firstChild) : fail()
      case 'UnaryExpr': {
        const inner = kids(n).find((c) => c.name !== 'UnaryOp')
        return inner ? visit(inner) : fail()
      }
      case 'FunctionCall': {
        const fn = text(n.getChild('FunctionIdentifier') ?? n)
        if (!LABEL_KEEPING_FUNCTIONS.has(fn)) fail()
        const args = exprArgs(n.getChild('FunctionCallBody'))
        if ((fn === 'label_replace' || fn === 'label_join') && (args[1]?.name !== 'StringLiteral' || unquote(text(args[1])) === label))
          fail()
        let carries: Carries = 'scalar'
        for (const a of args) carries = same(carries, visit(a))
        return carries === 'scalar' ? fail() : carries
      }
      case 'AggregateExpr': {
        const op = text(n.getChild('AggregateOp') ?? n)
        const selecting = SELECTING_AGGREGATIONS.has(op)
        if (!selecting && !GROUPING_AGGREGATIONS.has(op)) fail()
        const args = exprArgs(n.getChild('FunctionCallBody'))
        if (args.length === 0) fail()
        for (const a of args.slice(0, -1)) if (visit(a) !== 'scalar') fail()
        const operand = visit(args[args.length - 1]!)
        if (operand === 'scalar') fail()
        const mod = n.getChild('AggregateModifier')
        if (!mod) {
          const opNode = n.getChild('AggregateOp')!
          edits.push({ from: opNode.to, to: opNode.to, text: ` by (${label}) ` })
          return selecting ? operand : false
        }
        const grouping = mod.getChild('GroupingLabels')
        const names = labelNames(grouping)
        if (mod.getChild('Without')) {
          if (names.includes(label)) fail()
          return operand
        }
        if (!grouping) fail()
        if (!names.includes(label)) addToList(grouping!)
        return selecting || names.includes(label) ? operand : false
      }
      case 'BinaryExpr': {
        const parts = kids(n)
        const sides = parts.filter((p) => !OPERATOR_NODES.has(p.name))
        if (sides.length !== 2 || parts.some((p) => p.name === 'FillModifier')) fail()
        const lhs = visit(sides[0]!)
        const rhs = visit(sides[1]!)
        const mm = n.getChild('MatchingModifierClause')
        if (mm && (lhs === 'scalar' || rhs === 'scalar')) fail()
        const carries = same(lhs, rhs)
        if (mm) {
          const lists = mm.getChildren('GroupingLabels')
          const matching = lists[0]
          const onClause = !!mm.getChild('On')
          if (lists.slice(onClause || mm.getChild('Ignoring') ? 1 : 0).some((g) => labelNames(g).includes(label))) fail()
          if (mm.getChild('Ignoring')) {
            if (matching && labelNames(matching).includes(label)) fail()
          } else if (onClause) {
            if (!matching) fail()
            if (!labelNames(matching!).includes(label)) addToList(matching!)
          }
        }
        return carries
      }
      default:
        return fail()
    }
  }

  let carries: Carries
  try {
    carries = visit(parsed.tree.topNode)
    if (carries === 'scalar' || value === undefined) return undefined
  } catch (err) {
    if (err instanceof NotGroupable) return undefined
    throw err
  }
  edits.sort((a, b) => a.from - b.from || a.to - b.to)
  let key = ''
  let at = 0
  for (const e of edits) {
    key += query.slice(at, e.from) + e.text
    at = e.to
  }
  key += query.slice(at)
  return { key, value, holes: edits.filter((e) => e.text === HOLE).length, carries }
}
