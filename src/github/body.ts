/** Issue and comment bodies: GitHub's size limit. (Escaping is src/util/escape.ts.) */

/** GitHub rejects issue and comment bodies longer than this (characters). */
export const GITHUB_BODY_LIMIT = 65536

/**
 * Keep a body under GitHub's limit: cut at a line boundary and say what was left out and where
 * the rest is.
 */
export function fitBody(body: string, limit = GITHUB_BODY_LIMIT, where = 'the monitoring package'): string {
  if (body.length <= limit) return body
  const note = `\n\n_Truncated: this text was longer than GitHub's ${limit.toLocaleString('en-US')}-character limit; the full content is in ${where}._\n`
  let cut = body.slice(0, limit - note.length)
  const nl = cut.lastIndexOf('\n')
  if (nl > cut.length / 2) cut = cut.slice(0, nl)
  return cut + note
}
