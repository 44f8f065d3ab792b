/**
 * One query for many services: queries that differ only in the values of labels every selector
 * pins with an equality matcher (`service="a"`; Sloth's `sloth_id` and `sloth_service` together)
 * asked as one, with those matchers widened to regexes of the values and the labels kept through
 * every aggregation, so each answer series carries the values it belongs to. A fleet's SLOs and
 * alert rules (one copy per service, all of one shape) are then a few requests.
 *
 * The rewrite is made only where it is proven to give every member the series its own query
 * gives: every selector pins each grouping label to the one value, every function keeps its
 * series' labels, every aggregation gains the labels (in `by`, or kept by `without`), and every
 * binary operation between vectors matches sides that agree on which of the labels they carry, so
 * adding them changes no pairing within a member and forbids pairs across members. A combination
 * of values no member has (the regexes allow it) only adds series nobody reads. Anything else
 * (`vector()`, `absent()`, `scalar()`, `count_values`, `ignoring` a label, a selector without the
 * matcher...) is not grouped, and the query is asked alone.
 */
import type { SyntaxNode } from '@lezer/common'
import { exactRegex } from '../../telemetry/vector.js'
import { selectorsOf } from '../../telemetry/coverage.js'
import { OPERATOR_NODES, templateParse, unquote } from './promql.js'

/** VictoriaMetrics refuses a query longer than 16 KiB by default (-search.maxQueryLen): a request's query stays under this. */
export const MAX_QUERY_CHARS = 12_000

export interface LabelGrouping {
  /** What equal queries share: the labels and the query with their matchers taken out. */
  key: string
  /** The query with hole i (`\u0000i\u0000`) where label i's matcher was. */
  text: string
  /** The grouping labels, sorted, and this query's value of each. */
  labels: string[]
  values: string[]
  /** How many matchers each label fills (to size a request before building it). */
  holes: number[]
  /** The labels the query's own answer carries (the others are removed from the grouped answer). */
  carries: string[]
}

/** Queries of one shape asked as one: the members in order, and the values each is answered by. */
export interface ShapeRequest<T> {
  query: string
  labels: string[]
  members: Array<{ item: T; value: string }>
  carries: string[]
  /** The labels' matchers exclude the values no member has, rather than list the members' values. */
  except?: boolean
}

const tupleKey = (values: string[]): string => values.join('\u0001')

/** Queries of one shape, before they are cut into requests. */
interface Shape<T> {
  text: string
  labels: string[]
  holes: number[]
  carries: string[]
  members: Array<{ item: T; g: LabelGrouping }>
}

interface ShapeOptions<T> {
  queryOf: (x: T) => string | undefined
  key?: (x: T) => string
  maxChars: number
  maxMembers?: (first: T) => number
}

function shapesOf<T>(items: T[], opts: ShapeOptions<T>): { shapes: Array<Shape<T>>; alone: T[] } {
  const byKey = new Map<string, Array<{ item: T; g: LabelGrouping }>>()
  const alone: T[] = []
  for (const item of items) {
    const q = opts.queryOf(item)
    const g = q === undefined ? undefined : groupingOf(q)
    if (!g) {
      alone.push(item)
      continue
    }
    const k = `${g.key}\u0002${opts.key?.(item) ?? ''}`
    let list = byKey.get(k)
    if (!list) byKey.set(k, (list = []))
    list.push({ item, g })
  }
  const shapes: Array<Shape<T>> = []
  for (const list of byKey.values()) {
    if (list.length === 1) alone.push(list[0]!.item)
    else {
      const { text, labels, holes, carries } = list[0]!.g
      shapes.push({ text, labels, holes, carries, members: list })
    }
  }
  return { shapes, alone }
}

const requestOf = <T>(shape: Shape<T>, members: Shape<T>['members'], query: string): ShapeRequest<T> => ({
  query,
  labels: shape.labels,
  members: members.map((m) => ({ item: m.item, value: tupleKey(m.g.values) })),
  carries: shape.carries
})

