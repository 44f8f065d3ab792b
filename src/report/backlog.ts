import type { BacklogItem } from '../model/backlog.js'
import { escapeMarkdown, inlineCode } from './escape.js'
import { mdTable } from './table.js'

/** `improvement-backlog.md`: one entry per item, with the fingerprint that finds its issue again. */
export function renderBacklog(items: BacklogItem[], now: Date): string {
  const order = { high: 0, medium: 1, low: 2 }
  const sorted = [...items].sort((a, b) => order[a.priority] - order[b.priority] || a.fingerprint.localeCompare(b.fingerprint))
  return [
    '# Improvement backlog',
    '',
    `Generated ${now.toISOString()}. ${items.length} item(s).`,
    '',
    mdTable(
      ['Priority', 'Item', 'Gate', 'Fingerprint'],
      sorted.map((b) => [b.priority, b.title, b.gate ? String(b.gate) : '', { md: inlineCode(b.fingerprint) }])
    ),
    ...sorted.map((b) =>
      [
        `## ${escapeMarkdown(b.title)}`,
        '',
        escapeMarkdown(b.summary),
        '',
        mdTable(['Evidence', 'Value'], b.evidence.map((e) => [e.label, e.value]))
      ].join('\n')
    )
  ].join('\n')
}
