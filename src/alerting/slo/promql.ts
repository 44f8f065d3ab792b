/**
 * PromQL read with the Prometheus team's grammar (@prometheus-io/lezer-promql), turned into a small
 * syntax tree, and the facts rule alignment needs taken from that tree: selectors and matchers,
 * the range of each rate/increase, ratio shape, comparison thresholds, and-joined windows and the
 * recording rules an expression reads. Whatever the analysis cannot read is said so, never guessed.
 */
import { parser } from '@prometheus-io/lezer-promql'
import type { SyntaxNode } from '@lezer/common'
import { formatDurationExact as formatDuration, promqlDurationSeconds as promDurationSeconds } from '../../util/duration.js'

export interface Matcher {
  label: string
  op: '=' | '!=' | '=~' | '!~'
  value: string
}

export type Node =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'selector'; name?: string; matchers: Matcher[]; range?: number; offset?: boolean; text: string }
  | { kind: 'call'; fn: string; args: Node[] }
  | { kind: 'aggregate'; op: string; modifier?: { by: boolean; labels: string[] }; args: Node[] }
  | { kind: 'binary'; op: string; bool: boolean; matching?: { on: boolean; labels: string[] }; lhs: Node; rhs: Node }
  | { kind: 'unary'; op: string; expr: Node }
  | { kind: 'subquery'; expr: Node; range: number }
  | { kind: 'other'; text: string; args: Node[] }

export class PromqlError extends Error {}

/** PromQL durations are read and written by the one duration module. */
export { promDurationSeconds, formatDuration }

/** A PromQL string literal's value (double, single or back quotes). */
export function unquote(lit: string): string {
  const q = lit[0]
  const body = lit.slice(1, lit.length > 1 && lit[lit.length - 1] === q ? -1 : undefined)
  if (q === '`') return body
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{3}|.)/g, (_, e: string) => {
    if (e[0] === 'u' || e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16))
    if (/^[0-7]{3}$/.test(e)) return String.fromCharCode(parseInt(e, 8))
    return ({ n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v' } as Record<string, string>)[e] ?? e
  })
}

/** Template variables (Grafana's `$__rate_interval`, the SLO's `$window`) put where a duration goes. */
export function substituteVariables(expr: string, duration = '5m'): string {
  return expr.replace(/\[\s*\$\{?[A-Za-z_][A-Za-z0-9_]*\}?\s*(:[^\]]*)?\]/g, (_, sub: string | undefined) => `[${duration}${sub ?? ''}]`)
}

class Reader {
  constructor(
    private readonly src: string,
    private readonly tolerant: boolean,
    /** In a template, the string literals' values by the position of their placeholder. */
    private readonly literals?: Map<number, string>
  ) {}

  text(n: SyntaxNode): string {
    return this.src.slice(n.from, n.to)
  }

  literal(n: SyntaxNode): string {
    const v = this.literals?.get(n.from)
    return v !== undefined ? v : unquote(this.text(n))
  }

  children(n: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = []
    for (let c = n.firstChild; c; c = c.nextSibling) out.push(c)
    return out
  }

  fail(n: SyntaxNode, why: string): never {
    throw new PromqlError(`${why} at column ${n.from + 1}`)
  }

  exprChildren(n: SyntaxNode): Node[] {
    return this.children(n)
      .filter((c) => !['(', ')', ','].includes(c.name) && !c.type.isError)
      .map((c) => this.node(c))
  }

  matchers(n: SyntaxNode): Matcher[] {
    const out: Matcher[] = []
    for (const m of this.children(n)) {
      if (m.type.isError) {
        if (!this.tolerant) this.fail(m, 'unfinished label matchers')
        continue
      }
      if (m.name !== 'UnquotedLabelMatcher' && m.name !== 'QuotedLabelMatcher') continue
      const parts = this.children(m)
      const labelNode = parts[0]!
      const label = labelNode.name === 'QuotedLabelName' ? this.literal(labelNode.firstChild ?? labelNode) : this.text(labelNode)
      const op = this.text(parts.find((p) => p.name === 'MatchOp') ?? m) as Matcher['op']
      const lit = parts.find((p) => p.name === 'StringLiteral')
      if (!lit) this.fail(m, `matcher on ${label} has no value`)
      out.push({ label, op, value: this.literal(lit) })
    }
    return out
  }

