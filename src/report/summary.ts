import type { GateResult } from '../gates/types.js'
import type { RunResult } from '../protocol/run.js'
import type { SignalCoverage } from '../telemetry/types.js'
import { escapeMarkdown, inlineCode } from './escape.js'
import { mdTable } from './table.js'

/** The runner drops a step summary over 1024 KiB; stay well under it. */
export const SUMMARY_LIMIT_BYTES = 1000 * 1024

const icon = (status: string): string => (status === 'pass' ? '✅' : status === 'error' ? '⚠️' : '❌')

function signalCell(s: SignalCoverage | undefined): string {
  if (!s) return '-'
  if (s.verified) return `✅${s.freshnessSeconds !== undefined ? ` ${Math.round(s.freshnessSeconds)}s` : ''}`
  if (!s.mapped) return '❌ unmapped'
  if (s.verdict === 'error') return '⚠️ error'
  return `❌ ${s.verdict}`
}

function gateSection(g: GateResult): string {
  const lines = [`### ${icon(g.status)} Gate ${g.id}: ${escapeMarkdown(g.name)} — ${g.status.toUpperCase()}`, '']
  if (g.checks.length) lines.push(mdTable(['Check', 'Status', 'Value', 'Threshold'], g.checks.map((c) => [c.name, c.status, c.value, c.threshold])))
  if (g.reasons.length) lines.push('**Why it failed**', '', ...g.reasons.map((r) => `- ${escapeMarkdown(r)}`), '')
  if (g.errors.length) lines.push('**Backend errors** (not failed checks: the backend could not answer)', '', ...g.errors.map((r) => `- ${escapeMarkdown(r)}`), '')
  return lines.join('\n')
}

/**
 * The job summary: gates, the per-service coverage matrix and the reasons. Every value from
 * evidence, config or an API is escaped. Shortened to fit the runner's limit, saying so.
 */
export function renderSummary(result: RunResult, links: { runUrl?: string; packageUrl?: string; packageName?: string }): string {
  const head = [
    `## ${result.status === 'pass' ? '✅ Monitoring is in place' : '❌ Monitoring is not in place'}`,
    '',
    result.model ? `Release **${escapeMarkdown(result.model.release.tag ?? 'untagged')}** in **${escapeMarkdown(result.model.environment)}**, ${result.model.services.length} service(s).` : '',
    links.packageUrl ? `Evidence package: [${escapeMarkdown(links.packageName ?? 'monitoring-package')}](${links.packageUrl})` : `Evidence package: ${inlineCode(result.packageDir)}`,
    '',
    mdTable(['Gate', 'Status', 'Reasons'], result.gates.map((g) => [`${g.id}. ${g.name}`, `${icon(g.status)} ${g.status.toUpperCase()}`, String(g.reasons.length + g.errors.length)])),
    ...(result.errors.length ? ['**Errors**', '', ...result.errors.slice(0, 50).map((e) => `- ${escapeMarkdown(e)}`), ''] : [])
  ].join('\n')

  const gates = result.gates.map(gateSection).join('\n')
  const services = result.audit?.services ?? []
  const matrixRows = services.map((s) => [
    `${s.service_name}${s.critical ? ' (critical)' : ''}${s.new ? ' (new)' : ''}`,
    s.status,
    signalCell(s.metrics),
    signalCell(s.logs),
    signalCell(s.traces),
    signalCell(s.synthetics)
  ])
  const matrix = (rows: typeof matrixRows, note = ''): string =>
    ['### Coverage matrix', '', mdTable(['Service', 'Status', 'Metrics', 'Logs', 'Traces', 'Synthetic'], rows), note].join('\n')
  const alerts = result.alertTests?.tests.length
    ? [
        '### Alert path tests',
        '',
        mdTable(
          ['Route', 'Expected receiver', 'Actual', 'Delivered', 'Acknowledged (s)', 'SLA met', 'Status'],
          result.alertTests.tests.map((t) => [t.route, t.expected_receiver, t.actual_receivers.join(', '), t.delivered_at, t.acknowledgement_time_seconds, t.sla_met ? 'yes' : 'no', t.status])
        )
      ].join('\n')
    : ''
  const issues = result.issues
    ? [
        '### Improvement backlog',
        '',
        `${result.backlog.length} item(s); issues opened ${result.issues.opened.length}, updated ${result.issues.updated.length}, closed ${result.issues.closed.length}, reopened ${result.issues.reopened.length}.`,
        result.issues.heldBack.length ? `${result.issues.heldBack.length} new item(s) held back by github.max-new-issues: ${result.issues.heldBack.map((b) => escapeMarkdown(b.title)).join('; ')}` : '',
        result.issues.file ? `Not filed (no token): written to ${inlineCode(result.issues.file)}.` : '',
        backlogTable(result),
        ...result.issues.errors.map((e) => `- ${escapeMarkdown(e)}`)
      ].join('\n')
    : ''
  const footer = links.runUrl ? `\n[Run](${links.runUrl})\n` : ''

  let text = [head, gates, matrix(matrixRows), alerts, issues, footer].join('\n\n')
  if (Buffer.byteLength(text) > SUMMARY_LIMIT_BYTES) {
    // Keep the failing services first; drop covered rows until it fits.
    const failing = matrixRows.filter((r) => r[1] !== 'covered')
    let kept = failing.slice(0, 2000)
    const note = (n: number): string => `\n_${services.length - n} row(s) left out to fit the summary limit; the full matrix is in instrumentation-audit.json._`
    text = [head, gates, matrix(kept, note(kept.length)), alerts, issues, footer].join('\n\n')
    while (Buffer.byteLength(text) > SUMMARY_LIMIT_BYTES && kept.length > 0) {
      kept = kept.slice(0, Math.floor(kept.length / 2))
      text = [head, gates, matrix(kept, note(kept.length)), alerts, issues, footer].join('\n\n')
    }
    if (Buffer.byteLength(text) > SUMMARY_LIMIT_BYTES) text = text.slice(0, SUMMARY_LIMIT_BYTES - 200) + '\n\n_Summary cut to fit the limit; see gate-results.json._\n'
  }
  return text
}