/** A shape in requests of at most `maxChars` characters and `maxMembers` members, each label a regex of its members' values. */
function chunksOf<T>(shape: Shape<T>, opts: ShapeOptions<T>, alone: T[]): Array<ShapeRequest<T>> {
  const { text, labels, holes } = shape
  const most = opts.maxMembers?.(shape.members[0]!.item) ?? Infinity
  const fixed = text.length + labels.reduce((n, l, i) => n + holes[i]! * (l.length + 4), 0)
  const out: Array<ShapeRequest<T>> = []
  let cur: Shape<T>['members'] = []
  let chars = fixed
  const flush = (): void => {
    if (cur.length === 1) alone.push(cur[0]!.item)
    else if (cur.length)
      out.push(
        requestOf(
          shape,
          cur,
          groupedQuery(
            text,
            labels,
            cur.map((m) => m.g.values)
          )
        )
      )
    cur = []
    chars = fixed
  }
  for (const m of shape.members) {
    // A regex-quoted value is at most twice as long, with its '|'.
    const grows = m.g.values.reduce((n, v, i) => n + holes[i]! * (v.length * 2 + 1), 0)
    if (cur.length && (chars + grows > opts.maxChars || cur.length >= most)) flush()
    cur.push(m)
    chars += grows
  }
  flush()
  return out
}

/**
 * Items whose queries share a shape, in requests of at most `maxChars` characters (VictoriaMetrics
 * refuses queries over 16 KiB) and `maxMembers` members (asked of a shape's first); a shape of one,
 * and any query the rewrite is not proven for, is left alone. `key` adds what else must agree (a
 * range query's start, end and step).
 */
export function requestsByShape<T>(items: T[], opts: ShapeOptions<T>): { shaped: Array<ShapeRequest<T>>; alone: T[] } {
  const { shapes, alone } = shapesOf(items, opts)
  return { shaped: shapes.flatMap((shape) => chunksOf(shape, opts, alone)), alone }
}

/**
 * As `requestsByShape`, but a shape whose members' values do not fit in one request is asked in
 * one all the same when the backend's values of its labels allow: each label's matcher then
 * excludes the values no member has (`service!="", service!~"others"`), so the backend reads the
 * members' series and no other, whatever their number. `valuesOf` asks the backend for a label's
 * values on the series of every such shape at once (a value another shape's series hold is one
 * more exclusion, so the union serves each), one request a label while the selectors fit in
 * `maxChars`; the caller counts them and spans the items' ranges. When the values fail, or a
 * shape's excluded values do not fit, that shape is cut into requests as before.
 */
export async function requestsByShapeOrExcept<T>(
  items: T[],
  opts: ShapeOptions<T> & { valuesOf: (label: string, selectors: string[], firsts: T[]) => Promise<string[]> }
): Promise<{ shaped: Array<ShapeRequest<T>>; alone: T[] }> {
  const { shapes, alone } = shapesOf(items, opts)
  const shaped: Array<ShapeRequest<T>> = []
  const wide: Array<{ shape: Shape<T>; chunks: Array<ShapeRequest<T>>; single: T[] }> = []
  for (const shape of shapes) {
    const single: T[] = []
    const chunks = chunksOf(shape, opts, single)
    const most = opts.maxMembers?.(shape.members[0]!.item) ?? Infinity
    if (chunks.length + single.length > 1 && shape.members.length <= most) wide.push({ shape, chunks, single })
    else {
      shaped.push(...chunks)
      alone.push(...single)
    }
  }
  const held = await heldValues(
    wide.map((w) => w.shape),
    opts
  )
  for (const { shape, chunks, single } of wide) {
    const query = exceptQuery(shape, held)
    if (query !== undefined && query.length <= opts.maxChars) shaped.push({ ...requestOf(shape, shape.members, query), except: true })
    else {
      shaped.push(...chunks)
      alone.push(...single)
    }
  }
  return { shaped, alone }
}

/** Each grouping label's values on the series of these shapes (any value of the label): undefined where the backend did not answer. */
async function heldValues<T>(
  shapes: Array<Shape<T>>,
  opts: { maxChars: number; valuesOf: (label: string, selectors: string[], firsts: T[]) => Promise<string[]> }
): Promise<Map<string, Set<string> | undefined>> {
  const byLabel = new Map<string, { selectors: Set<string>; firsts: T[] }>()
  for (const shape of shapes) {
    const sels = selectorsOf(
      fillHoles(
        shape.text,
        shape.labels.map((l) => `${l}!=""`)
      )
    )
    for (const label of shape.labels) {
      let entry = byLabel.get(label)
      if (!entry) byLabel.set(label, (entry = { selectors: new Set(), firsts: [] }))
      for (const s of sels) entry.selectors.add(s)
      entry.firsts.push(shape.members[0]!.item)
    }
  }
  const out = new Map<string, Set<string> | undefined>()
  for (const [label, { selectors, firsts }] of byLabel) {
    // Selectors in batches that keep the request's length near one query's.
    const batches: string[][] = [[]]
    let chars = 0
    for (const s of [...selectors].sort()) {
      if (batches.at(-1)!.length && chars + s.length > opts.maxChars) {
        batches.push([])
        chars = 0
      }
      batches.at(-1)!.push(s)
      chars += s.length
    }
    try {
      const values = new Set<string>()
      for (const b of batches) for (const v of await opts.valuesOf(label, b, firsts)) values.add(v)
      out.set(label, values)
    } catch {
      out.set(label, undefined)
    }
  }
  return out
}