  selector(n: SyntaxNode): Extract<Node, { kind: 'selector' }> {
    const id = n.getChild('Identifier')
    const lm = n.getChild('LabelMatchers')
    const matchers = lm ? this.matchers(lm) : []
    let name = id ? this.text(id) : undefined
    const byName = matchers.find((m) => m.label === '__name__' && m.op === '=')
    if (!name && byName) name = byName.value
    const kept = matchers.filter((m) => m !== byName || !id)
    const shown = kept.filter((m) => m !== byName)
    const text = `${name ?? ''}${shown.length || !name ? `{${shown.map((m) => `${m.label}${m.op}${JSON.stringify(m.value)}`).join(', ')}}` : ''}`
    return { kind: 'selector', name, matchers: kept, text }
  }

  duration(n: SyntaxNode | null): number {
    if (!n) return NaN
    const s = promDurationSeconds(this.text(n))
    if (s === undefined) this.fail(n, `duration "${this.text(n)}" is not a plain duration`)
    return s
  }

  node(n: SyntaxNode): Node {
    if (n.type.isError) {
      if (this.tolerant) return { kind: 'other', text: '', args: [] }
      this.fail(n, 'syntax error')
    }
    switch (n.name) {
      case 'PromQL':
      case 'ParenExpr': {
        const inner = this.exprChildren(n)
        if (inner.length !== 1) {
          if (this.tolerant) return { kind: 'other', text: this.text(n), args: inner }
          this.fail(n, 'empty or unfinished expression')
        }
        return inner[0]!
      }
      case 'NumberDurationLiteral': {
        const t = this.text(n).replace(/_/g, '')
        const sign = t.startsWith('-') ? -1 : 1
        const body = t.replace(/^[-+]/, '')
        const v = /^inf$/i.test(body) ? Infinity : /^nan$/i.test(body) ? NaN : /^0x/i.test(body) ? parseInt(body, 16) : Number(body)
        const value = Number.isNaN(v) && !/^nan$/i.test(body) ? (promDurationSeconds(body) ?? NaN) : v
        return { kind: 'number', value: sign * value }
      }
      case 'StringLiteral':
        return { kind: 'string', value: this.literal(n) }
      case 'VectorSelector':
        return this.selector(n)
      case 'MatrixSelector': {
        const vs = n.getChild('VectorSelector')
        if (!vs) {
          if (this.tolerant) return { kind: 'other', text: this.text(n), args: this.exprChildren(n) }
          this.fail(n, 'a range over something that is not a selector')
        }
        return { ...this.selector(vs), range: this.duration(n.getChild('DurationExpr')) }
      }
      case 'OffsetExpr': {
        const inner = this.node(n.firstChild!)
        return inner.kind === 'selector' ? { ...inner, offset: true } : inner
      }
      case 'StepInvariantExpr':
      case 'AnchoredExpr':
      case 'SmoothedExpr':
        return this.node(n.firstChild!)
      case 'SubqueryExpr':
        return { kind: 'subquery', expr: this.node(n.firstChild!), range: this.duration(n.getChild('DurationExpr')) }
      case 'FunctionCall': {
        const fn = this.text(n.getChild('FunctionIdentifier')!)
        const body = n.getChild('FunctionCallBody')
        return { kind: 'call', fn, args: body ? this.exprChildren(body) : [] }
      }
      case 'AggregateExpr': {
        const op = this.text(n.getChild('AggregateOp')!)
        const mod = n.getChild('AggregateModifier')
        const body = n.getChild('FunctionCallBody')
        const labels = mod?.getChild('GroupingLabels')
        return {
          kind: 'aggregate',
          op,
          ...(mod
            ? {
                modifier: {
                  by: !!mod.getChild('By'),
                  labels: labels
                    ? this.children(labels)
                        .filter((c) => c.name !== '(' && c.name !== ')' && c.name !== ',')
                        .map((c) => this.text(c))
                    : []
                }
              }
            : {}),
          args: body ? this.exprChildren(body) : []
        }
      }
      case 'BinaryExpr': {
        const parts = this.children(n)
        const exprs = parts.filter((p) => !OPERATOR_NODES.has(p.name) && !p.type.isError)
        const opNode = parts.find((p) => BINARY_OPS.has(p.name))
        if (exprs.length !== 2 || !opNode) {
          if (this.tolerant) return { kind: 'other', text: this.text(n), args: exprs.map((e) => this.node(e)) }
          this.fail(n, 'unfinished binary expression')
        }
        const mm = n.getChild('MatchingModifierClause')
        const grouping = mm?.getChild('GroupingLabels')
        return {
          kind: 'binary',
          op: this.text(opNode).toLowerCase(),
          bool: !!n.getChild('BoolModifier'),
          ...(mm
            ? {
                matching: {
                  on: !!mm.getChild('On'),
                  labels: grouping
                    ? this.children(grouping)
                        .filter((c) => c.name === 'LabelName' || c.name === 'QuotedLabelName')
                        .map((c) => this.text(c))
                    : []
                }
              }
            : {}),
          lhs: this.node(exprs[0]!),
          rhs: this.node(exprs[1]!)
        }
      }
      case 'UnaryExpr': {
        const op = n.getChild('UnaryOp')
        const inner = this.children(n).find((c) => c.name !== 'UnaryOp')!
        return { kind: 'unary', op: op ? this.text(op) : '-', expr: this.node(inner) }
      }
      default:
        if (this.tolerant) return { kind: 'other', text: this.text(n), args: this.exprChildren(n) }
        this.fail(n, `unexpected ${n.name}`)
    }
  }
}

