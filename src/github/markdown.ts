/**
 * Text from evidence, config or an API, made safe for a GitHub issue or comment body: no HTML, no
 * Markdown structure, no links, and no notifications (GitHub links `@user`, `@org/team`, `#123`
 * and `GH-123` in rendered text even when backslash-escaped, so a zero-width space breaks them).
 */

/** GitHub rejects issue and comment bodies longer than this (characters). */
export const GITHUB_BODY_LIMIT = 65536

const ZWSP = '\u200B'

export function neutraliseMentions(text: string): string {
  return text
    .replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWSP}`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWSP}`)
}

/** One line of inline Markdown that renders as the literal text. */
export function escapeInline(text: string): string {
  const oneLine = text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '').replace(/\s*[\r\n]+\s*/g, ' ')
  const html = oneLine.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  // Backslash-escape the ASCII punctuation Markdown gives a meaning to (links, emphasis, code,
  // tables, headings, lists, math); `&` and `;` are left alone so the entities above stay intact.
  const md = html.replace(/[\\`*_{}[\]()#+\-.!|~^$]/g, (c) => `\\${c}`)
  return neutraliseMentions(md)
}

/** A table cell: inline-escaped and shortened. */
export function escapeCell(text: string, max = 1000): string {
  const shortened = text.length > max ? `${text.slice(0, max - 1)}…` : text
  return escapeInline(shortened)
}

/** Only http(s) URLs become links; parentheses and spaces are percent-encoded so the link stays whole. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const u = new URL(url)
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined
    return u.href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20')
  } catch {
    return undefined
  }
}

export function link(text: string, url: string | undefined): string {
  const safe = safeUrl(url)
  return safe ? `[${escapeInline(text)}](${safe})` : escapeInline(text)
}

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
