import { escapeMarkdown } from '../util/escape.js'

/** A cell already rendered as Markdown by the caller (e.g. inline code), inserted as it is. */
export interface MdCell {
  md: string
}
type Cell = string | number | null | undefined | MdCell

/** A Markdown table; every plain cell is escaped. */
export function mdTable(headers: string[], rows: Cell[][]): string {
  if (rows.length === 0) return '_None._\n'
  const cell = (v: Cell): string =>
    v === null || v === undefined || v === '' ? '-' : typeof v === 'object' ? v.md : escapeMarkdown(String(v))
  return (
    [
      `| ${headers.map(cell).join(' | ')} |`,
      `| ${headers.map(() => '---').join(' | ')} |`,
      ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)
    ].join('\n') + '\n'
  )
}

export const mdList = (items: string[]): string =>
  items.length ? items.map((i) => `- ${escapeMarkdown(i)}`).join('\n') + '\n' : '_None._\n'

export const fmtNumber = (n: number | null | undefined, digits = 4): string =>
  n === null || n === undefined || !Number.isFinite(n) ? 'n/a' : String(Math.round(n * 10 ** digits) / 10 ** digits)