/** The backlog items with the issue each is tracked in (issue numbers are ours: they link). */
function backlogTable(result: RunResult): string {
  if (result.backlog.length === 0) return ''
  const numbers = result.issues?.numbers ?? new Map<string, number>()
  const shown = result.backlog.slice(0, 100)
  return [
    '',
    mdTable(
      ['Priority', 'Item', 'Issue'],
      shown.map((b) => [b.priority, b.title, numbers.has(b.fingerprint) ? { md: `#${numbers.get(b.fingerprint)}` } : 'not filed'])
    ),
    result.backlog.length > shown.length ? `_${result.backlog.length - shown.length} more in improvement-backlog.md._` : ''
  ].join('\n')
}

/** The same result as plain terminal text, for the command line. */
export function renderTerminal(result: RunResult): string {
  const lines: string[] = []
  lines.push(result.status === 'pass' ? 'Monitoring is in place.' : 'Monitoring is NOT in place.')
  if (result.model) lines.push(`Release ${result.model.release.tag ?? 'untagged'} in ${result.model.environment}: ${result.model.services.length} service(s)`)
  lines.push('')
  for (const g of result.gates) {
    lines.push(`Gate ${g.id} ${g.name}: ${g.status.toUpperCase()}`)
    for (const c of g.checks) lines.push(`    ${c.status.padEnd(5)} ${c.name}: ${c.value} (threshold ${c.threshold})`)
    for (const r of g.reasons) lines.push(`  - ${r}`)
    for (const e of g.errors) lines.push(`  ! backend error: ${e}`)
  }
  const services = result.audit?.services ?? []
  if (services.length) {
    lines.push('', 'Coverage (metrics logs traces synthetic):')
    const mark = (s: SignalCoverage): string => (s.verified ? 'ok' : s.verdict === 'error' ? 'ERR' : s.mapped ? s.verdict.toUpperCase() : '--')
    const width = Math.min(40, Math.max(...services.map((s) => s.service_name.length)))
    for (const s of services.slice(0, 200)) {
      lines.push(`  ${s.service_name.padEnd(width)} ${[s.metrics, s.logs, s.traces, s.synthetics].map(mark).map((m) => m.padEnd(13)).join(' ')}${s.critical ? ' critical' : ''}`)
    }
    if (services.length > 200) lines.push(`  ... ${services.length - 200} more in instrumentation-audit.json`)
  }
  if (result.errors.length) lines.push('', 'Errors:', ...result.errors.map((e) => `  ${e}`))
  lines.push('', `Package: ${result.packageDir}`)
  return lines.join('\n')
}