const BINARY_OPS = new Set([
  'Pow',
  'Mul',
  'Div',
  'Mod',
  'Atan2',
  'Add',
  'Sub',
  'Eql',
  'Gte',
  'Gtr',
  'Lte',
  'Lss',
  'Neq',
  'And',
  'Unless',
  'Or',
  'TrimUpper',
  'TrimLower'
])
/** The grammar's nodes of a binary expression that are not its two sides. */
export const OPERATOR_NODES = new Set([...BINARY_OPS, 'BoolModifier', 'MatchingModifierClause', 'FillModifier'])

/**
 * The expression with every string literal emptied, and the literals in order. The grammar's tree
 * does not depend on what a string holds, so rules that differ only in label values (a fleet's
 * rules, Sloth's per-SLO copies) share one parse.
 */
export function template(expr: string): { text: string; literals: Array<{ at: number; raw: string }> } | undefined {
  let text = ''
  const literals: Array<{ at: number; raw: string }> = []
  let i = 0
  let from = 0
  while (i < expr.length) {
    const c = expr[i]!
    if (c === '#') {
      const nl = expr.indexOf('\n', i)
      i = nl < 0 ? expr.length : nl
      continue
    }
    if (c !== '"' && c !== "'" && c !== '`') {
      i++
      continue
    }
    let j = i + 1
    while (j < expr.length && expr[j] !== c) {
      if (expr[j] === '\n' && c !== '`') return undefined
      j += c !== '`' && expr[j] === '\\' ? 2 : 1
    }
    if (j >= expr.length) return undefined
    text += expr.slice(from, i)
    literals.push({ at: text.length, raw: expr.slice(i, j + 1) })
    text += '""'
    i = j + 1
    from = i
  }
  return { text: text + expr.slice(from), literals }
}

/**
 * Where a position in a template's text falls in the expression it came from: each literal is
 * `""` at its `at` in the template, so a position after it moves by the literal's length less 2.
 */
function templatePosition(t: { literals: Array<{ at: number; raw: string }> }): (position: number) => number {
  const starts = t.literals.map((l) => l.at)
  const shift: number[] = [0]
  for (const l of t.literals) shift.push(shift.at(-1)! + l.raw.length - 2)
  return (p) => {
    let lo = 0
    let hi = starts.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (starts[mid]! < p) lo = mid + 1
      else hi = mid
    }
    return p + shift[lo]!
  }
}

/**
 * The grammar's parse of an expression's template, once for every expression of its shape, with
 * `at` taking a position in the template to the same place in the expression, so the tree reads
 * each expression in its own positions. Undefined when the expression has no template (a string
 * left open or broken by a line).
 */
export function templateParse(expr: string): { parsed: LezerParse; at: (templatePosition: number) => number } | undefined {
  const t = template(expr)
  return t ? { parsed: lezerParse(t.text), at: templatePosition(t) } : undefined
}

