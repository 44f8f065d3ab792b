import type { RunResult } from './run-result.js'
import { baselineFigure, coverageFigure, errorBudgetFigure, figureMarkdown, sloAttainmentFigure } from './charts.js'
import { mdLink } from '../util/escape.js'
import { failedChecks } from './findings.js'
import type { ReportLinks } from './links.js'
import { failedLine, gateTable } from './summary.js'

/** Failed checks a pull request comment lists; the job summary has them all. */
const COMMENT_FAILED_SHOWN = 10

/**
 * The pull request comment: the verdict, the most important failed checks with what to do, the
 * gates with their first reason, and the SLO, coverage and baseline charts (each with its table).
 */
export function renderPullRequestComment(result: RunResult, links: ReportLinks = {}): string {
  const failed = failedChecks(result, links)
  const slos = result.slos ?? []
  const coverage = coverageFigure(result.audit)
  const comparisons = result.baseline?.previous?.comparisons ?? []
  const charts = [
    slos.length ? `#### SLOs\n\n${figureMarkdown(sloAttainmentFigure(slos))}\n\n${figureMarkdown(errorBudgetFigure(slos))}` : '',
    coverage.table ? `#### Coverage per signal\n\n${figureMarkdown(coverage)}` : '',
    comparisons.length ? `#### Against the previous release\n\n${figureMarkdown(baselineFigure(comparisons))}` : ''
  ].filter(Boolean)
  return [
    `### Protocol 12 monitoring: ${result.status === 'pass' ? '✅ in place' : '❌ not in place'}`,
    '',
    ...(failed.length
      ? [
          '**What failed and what to do**',
          '',
          ...failed.slice(0, COMMENT_FAILED_SHOWN).map((c, i) => `${i + 1}. ❌ ${failedLine(c)}`),
          failed.length > COMMENT_FAILED_SHOWN ? `\n_${failed.length - COMMENT_FAILED_SHOWN} more in the job summary._` : '',
          ''
        ]
      : []),
    gateTable(result),
    ...(charts.length
      ? [
          `<details><summary>Charts: SLOs, coverage${comparisons.length ? ', baseline' : ''}</summary>\n\n${charts.join('\n\n')}\n\n</details>`,
          ''
        ]
      : []),
    [links.runUrl ? mdLink('Job summary', links.runUrl) : '', links.packageUrl ? mdLink('Evidence package', links.packageUrl) : '']
      .filter(Boolean)
      .join(' · ')
  ].join('\n')
}