function exceptQuery<T>(shape: Shape<T>, held: Map<string, Set<string> | undefined>): string | undefined {
  const matchers: string[] = []
  for (const [i, label] of shape.labels.entries()) {
    const values = held.get(label)
    if (!values) return undefined
    const wanted = new Set(shape.members.map((m) => m.g.values[i]!))
    const others = [...values].filter((v) => !wanted.has(v))
    matchers.push(others.length ? `${label}!="", ${label}!~${exactRegex(others)}` : `${label}!=""`)
  }
  return fillHoles(shape.text, matchers)
}

/** A grouped answer's series by their members' values, without the labels the members' own answers lack. */
export function splitByValue<S extends { labels: Record<string, string> }>(
  series: S[],
  req: Pick<ShapeRequest<unknown>, 'labels' | 'carries'>
): Map<string, S[]> {
  const out = new Map<string, S[]>()
  const drop = req.labels.filter((l) => !req.carries.includes(l))
  for (const s of series) {
    const values = req.labels.map((l) => s.labels[l])
    if (values.some((v) => v === undefined)) continue
    const k = tupleKey(values as string[])
    let list = out.get(k)
    if (!list) out.set(k, (list = []))
    if (!drop.length) list.push(s)
    else {
      const labels = { ...s.labels }
      for (const l of drop) delete labels[l]
      list.push({ ...s, labels })
    }
  }
  return out
}

/** The query for several members of a shape: each label's matcher a regex of the members' values (or their one value). */
export function groupedQuery(text: string, labels: string[], members: string[][]): string {
  const matchers = labels.map((label, i) => {
    const distinct = [...new Set(members.map((m) => m[i]!))]
    return distinct.length === 1 ? `${label}=${JSON.stringify(distinct[0])}` : `${label}=~${exactRegex(distinct)}`
  })
  return fillHoles(text, matchers)
}

/** The shape's text with hole i (`\u0000i\u0000`) filled by matchers[i]. */
const fillHoles = (text: string, matchers: string[]): string => text.replace(/\u0000(\d+)\u0000/g, (_, i: string) => matchers[Number(i)]!)

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
const SELECTING_AGGREGATIONS = new Set(['topk', 'bottomk'])

class NotGroupable extends Error {}

/** What an expression is: a scalar or string, or a vector whose series carry these grouping labels (sorted, joined). */
type Carries = 'scalar' | string