/** The grammar's parse of a text: the tree, the first problem in words, and where the first syntax error node starts. */
export interface LezerParse {
  tree: ReturnType<typeof parser.parse>
  error?: string
  syntaxErrorAt?: number
}
const lezerCache = new Map<string, LezerParse>()
/** Trees of templates, string values as placeholders (`\u0000<n>`: the n-th literal). */
const templateTrees = new Map<string, Node>()
const PLACEHOLDER = '\u0000'

/** A template's tree with its literals put in. */
function fill(n: Node, values: string[]): Node {
  const v = (x: string): string => (x.startsWith(PLACEHOLDER) ? values[Number(x.slice(1))]! : x)
  switch (n.kind) {
    case 'selector': {
      // A name taken from {__name__="..."} was a placeholder in the template.
      const own = n.name !== undefined && !n.name.startsWith(PLACEHOLDER) ? n.name : undefined
      const matchers = n.matchers.map((m) => ({ ...m, value: v(m.value) }))
      const byName = matchers.find((m) => m.label === '__name__' && m.op === '=')
      const name = own ?? byName?.value
      const shown = matchers.filter((m) => m !== byName)
      const text = `${name ?? ''}${shown.length || !name ? `{${shown.map((m) => `${m.label}${m.op}${JSON.stringify(m.value)}`).join(', ')}}` : ''}`
      const { name: _drop, ...rest } = n
      return { ...rest, ...(name !== undefined ? { name } : {}), matchers, text }
    }
    case 'string':
      return { kind: 'string', value: v(n.value) }
    case 'call':
    case 'aggregate':
    case 'other':
      return { ...n, args: n.args.map((a) => fill(a, values)) }
    case 'binary':
      return { ...n, lhs: fill(n.lhs, values), rhs: fill(n.rhs, values) }
    case 'unary':
    case 'subquery':
      return { ...n, expr: fill(n.expr, values) }
    default:
      return n
  }
}
const treeCache = new Map<string, Node | PromqlError>()

/** The grammar's parse of a text, once per text: the alignment and the backtest read the same rules. */
export function lezerParse(text: string): LezerParse {
  let hit = lezerCache.get(text)
  if (hit) return hit
  const tree = parser.parse(text)
  let error: string | undefined
  let syntaxErrorAt: number | undefined
  tree.iterate({
    enter: (n) => {
      if (n.type.isError) {
        syntaxErrorAt ??= n.from
        error ??= `${n.from >= text.length ? 'unexpected end of expression' : `syntax error near "${text.slice(n.from, n.from + 12)}"`} at column ${n.from + 1}`
      } else if (!error && n.name === 'StringLiteral') {
        const lit = text.slice(n.from, n.to)
        if (lit.length < 2 || lit[lit.length - 1] !== lit[0]) error = `unterminated string at column ${n.from + 1}`
      }
    }
  })
  hit = { tree, ...(error ? { error } : {}), ...(syntaxErrorAt !== undefined ? { syntaxErrorAt } : {}) }
  if (lezerCache.size > 20_000) lezerCache.clear()
  lezerCache.set(text, hit)
  return hit
}

/**
 * The syntax tree of an expression. Throws PromqlError with the reason when it is not valid PromQL.
 * Trees are cached by text, and the grammar's parse by the text without its string literals.
 */
export function parsePromql(expr: string): Node {
  let hit = treeCache.get(expr)
  if (hit === undefined) {
    try {
      const t = template(expr)
      const parsed = t ? lezerParse(t.text) : undefined
      if (t && parsed && !parsed.error) {
        let shape = templateTrees.get(t.text)
        if (!shape) {
          shape = new Reader(t.text, false, new Map(t.literals.map((l, i) => [l.at, `${PLACEHOLDER}${i}`]))).node(parsed.tree.topNode)
          if (templateTrees.size > 20_000) templateTrees.clear()
          templateTrees.set(t.text, shape)
        }
        hit = fill(
          shape,
          t.literals.map((l) => unquote(l.raw))
        )
      } else {
        // Positions in messages are those of the expression as written.
        const own = lezerParse(expr)
        if (own.error) throw new PromqlError(own.error)
        hit = new Reader(expr, false).node(own.tree.topNode)
      }
    } catch (err) {
      hit = err instanceof PromqlError ? err : new PromqlError(String(err))
    }
    if (treeCache.size > 50_000) treeCache.clear()
    treeCache.set(expr, hit)
  }
  if (hit instanceof PromqlError) throw hit
  return hit
}

