import { escapeMarkdown } from './escape.js'

/** A Markdown table; every cell is escaped. */
export function mdTable(headers: string[], rows: Array<Array<string | number | null | undefined>>): string {
  if (rows.length === 0) return '_None._\n'
  const cell = (v: string | number | null | undefined): string => (v === null || v === undefined || v === '' ? '-' : escapeMarkdown(String(v)))
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)
  ].join('\n') + '\n'
}

export const mdList = (items: string[]): string => (items.length ? items.map((i) => `- ${escapeMarkdown(i)}`).join('\n') + '\n' : '_None._\n')

export const fmtNumber = (n: number | null | undefined, digits = 4): string =>
  n === null || n === undefined || !Number.isFinite(n) ? 'n/a' : String(Math.round(n * 10 ** digits) / 10 ** digits)