interface Edit {
  from: number
  to: number
  text: string
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * How a query groups with others of its shape, or undefined when the rewrite is not proven for it
 * (see the module comment). The grouping labels are those every selector pins to one value.
 */
export function groupingOf(query: string): LabelGrouping | undefined {
  // Read from the query's template: a fleet's copies of one rule or SLO share one parse.
  const read = templateParse(query)
  if (!read || read.parsed.error) return undefined
  const { parsed, at } = read
  const text = (n: SyntaxNode): string => query.slice(at(n.from), at(n.to))
  const kids = (n: SyntaxNode): SyntaxNode[] => {
    const out: SyntaxNode[] = []
    for (let c = n.firstChild; c; c = c.nextSibling) out.push(c)
    return out
  }
  /** A label's name, as written bare or quoted; '' for anything else. */
  const labelName = (c: SyntaxNode): string =>
    c.name === 'QuotedLabelName' ? unquote(text(c.firstChild ?? c)) : c.name === 'LabelName' ? text(c) : ''
  const matchersOf = (vs: SyntaxNode): Array<{ node: SyntaxNode; label: string; op: string; value: string | undefined }> => {
    const lm = vs.getChild('LabelMatchers')
    return (lm ? kids(lm) : [])
      .filter((m) => m.name === 'UnquotedLabelMatcher' || m.name === 'QuotedLabelMatcher')
      .map((m) => {
        const parts = kids(m)
        const label = parts[0] ? labelName(parts[0]) : ''
        const op = parts.find((p) => p.name === 'MatchOp')
        const lit = parts.find((p) => p.name === 'StringLiteral')
        return { node: m, label, op: op ? text(op) : '', value: lit ? unquote(text(lit)) : undefined }
      })
  }

  // The grouping labels: pinned by one non-empty equality matcher, to the same value, in every selector.
  const pinned = new Map<string, string | null>()
  let selectorCount = 0
  const cursor = parsed.tree.cursor()
  do {
    if (cursor.name !== 'VectorSelector') continue
    const ms = matchersOf(cursor.node)
    const here = new Map<string, string | null>()
    for (const m of ms) here.set(m.label, here.has(m.label) || m.op !== '=' || !m.value ? null : m.value)
    if (selectorCount === 0) for (const [l, v] of here) pinned.set(l, v)
    else for (const [l, v] of pinned) if (v === null || here.get(l) !== v) pinned.set(l, null)
    selectorCount++
  } while (cursor.next())
  const labels = [...pinned]
    .filter(([l, v]) => v !== null && l !== '__name__' && IDENTIFIER.test(l))
    .map(([l]) => l)
    .sort()
  if (labels.length === 0) return undefined
  const values = labels.map((l) => pinned.get(l)!)
  const all = labels.join(',')
  const edits: Edit[] = []
  const holes = labels.map(() => 0)

  const exprArgs = (body: SyntaxNode | null): SyntaxNode[] =>
    body ? kids(body).filter((c) => c.name !== '(' && c.name !== ')' && c.name !== ',') : []
  const labelNames = (grouping: SyntaxNode | null): string[] =>
    grouping
      ? kids(grouping)
          .filter((c) => c.name === 'LabelName' || c.name === 'QuotedLabelName')
          .map(labelName)
      : []
  /** Put the grouping labels a list `( ... )` lacks into it. */
  const addToList = (grouping: SyntaxNode): void => {
    const has = labelNames(grouping)
    const missing = labels.filter((l) => !has.includes(l))
    if (!missing.length) return
    const close = at(grouping.to) - 1
    const inside = query.slice(at(grouping.from) + 1, close).trim()
    edits.push({ from: close, to: close, text: `${inside === '' || inside.endsWith(',') ? '' : ', '}${missing.join(', ')}` })
  }
  const fail = (): never => {
    throw new NotGroupable()
  }
  const touches = (names: string[]): boolean => names.some((n) => labels.includes(n))
  const keep = (carried: string, names: string[]): string =>
    carried
      .split(',')
      .filter((l) => l && names.includes(l))
      .join(',')

  const selector = (n: SyntaxNode): Carries => {
    for (const m of matchersOf(n)) {
      const i = labels.indexOf(m.label)
      if (i < 0) continue
      holes[i]!++
      edits.push({ from: at(m.node.from), to: at(m.node.to), text: `\u0000${i}\u0000` })
    }
    return all
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
        if (
          (fn === 'label_replace' || fn === 'label_join') &&
          (args[1]?.name !== 'StringLiteral' || labels.includes(unquote(text(args[1]))))
        )
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
          edits.push({ from: at(opNode.to), to: at(opNode.to), text: ` by (${labels.join(', ')}) ` })
          return selecting ? operand : ''
        }
        const grouping = mod.getChild('GroupingLabels')
        const names = labelNames(grouping)
        if (mod.getChild('Without')) {
          if (touches(names)) fail()
          return operand
        }
        if (!grouping) fail()
        addToList(grouping!)
        return selecting ? operand : keep(operand, names)
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
          const onClause = !!mm.getChild('On')
          const ignoring = !!mm.getChild('Ignoring')
          if (lists.slice(onClause || ignoring ? 1 : 0).some((g) => touches(labelNames(g)))) fail()
          if (ignoring) {
            if (lists[0] && touches(labelNames(lists[0]))) fail()
          } else if (onClause) {
            if (!lists[0]) fail()
            addToList(lists[0]!)
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
    if (carries === 'scalar') return undefined
  } catch (err) {
    if (err instanceof NotGroupable) return undefined
    throw err
  }
  edits.sort((a, b) => a.from - b.from || a.to - b.to)
  let out = ''
  let done = 0
  for (const e of edits) {
    out += query.slice(done, e.from) + e.text
    done = e.to
  }
  out += query.slice(done)
  return { key: `${all}\u0001${out}`, text: out, labels, values, holes, carries: carries ? carries.split(',') : [] }
}
