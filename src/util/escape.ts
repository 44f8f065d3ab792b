/**
 * The one escaper for text that came from files, config or APIs before it goes into Markdown or
 * HTML that GitHub renders (reports, step summaries, runbooks, issue and comment bodies). The
 * result is inert: no tables broken, no HTML, no emphasis, code or links, and no @mention, #123
 * or GH-123 reference that would notify someone or link an issue (GitHub links these even when
 * backslash-escaped, so a zero-width joiner breaks them without changing what is shown).
 */

/** Zero-width joiner: breaks GitHub's @mention and #123 autolinks without changing what is shown. */
const ZWJ = '\u200D'

/** Control characters other than tab and newline: they never render and can hide text. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

/** @user, @org/team, #123 and GH-123 made plain text; an e-mail address (x@y.z) and an entity (&#39;) stay as they are. */
export function neutraliseMentions(text: string): string {
  return text
    .replace(/(^|[^A-Za-z0-9])@(?=[A-Za-z0-9_-])/g, `$1@${ZWJ}`)
    .replace(/(?<!&)#(?=\d)/g, `#${ZWJ}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`)
}

/** One line: control characters dropped, every line break (and the blanks around it) one space. */
const oneLine = (text: string): string => text.replace(CONTROL, '').replace(/[ \t]*(?:\r\n?|\n)\s*/g, ' ')

/**
 * Markdown inline text (prose, list items, headings, table cells): one line that renders as the
 * literal text. A bare http(s) URL or e-mail address stays the link GitHub makes of it (no escape
 * can stop that, and those schemes are safe); no other link, image or HTML can form.
 */
export function escapeMarkdown(text: string): string {
  return neutraliseMentions(
    oneLine(text)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Emphasis, code, links, tables, strike-through, math; `&` and `;` stay so the entities do.
      .replace(/[\\`*_[\]|~$]/g, '\\$&')
      // No "](" stays in the text, so nothing reads as a link even where a bracket is let through.
      .replace(/\]\(/g, ']\\(')
      // A leading "- ", "+ ", "1. " or "#" would start a list or a heading; escape the marker's
      // punctuation (CommonMark escapes only punctuation, so "\1." would show the backslash).
      .replace(/^(\s*)([-+])(\s)/, '$1\\$2$3')
      .replace(/^(\s*)(\d+)([.)])(\s)/, '$1$2\\$3$4')
      .replace(/^(\s*)#/, '$1\\#')
  )
}

/** A Markdown table cell: inline-escaped (pipes and line breaks included) and shortened to `max` characters. */
export function escapeCell(text: string, max = 1000): string {
  return escapeMarkdown(text.length > max ? `${text.slice(0, max - 1)}…` : text)
}

/**
 * A code span for a query or other text shown verbatim (one line). The fence is longer than any
 * run of backticks inside; `|` is escaped because GitHub tables split cells on it even in code.
 */
export function inlineCode(text: string): string {
  const flat = oneLine(text).replace(/\|/g, '\\|')
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}

/** A fenced code block for multi-line text shown verbatim: the fence is longer than any run of backticks inside. */
export function codeBlock(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${lang}\n${text.replace(/\r\n?/g, '\n').replace(/\n$/, '')}\n${fence}`
}

/**
 * HTML text or a quoted attribute value, one line (e.g. inside `<summary>`: GitHub does not read
 * Markdown there, so backslash escapes would show, and a blank line would end the HTML block).
 */
export function escapeHtml(text: string): string {
  return neutraliseMentions(
    oneLine(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
  )
}

/**
 * A link target: only an http(s) URL that parses; `<`, `>` and blanks percent-encoded so that it
 * stays whole inside `<…>`. Anything else (javascript:, data:, a bare path) is not a link.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined
  try {
    new URL(url)
  } catch {
    return undefined
  }
  return url.replace(/[<>\s]/g, encodeURIComponent)
}

/** A Markdown link whose text is escaped; a URL that is not safe leaves the escaped text alone. */
export function mdLink(text: string, url: string | undefined): string {
  const safe = safeUrl(url)
  return safe ? `[${escapeMarkdown(text)}](<${safe}>)` : escapeMarkdown(text)
}
