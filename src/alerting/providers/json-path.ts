/**
 * The JSON paths of `alerting.webhook.ack`: RFC 9535 singular queries only (`$`, `.name`,
 * `['name']`, `[0]`, `[-1]`), so each path names at most one value and never runs code.
 */
import { isObject } from '../../util/json.js'

export type PathSegment = string | number

export function parseJsonPath(path: string): PathSegment[] {
  if (!path.startsWith('$')) throw new Error(`JSON path ${JSON.stringify(path)} must start with $`)
  const out: PathSegment[] = []
  const re = /\.([A-Za-z_][A-Za-z0-9_-]*)|\[(-?\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/y
  let i = 1
  while (i < path.length) {
    re.lastIndex = i
    const m = re.exec(path)
    if (!m) throw new Error(`JSON path ${JSON.stringify(path)}: cannot read from position ${i} ("${path.slice(i, i + 10)}")`)
    if (m[1] !== undefined) out.push(m[1])
    else if (m[2] !== undefined) out.push(Number(m[2]))
    else out.push((m[3] ?? m[4])!)
    i = re.lastIndex
  }
  return out
}

/** The value at the path, or undefined when any step is missing. */
export function readJsonPath(data: unknown, path: string | PathSegment[]): unknown {
  const segments = typeof path === 'string' ? parseJsonPath(path) : path
  let cur: unknown = data
  for (const seg of segments) {
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) return undefined
      cur = cur[seg < 0 ? cur.length + seg : seg]
    } else {
      if (!isObject(cur) || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined
      cur = cur[seg]
    }
  }
  return cur
}
