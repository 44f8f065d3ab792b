import type { AlertBacktest } from '../artifacts/contracts/alert-backtest.js'
import type { TuningReport } from '../assurance/types.js'
import { describeCoverage } from '../telemetry/coverage.js'
import { escapeMarkdown } from '../util/escape.js'
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
    ...(t.coverage
      ? [`- Alert history covered: ${t.coverage.sufficient ? '' : 'insufficient data: '}${escapeMarkdown(describeCoverage(t.coverage))}`]
      : []),
    '',
    '## Data sources',
    '',
    mdTable(
      ['Source', 'Kind', 'Request', 'Status', 'Records', 'Detail'],
      t.sources.map((s) => [s.name, s.kind, s.request, s.status, s.count, s.detail])
    ),
    '## Alerts',
    '',
    mdTable(
      ['Alert', 'Firings', 'Matched an incident', 'Precision', 'Suggestion'],
      t.alerts.map((a) => [a.alertname, a.episodes, a.matched, fmtNumber(a.precision), a.suggestion])
    ),
    '## Incidents',
    '',
    mdTable(
      ['Incident', 'Service', 'Started', 'Resolved', 'Alerted', 'First alert', 'Detection (s)'],
      t.incidents.map((m) => [
        m.incident.id,
        m.incident.service,
        m.incident.started_at,
        m.incident.resolved_at,
        m.outcome === 'insufficient_data' ? `insufficient data: ${m.reason ?? ''}` : m.detected ? 'yes' : 'no',
        m.first_alert,
        m.detection_seconds
      ])
    ),
    '## Adjustments',
    '',
    t.adjustments.length
      ? mdTable(
          ['Target', 'Change', 'Why'],
          t.adjustments.map((a) => [a.target, a.change, a.why])
        )
      : t.from_real_data
        ? '_No adjustment needed: every incident alerted and no alert was noisy._\n'
        : '_No adjustment can be derived without real alert and incident data._\n',
    ...backtestSection(t.backtest)
  ].join('\n')
}

const secs = (n: number | null | undefined): string => (n === null || n === undefined ? 'n/a' : `${n} s`)

/** The rules in force evaluated over the lookback (alert-backtest.json). */
function backtestSection(bt: AlertBacktest | undefined): string[] {
  if (!bt) return []
  const s = bt.summary
  return [
    '## Backtest of the rules in force over history',
    '',
    `- Status: ${bt.status}: ${escapeMarkdown(bt.detail)}`,
    `- Window: ${bt.from} to ${bt.to}; data covered ${fmtNumber(bt.data.coverage.fraction * 100, 1)}% of it (from ${bt.data.coverage.from ?? 'n/a'})`,
    `- Requests: ${bt.requests.total} (${bt.requests.rule_queries} rule queries for ${bt.requests.rules_evaluated} rule(s), whatever the number of services)`,
    `- ALERTS history: ${bt.history.status}: ${escapeMarkdown(bt.history.detail)}`,
    `- Precision ${fmtNumber(s.precision)}, recall ${fmtNumber(s.recall)} (${s.detected} of ${s.incidents} incidents), mean detection ${secs(s.mean_detection_seconds)}`,
    '',
    mdTable(
      [
        'Rule',
        'Source',
        'Status',
        'Covered',
        'Firings',
        'TP',
        'FP',
        'Missed',
        'Precision',
        'Recall',
        'Detection',
        'Reset',
        'vs ALERTS',
        'Proposal'
      ],
      bt.rules.map((r) => [
        r.name,
        r.loaded === false ? `${r.source} (not loaded)` : r.source,
        r.status === 'evaluated' ? r.status : `${r.status}: ${r.detail}`,
        `${fmtNumber(r.coverage.fraction * 100, 1)}%`,
        r.intervals.length,
        r.true_positives,
        r.false_positives,
        r.missed,
        fmtNumber(r.precision),
        fmtNumber(r.recall),
        secs(r.mean_detection_seconds),
        secs(r.mean_reset_seconds),
        r.history.status === 'disagrees' ? `disagrees: ${r.history.detail}` : r.history.status,
        r.proposal ? `${r.proposal.change}: ${r.proposal.why}` : ''
      ])
    ),
    '### Incidents per rule',
    '',
    mdTable(
      ['Rule', 'Incident', 'Outcome', 'Detection', 'Reset', 'Peak (factor or threshold multiple)'],
      bt.rules.flatMap((r) =>
        r.incidents.map((o) => [
          r.name,
          o.id,
          o.status,
          secs(o.detection_seconds),
          secs(o.reset_seconds),
          o.peak ? `${fmtNumber(o.peak.factor ?? o.peak.signal)} at ${o.peak.at}` : ''
        ])
      )
    )
  ]
}
