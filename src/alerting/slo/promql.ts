/**
 * Just enough PromQL reading to compare alert rules with SLOs: which metrics an expression reads,
 * which label values it selects, which windows it evaluates and which constant thresholds it
 * compares against. Not a parser; it errs towards "not found", which reports a rule as misaligned
 * rather than wrongly aligned.
 */

const KEYWORDS = new Set([
  'and', 'or', 'unless', 'bool', 'offset', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'inf', 'nan'
])

/** Replace string literals with empty ones so their contents are never read as names. */
function blankStrings(expr: string): string {
  return expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
}

/** Metric names an expression reads (including recording-rule names it references). */
export function metricNames(expr: string): string[] {
  const names = new Set<string>()
  for (const m of expr.matchAll(/__name__\s*=\s*"([^"]+)"/g)) names.add(m[1]!)
  const text = blankStrings(expr)
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/gi, ' ')
    .replace(/\boffset\s+-?[0-9a-z]+/gi, ' ')
  for (const m of text.matchAll(/(?<![A-Za-z0-9_:.])([A-Za-z_:][A-Za-z0-9_:]*)(?![A-Za-z0-9_:]|\s*\()/g)) {
    const name = m[1]!
    if (!KEYWORDS.has(name.toLowerCase())) names.add(name)
  }
  return [...names]
}

export interface VectorReference {
  name: string
  matchers: Array<{ label: string; op: string; value: string }>
}

/** `name{label="v", ...}` references, with their matchers. */
export function vectorReferences(expr: string): VectorReference[] {
  const out: VectorReference[] = []
  const names = new Set(metricNames(expr))
  for (const m of expr.matchAll(/(?<![A-Za-z0-9_:.])([A-Za-z_:][A-Za-z0-9_:]*)\s*(\{[^}]*\})?/g)) {
    const name = m[1]!
    if (!names.has(name) || /^\s*\(/.test(expr.slice((m.index ?? 0) + m[0].length))) continue
    out.push({ name, matchers: labelMatchers(m[2] ?? '') })
  }
  return out
}

/** Label matchers anywhere in an expression. */
export function labelMatchers(expr: string): Array<{ label: string; op: string; value: string }> {
  const out: Array<{ label: string; op: string; value: string }> = []
  for (const m of expr.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"/g)) {
    out.push({ label: m[1]!, op: m[2]!, value: m[3]!.replace(/\\(.)/g, '$1') })
  }
  return out
}

/** Whether an expression selects a label value: `label="v"` or a `=~` regex that matches v. */
export function selectsValue(expr: string, value: string, label?: string): boolean {
  return labelMatchers(expr).some((m) => {
    if (label !== undefined && m.label !== label) return false
    if (m.op === '=') return m.value === value
    if (m.op === '=~') {
      try {
        return new RegExp(`^(?:${m.value})$`).test(value)
      } catch {
        return false
      }
    }
    return false
  })
}

/** Whether an expression evaluates a window: `[1h]` or a recording-rule name ending in `1h`. */
export function referencesWindow(expr: string, window: string): boolean {
  const w = window.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<![0-9])${w}(?![0-9a-zA-Z])`).test(expr)
}

/**
 * A constant arithmetic expression starting at `pos` (numbers, + - * /, parentheses).
 * Returns its value and where it ended, or undefined when there is none.
 */
export function readConstant(text: string, pos: number): { value: number; end: number } | undefined {
  let i = pos
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i++
  }
  const number = (): number | undefined => {
    ws()
    const m = /^[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i))
    if (!m) return undefined
    i += m[0].length
    return Number(m[0])
  }
  const factor = (): number | undefined => {
    ws()
    if (text[i] === '-' || text[i] === '+') {
      const sign = text[i] === '-' ? -1 : 1
      i++
      const v = factor()
      return v === undefined ? undefined : sign * v
    }
    if (text[i] === '(') {
      const save = i
      i++
      const v = sum()
      ws()
      if (v === undefined || text[i] !== ')') {
        i = save
        return undefined
      }
      i++
      return v
    }
    return number()
  }
  const product = (): number | undefined => {
    let v = factor()
    if (v === undefined) return undefined
    for (;;) {
      ws()
      const op = text[i]
      if (op !== '*' && op !== '/') return v
      const save = i
      i++
      const r = factor()
      if (r === undefined) {
        i = save
        return v
      }
      v = op === '*' ? v * r : v / r
    }
  }
  const sum = (): number | undefined => {
    let v = product()
    if (v === undefined) return undefined
    for (;;) {
      ws()
      const op = text[i]
      if (op !== '+' && op !== '-') return v
      const save = i
      i++
      const r = product()
      if (r === undefined) {
        i = save
        return v
      }
      v = op === '+' ? v + r : v - r
    }
  }
  const value = sum()
  if (value === undefined || !Number.isFinite(value)) return undefined
  // A constant followed by an operator applied to something non-constant is not a threshold.
  const after = text.slice(i).trimStart()
  if (/^[*/+\-^%]/.test(after)) return undefined
  return { value, end: i }
}

/** Constant right-hand sides of `>` / `>=` comparisons, in order. */
export function comparisonThresholds(expr: string): number[] {
  const text = blankStrings(expr).replace(/\{[^}]*\}/g, '{}')
  const out: number[] = []
  for (const m of text.matchAll(/>=?(?:\s*bool\b)?/g)) {
    const c = readConstant(text, (m.index ?? 0) + m[0].length)
    if (c) out.push(c.value)
  }
  return out
}

/** Whether an expression divides by a constant equal to `budget` (a burn rate, not a ratio). */
export function dividesBy(expr: string, budget: number): boolean {
  const text = blankStrings(expr).replace(/\{[^}]*\}/g, '{}')
  for (const m of text.matchAll(/\//g)) {
    const c = readConstant(text, (m.index ?? 0) + 1)
    if (c && Math.abs(c.value - budget) <= budget * 1e-9) return true
  }
  return false
}

/** First plain vector selector in a query (for `absent(...)`). */
export function firstSelector(expr: string): string | undefined {
  const ref = vectorReferences(expr)[0]
  if (!ref) return undefined
  const m = new RegExp(`${ref.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(\\{[^}]*\\})?`).exec(expr)
  return m ? m[0].replace(/\s+/g, ' ') : ref.name
}