/** The tree of an expression that may not be valid (dashboard queries with template variables). */
export function parseTolerant(expr: string): Node {
  const text = substituteVariables(expr)
  try {
    return parsePromql(text)
  } catch {
    return new Reader(text, true).node(parser.parse(text).topNode)
  }
}

export function children(n: Node): Node[] {
  switch (n.kind) {
    case 'call':
    case 'aggregate':
    case 'other':
      return n.args
    case 'binary':
      return [n.lhs, n.rhs]
    case 'unary':
    case 'subquery':
      return [n.expr]
    default:
      return []
  }
}

/** Every node of a tree, parents first (a loop, not recursion: trees from fleets are many). */
export function walk(n: Node): Node[] {
  const out: Node[] = []
  const stack: Node[] = [n]
  while (stack.length) {
    const x = stack.pop()!
    out.push(x)
    const c = children(x)
    for (let i = c.length - 1; i >= 0; i--) stack.push(c[i]!)
  }
  return out
}

export function selectors(n: Node): Array<Extract<Node, { kind: 'selector' }>> {
  const out: Array<Extract<Node, { kind: 'selector' }>> = []
  for (const x of walk(n)) if (x.kind === 'selector') out.push(x)
  return out
}

/** The value of a constant expression (numbers, + - * / ^ %, parentheses), or undefined. */
export function constantValue(n: Node): number | undefined {
  if (n.kind === 'number') return n.value
  if (n.kind === 'unary') {
    const v = constantValue(n.expr)
    return v === undefined ? undefined : n.op === '-' ? -v : v
  }
  if (n.kind === 'call' && n.fn === 'scalar' && n.args[0]) return undefined
  if (n.kind !== 'binary') return undefined
  const a = constantValue(n.lhs)
  const b = constantValue(n.rhs)
  if (a === undefined || b === undefined) return undefined
  switch (n.op) {
    case '+':
      return a + b
    case '-':
      return a - b
    case '*':
      return a * b
    case '/':
      return a / b
    case '%':
      return a % b
    case '^':
      return a ** b
    default:
      return undefined
  }
}

const COMPARISONS = new Set(['>', '>=', '<', '<=', '==', '!='])
const FLIP: Record<string, string> = { '>': '<', '>=': '<=', '<': '>', '<=': '>=', '==': '==', '!=': '!=' }

export interface Comparison {
  /** The side that is a series: what is compared. */
  series: Node
  /** The operator with the series on the left (`0.01 < x` reads as `x > 0.01`). */
  op: string
  threshold: number
  bool: boolean
}

/** A comparison between a series and a constant, or undefined (a comparison of two series). */
export function asComparison(n: Node): Comparison | undefined {
  if (n.kind !== 'binary' || !COMPARISONS.has(n.op)) return undefined
  const r = constantValue(n.rhs)
  if (r !== undefined && constantValue(n.lhs) === undefined) return { series: n.lhs, op: n.op, threshold: r, bool: n.bool }
  const l = constantValue(n.lhs)
  if (l !== undefined && r === undefined) return { series: n.rhs, op: FLIP[n.op]!, threshold: l, bool: n.bool }
  return undefined
}

/** One or-branch of an alert condition: comparisons that must all hold (and-joined), and filters. */
export interface Branch {
  comparisons: Comparison[]
  /** Comparisons between two series (thresholds that are not constants). */
  unreadable: Node[]
  /** and-joined parts with no comparison (`and on() up == 1` is a comparison; `and vector(1)` is not). */
  filters: Node[]
}

/** Functions and aggregations that keep the set of series their argument selects. */
const PASS_THROUGH_FUNCS = new Set(['label_replace', 'label_join', 'sort', 'sort_desc', 'last_over_time'])
const PASS_THROUGH_AGGS = new Set(['max', 'min', 'sum', 'avg', 'group'])

/**
 * An alert expression as or-joined branches of and-joined comparisons. The series an alert fires
 * for are those of the branches; `unless` removes series, so only its left side can fire.
 */
