/** The backtest's results carried into the tuning report, the scorecard and the backlog. */
import type { TuningReport } from '../types.js'
import { BACKTEST_FILE } from './backtest.js'
import type { AlertBacktest } from '../../artifacts/contracts/alert-backtest.js'

/** The tuning report with the backtest attached and its proposals and disagreements as adjustments. */
export function withBacktest(tuning: TuningReport, bt: AlertBacktest): TuningReport {
  const adjustments = [...tuning.adjustments]
  bt.rules.forEach((r, i) => {
    if (r.proposal) {
      adjustments.push({
        target: r.name,
        change: `${r.proposal.change} (backtest over ${bt.lookback})`,
        why: r.proposal.why,
        evidence: [
          { label: 'evidence', value: `${BACKTEST_FILE} rules[${i}].proposal` },
          {
            label: 'missed incidents',
            value:
              r.incidents
                .filter((o) => o.status === 'missed')
                .map((o) => o.id)
                .join(', ') || 'none'
          },
          { label: 'false positives', value: String(r.false_positives) },
          { label: 'query', value: r.request ?? r.query }
        ]
      })
    }
    if (r.history.status === 'disagrees') {
      adjustments.push({
        target: r.name,
        change: 'reconcile the rule in force with what fired (backtest and ALERTS disagree)',
        why: r.history.detail,
        evidence: [
          { label: 'evidence', value: `${BACKTEST_FILE} rules[${i}].history` },
          { label: 'source', value: r.source }
        ]
      })
    }
  })
  return { ...tuning, adjustments, backtest: bt }
}
