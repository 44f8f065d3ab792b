/** A parsed JSON or YAML object. */
export type JsonObject = Record<string, unknown>

/** True for a plain object (not null, not an array): the shape checks of parsed documents. */
export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v)
