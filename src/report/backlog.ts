import { byPriority, type BacklogItem } from '../model/backlog.js'
import { codeBlock, escapeMarkdown, inlineCode } from '../util/escape.js'
import { mdTable } from './table.js'

/** `improvement-backlog.md`: one entry per item, with the fingerprint that finds its issue again. */
export function renderBacklog(items: BacklogItem[], now: Date): string {
  const sorted = [...items].sort(byPriority)
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
        mdTable(
          ['Evidence', 'Value'],
          b.evidence.map((e) => [e.label, e.value])
        ),
        ...(b.action ? [`**What to do:** ${escapeMarkdown(b.action)}`, ''] : []),
        ...(b.verify ? ['**Check the fix locally:**', '', codeBlock(b.verify, 'sh'), ''] : [])
      ].join('\n')
    )
  ].join('\n')
}