export function branches(n: Node): Branch[] {
  if (n.kind === 'binary' && n.op === 'or') return [...branches(n.lhs), ...branches(n.rhs)]
  if (n.kind === 'binary' && n.op === 'unless') return branches(n.lhs)
  if (n.kind === 'binary' && n.op === 'and') {
    const out: Branch[] = []
    for (const a of branches(n.lhs))
      for (const b of branches(n.rhs))
        out.push({
          comparisons: [...a.comparisons, ...b.comparisons],
          unreadable: [...a.unreadable, ...b.unreadable],
          filters: [...a.filters, ...b.filters]
        })
    return out
  }
  if (n.kind === 'aggregate' && PASS_THROUGH_AGGS.has(n.op) && n.args.length === 1) return branches(n.args[0]!)
  if (n.kind === 'call' && PASS_THROUGH_FUNCS.has(n.fn) && n.args[0]) return branches(n.args[0])
  const c = asComparison(n)
  if (c) return [{ comparisons: [c], unreadable: [], filters: [] }]
  if (n.kind === 'binary' && COMPARISONS.has(n.op)) return [{ comparisons: [], unreadable: [n], filters: [] }]
  return [{ comparisons: [], unreadable: [], filters: [n] }]
}

/** Functions whose first argument is a range of counter samples. */
const RANGE_FUNCS = new Set([
  'rate',
  'increase',
  'irate',
  'delta',
  'idelta',
  'avg_over_time',
  'sum_over_time',
  'count_over_time',
  'min_over_time',
  'max_over_time',
  'absent_over_time',
  'present_over_time',
  'last_over_time',
  'quantile_over_time',
  'changes',
  'resets',
  'deriv',
  'predict_linear'
])

/** Ranges (seconds) of range-vector selectors and subqueries read by an expression. */
export function ranges(n: Node): number[] {
  const out: number[] = []
  for (const x of walk(n)) {
    if (x.kind === 'selector' && x.range !== undefined && Number.isFinite(x.range)) out.push(x.range)
    if (x.kind === 'subquery') out.push(x.range)
  }
  return out
}

/** Whether an expression reads a counter as rate()/increase() (a ratio of rates is an error ratio). */
function readsRate(n: Node): boolean {
  for (const x of walk(n)) if (x.kind === 'call' && RANGE_FUNCS.has(x.fn)) return true
  return false
}

export type RatioShape = 'errors/total' | '1 - good/total' | 'burn rate (ratio / budget)'

/** Strip aggregations and functions that keep the value (max without(..), clamp_min(x, 0), ...). */
function core(n: Node): Node {
  if (n.kind === 'aggregate' && PASS_THROUGH_AGGS.has(n.op) && n.args.length === 1) return core(n.args[0]!)
  if (n.kind === 'call' && (PASS_THROUGH_FUNCS.has(n.fn) || n.fn === 'clamp_min' || n.fn === 'clamp_max' || n.fn === 'clamp') && n.args[0])
    return core(n.args[0])
  return n
}

/**
 * The ratio shape of the series side of a comparison, once recording rules are expanded:
 * errors/total, 1 - good/total, or either divided by a constant budget (a burn rate).
 */
export function ratioShape(n: Node): { shape: RatioShape | undefined; divisor?: number } {
  const c = core(n)
  if (c.kind === 'binary' && c.op === '/') {
    const d = constantValue(c.rhs)
    if (d !== undefined && constantValue(c.lhs) === undefined) {
      const inner = ratioShape(c.lhs)
      return { shape: inner.shape ? 'burn rate (ratio / budget)' : undefined, divisor: d }
    }
    if (readsRate(c.lhs) && readsRate(c.rhs)) return { shape: 'errors/total' }
    const l = ratioShape(c.lhs)
    if (l.shape) return l
  }
  if (c.kind === 'binary' && c.op === '-' && constantValue(c.lhs) === 1) {
    const r = core(c.rhs)
    if (r.kind === 'binary' && r.op === '/' && readsRate(r.lhs) && readsRate(r.rhs)) return { shape: '1 - good/total' }
  }
  if (c.kind === 'binary' && c.op === '*') {
    const k = constantValue(c.rhs) ?? constantValue(c.lhs)
    const other = constantValue(c.rhs) !== undefined ? c.lhs : c.rhs
    if (k !== undefined) {
      const inner = ratioShape(other)
      if (inner.shape) return { shape: 'burn rate (ratio / budget)', divisor: 1 / k }
    }
  }
  return { shape: undefined }
}

