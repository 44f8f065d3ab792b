import type { AlertTestResults } from '../alerting/types.js'
import type { SloAttainment, TuningReport } from '../assurance/types.js'
import type { GateResult } from '../gates/types.js'
import { byPriority, type BacklogItem } from '../model/backlog.js'
import type { BaselineMetrics, InstrumentationAudit } from '../telemetry/types.js'
import { baselineFigure, coverageFigure, errorBudgetFigure, figureMarkdown, sloAttainmentFigure } from './charts.js'
import { escapeMarkdown } from '../util/escape.js'
import { fmtNumber, mdTable } from './table.js'

/** `observability-scorecard.md`: SLO attainment, alert precision and outstanding risks, for leadership. */
export function renderScorecard(args: {
  release: string
  now: Date
  slos: SloAttainment[]
  audit: InstrumentationAudit
  alertTests: AlertTestResults
  tuning: TuningReport
  backlog: BacklogItem[]
  gates: GateResult[]
  baseline?: BaselineMetrics
}): string {
  const high = args.backlog.filter((b) => b.priority === 'high')
  return [
    '# Observability scorecard',
    '',
    `- Release: ${escapeMarkdown(args.release)}`,
    `- Generated: ${args.now.toISOString()}`,
    '',
    '## Headline',
    '',
    mdTable(
      ['Measure', 'Value'],
      [
        ['Instrumentation coverage', `${fmtNumber(args.audit.coverage_completeness, 2)}%`],
        [
          'Alert tests acknowledged within SLA',
          `${fmtNumber(args.alertTests.sla_compliance, 2)}% (SLA ${args.alertTests.sla_target_seconds} s)`
        ],
        ['Alert precision', fmtNumber(args.tuning.precision)],
        ['Incident recall', fmtNumber(args.tuning.recall)],
        ['Mean detection time', args.tuning.mean_detection_seconds === null ? 'n/a' : `${args.tuning.mean_detection_seconds} s`],
        ...(args.tuning.backtest
          ? [
              [
                'Backtest precision / recall (rules in force over history)',
                `${fmtNumber(args.tuning.backtest.summary.precision)} / ${fmtNumber(args.tuning.backtest.summary.recall)} (${fmtNumber(args.tuning.backtest.data.coverage.fraction * 100, 1)}% of the lookback covered)`
              ],
              ['Rules whose backtest disagrees with ALERTS', String(args.tuning.backtest.summary.disagreements.length)]
            ]
          : []),
        ['Open improvement items', `${args.backlog.length} (${high.length} high)`],
        ...args.gates.map((g) => [`Gate ${g.id}: ${g.name}`, g.status.toUpperCase()])
      ]
    ),
    '## SLO attainment',
    '',
    sloAttainmentFigure(args.slos).chart,
    '',
    errorBudgetFigure(args.slos).chart,
    '',
    mdTable(
      ['SLO', 'Service', 'Objective', 'Window', 'Attainment', 'Error budget left', 'Status', 'Query'],
      args.slos.map((s) => [
        s.slo,
        s.service,
        `${s.objective}%`,
        s.window,
        s.attainment === null ? 'n/a' : `${fmtNumber(s.attainment * 100, 3)}%`,
        s.budget_remaining_percent === null ? 'n/a' : `${fmtNumber(s.budget_remaining_percent, 1)}%`,
        s.status === 'error' || s.status === 'not_verified'
          ? `${s.status}: ${s.detail}`
          : s.status === 'insufficient_data'
            ? s.detail
            : s.status,
        s.query
      ])
    ),
    '## Coverage per signal',
    '',
    figureMarkdown(coverageFigure(args.audit)) || '_No services audited._\n',
    '## Against the previous release',
    '',
    args.baseline?.previous?.comparisons.length
      ? figureMarkdown(baselineFigure(args.baseline.previous.comparisons))
      : `_${args.baseline?.not_verified_reason ? `Baseline not verified: ${escapeMarkdown(args.baseline.not_verified_reason)}` : 'No previous release to compare with.'}_\n`,
    '## Outstanding risks',
    '',
    mdTable(
      ['Priority', 'Item', 'Service'],
      args.backlog
        .filter((b) => b.priority !== 'low')
        .sort(byPriority)
        .map((b) => [b.priority, b.title, b.service])
    )
  ].join('\n')
}
