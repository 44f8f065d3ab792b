import type { TuningReport } from '../assurance/types.js'
import { describeCoverage } from '../telemetry/coverage.js'
import { escapeMarkdown } from './escape.js'
import { fmtNumber, mdTable } from './table.js'

/** `alert-tuning-report.md`: alerts against incidents, and the adjustments that follow. */
export function renderTuningReport(t: TuningReport): string {
  return [
    '# Alert tuning report',
    '',
    `- Generated: ${t.generated_at}`,
    `- Lookback: ${escapeMarkdown(t.lookback)}`,
    `- From real data: ${t.from_real_data ? 'yes' : 'no: see the sources below'}`,
    `- Precision (alert firings that matched an incident): ${fmtNumber(t.precision)}`,
    `- Recall (incidents that raised an alert): ${fmtNumber(t.recall)}`,
    `- Mean detection time: ${t.mean_detection_seconds === null ? 'n/a' : `${t.mean_detection_seconds} s`}`,
    ...(t.coverage ? [`- Alert history covered: ${t.coverage.sufficient ? '' : 'insufficient data: '}${escapeMarkdown(describeCoverage(t.coverage))}`] : []),
    '',
    '## Data sources',
    '',
    mdTable(['Source', 'Kind', 'Request', 'Status', 'Records', 'Detail'], t.sources.map((s) => [s.name, s.kind, s.request, s.status, s.count, s.detail])),
    '## Alerts',
    '',
    mdTable(['Alert', 'Firings', 'Matched an incident', 'Precision', 'Suggestion'], t.alerts.map((a) => [a.alertname, a.episodes, a.matched, fmtNumber(a.precision), a.suggestion])),
    '## Incidents',
    '',
    mdTable(
      ['Incident', 'Service', 'Started', 'Resolved', 'Alerted', 'First alert', 'Detection (s)'],
      t.incidents.map((m) => [m.incident.id, m.incident.service, m.incident.started_at, m.incident.resolved_at, m.outcome === 'insufficient_data' ? `insufficient data: ${m.reason ?? ''}` : m.detected ? 'yes' : 'no', m.first_alert, m.detection_seconds])
    ),
    '## Adjustments',
    '',
    t.adjustments.length
      ? mdTable(['Target', 'Change', 'Why'], t.adjustments.map((a) => [a.target, a.change, a.why]))
      : t.from_real_data
        ? '_No adjustment needed: every incident alerted and no alert was noisy._\n'
        : '_No adjustment can be derived without real alert and incident data._\n'
  ].join('\n')
}