/** Whether a label matcher list selects a value: `label="v"` or a `=~` regex that matches v. */
export function matcherSelects(m: Matcher, value: string): boolean {
  if (m.op === '=') return m.value === value
  if (m.op === '=~') return regexMatches(m.value, value)
  return false
}

const regexCache = new Map<string, RegExp | null>()
/** Prometheus regexes are anchored RE2; JavaScript's engine reads the common subset alike. */
export function regexMatches(pattern: string, value: string): boolean {
  let re = regexCache.get(pattern)
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern})$`)
    } catch {
      re = null
    }
    regexCache.set(pattern, re)
  }
  return re ? re.test(value) : false
}

/** Whether a series with these labels is selected by the matchers. */
export function matchersAccept(matchers: Matcher[], labels: Record<string, string>): boolean {
  return matchers.every((m) => {
    const v = labels[m.label] ?? ''
    if (m.op === '=') return v === m.value
    if (m.op === '!=') return v !== m.value
    if (m.op === '=~') return regexMatches(m.value, v)
    return !regexMatches(m.value, v)
  })
}

// ---- Helpers over expression text (dashboards, suggestions, older callers) ------------------------

/** Metric names an expression reads (including recording-rule names it references). */
export function metricNames(expr: string): string[] {
  return [...new Set(selectors(parseTolerant(expr)).flatMap((s) => (s.name ? [s.name] : [])))]
}

export interface VectorReference {
  name: string
  matchers: Matcher[]
}

/** `name{label="v", ...}` references, with their matchers. */
export function vectorReferences(expr: string): VectorReference[] {
  return selectors(parseTolerant(expr)).flatMap((s) => (s.name ? [{ name: s.name, matchers: s.matchers }] : []))
}

/** Label matchers anywhere in an expression. */
export function labelMatchers(expr: string): Matcher[] {
  return selectors(parseTolerant(expr)).flatMap((s) => s.matchers)
}

/** Whether an expression selects a label value: `label="v"` or a `=~` regex that matches v. */
export function selectsValue(expr: string, value: string, label?: string): boolean {
  return labelMatchers(expr).some((m) => (label === undefined || m.label === label) && matcherSelects(m, value))
}

/**
 * Whether an expression evaluates a window: a range `[1h]`, or (for a recording rule not in the
 * rule set) a referenced name ending in the window, as `ratio_rate1h`.
 */
export function referencesWindow(expr: string, window: string): boolean {
  const w = promDurationSeconds(window)
  const tree = parseTolerant(expr)
  if (w !== undefined && ranges(tree).some((r) => Math.abs(r - w) < 1e-9)) return true
  return selectors(tree).some((s) => s.name !== undefined && nameWindow(s.name) === w)
}

/** The window a recording rule's name ends in (`..._rate1h`, `...:burnrate5m`), in seconds. */
export function nameWindow(name: string): number | undefined {
  const m = /(?:^|[^0-9a-zA-Z])[a-zA-Z_]*?(\d+(?:ms|y|w|d|h|m|s))$/.exec(name)
  return m ? promDurationSeconds(m[1]!) : undefined
}

/** Constant right-hand sides of `>` / `>=` comparisons, in order. */
export function comparisonThresholds(expr: string): number[] {
  let tree: Node
  try {
    tree = parsePromql(substituteVariables(expr))
  } catch {
    return []
  }
  const out: number[] = []
  for (const x of walk(tree)) {
    const c = asComparison(x)
    if (c && (c.op === '>' || c.op === '>=') && Number.isFinite(c.threshold)) out.push(c.threshold)
  }
  return out
}

/** Whether an expression divides by a constant equal to `budget` (a burn rate, not a ratio). */
export function dividesBy(expr: string, budget: number): boolean {
  for (const x of walk(parseTolerant(expr))) {
    if (x.kind !== 'binary' || x.op !== '/') continue
    const d = constantValue(x.rhs)
    if (d !== undefined && Math.abs(d - budget) <= budget * 1e-9) return true
  }
  return false
}

/** First plain vector selector in a query (for `absent(...)`), as written. */
export function firstSelector(expr: string): string | undefined {
  const s = selectors(parseTolerant(expr)).find((x) => x.name)
  return s?.text.replace(/\[.*$/, '')
}
