/** A parsed JSON or YAML object. */
export type JsonObject = Record<string, unknown>

/** True for a plain object (not null, not an array): the shape checks of parsed documents. */
export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The value a path of keys and indexes names in parsed JSON or YAML; undefined when a step is missing. */
export function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = data
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<PropertyKey, unknown>)[key]
  }
  return cur
}
