/**
 * Escaping for text that came from files, config or APIs before it goes into Markdown that GitHub
 * renders (reports, step summaries, issue bodies). The result is inert: no tables broken, no
 * HTML, no emphasis or links, and no @mention or #123 reference that would notify someone or
 * link an issue.
 */

/** Zero-width joiner: breaks GitHub's @mention and #123 autolinks without changing what is shown. */
const ZWJ = '\u200D'

/** Escape text for use in Markdown prose, list items and table cells (one line). */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n?|\n/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_[\]|~]/g, '\\$&')
      .replace(/(^|[^A-Za-z0-9_`])@(?=[A-Za-z0-9])/g, `$1@${ZWJ}`)
      .replace(/(^|[^A-Za-z0-9_&])#(?=\d)/g, `$1#${ZWJ}`)
      // A leading "- ", "+ " or "1. " would start a list; escape the marker's punctuation
      // (CommonMark escapes only punctuation, so "\\1." would show the backslash).
      .replace(/^(\s*)([-+])(\s)/, '$1\\$2$3')
      .replace(/^(\s*)(\d+)([.)])(\s)/, '$1$2\\$3$4')
      .replace(/^(\s*)#/, '$1\\#')
  )
}

/**
 * Inline code for a query or other text shown verbatim (one line). The fence is longer than any
 * run of backticks inside; `|` is escaped because GitHub tables split cells on it even in code.
 */
export function inlineCode(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ').replace(/\|/g, '\\|')
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}

/** A fenced code block for multi-line text shown verbatim. */
export function codeBlock(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${lang}\n${text.replace(/\r\n?/g, '\n').replace(/\n$/, '')}\n${fence}`
}

/** A Markdown link whose text is escaped; only http(s) URLs become links. */
export function mdLink(text: string, url: string | undefined): string {
  if (!url || !/^https?:\/\//i.test(url)) return escapeMarkdown(text)
  return `[${escapeMarkdown(text)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`
}
