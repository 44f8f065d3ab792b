/**
 * Dotted paths into a JSON answer: `hits.total.value`, `traces.length`, `data.0.spans`, and `*`
 * over an array (`traces.*.startTimeUnixNano`) which yields every element's value.
 */
export function readPath(data: unknown, path: string): unknown {
  let current: unknown[] = [data]
  let spread = false
  for (const key of path.split('.').filter((k) => k !== '')) {
    const next: unknown[] = []
    for (const cur of current) {
      if (key === '*') {
        if (Array.isArray(cur)) next.push(...cur)
        else if (cur !== null && typeof cur === 'object') next.push(...Object.values(cur))
        spread = true
        continue
      }
      if (key === 'length' && (Array.isArray(cur) || typeof cur === 'string')) {
        next.push(cur.length)
        continue
      }
      if (key === 'length' && cur !== null && typeof cur === 'object' && !('length' in cur)) {
        next.push(Object.keys(cur).length)
        continue
      }
      if (cur !== null && typeof cur === 'object' && key in cur) next.push((cur as Record<string, unknown>)[key])
    }
    current = next
  }
  return spread ? current : current[0]
}

export type Comparison = { op: '>' | '>=' | '<' | '<=' | '==' | '!='; operand: string }

export function parseCondition(condition: string): Comparison {
  const m = /^(>=|<=|==|!=|>|<)\s*(\S+)$/.exec(condition.trim())
  if (!m) throw new Error(`not a condition: ${condition}`)
  return { op: m[1] as Comparison['op'], operand: m[2] as string }
}

/** Apply `> 0`, `== true`, `!= error` to a value; numbers compare as numbers, others as text. */
export function evaluateCondition(value: unknown, condition: string): boolean {
  const { op, operand } = parseCondition(condition)
  const asNumber = (v: unknown): number | undefined => {
    if (typeof v === 'number') return v
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v)
    return undefined
  }
  const a = asNumber(value)
  const b = asNumber(operand)
  if (a !== undefined && b !== undefined) {
    if (!Number.isFinite(a)) return false
    switch (op) {
      case '>':
        return a > b
      case '>=':
        return a >= b
      case '<':
        return a < b
      case '<=':
        return a <= b
      case '==':
        return a === b
      case '!=':
        return a !== b
    }
  }
  const text = typeof value === 'string' || typeof value === 'boolean' ? String(value) : undefined
  if (text === undefined) return false
  if (op === '==') return text === operand
  if (op === '!=') return text !== operand
  return false
}

/**
 * A time in an API answer as epoch seconds: ISO text, or a number in seconds, milliseconds,
 * microseconds or nanoseconds (Tempo writes `startTimeUnixNano` as a string), told apart by size.
 */
export function toEpochSeconds(value: unknown): number | undefined {
  if (typeof value === 'string' && !/^\d+(\.\d+)?$/.test(value.trim())) {
    const t = Date.parse(value)
    return Number.isNaN(t) ? undefined : t / 1000
  }
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN
  if (!Number.isFinite(n) || n <= 0) return undefined
  if (n >= 1e17) return n / 1e9
  if (n >= 1e14) return n / 1e6
  if (n >= 1e11) return n / 1e3
  return n
}
