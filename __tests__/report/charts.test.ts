import { changeText, mermaidLabel } from '../../src/report/charts.js'
import { renderPullRequestComment } from '../../src/report/pr-comment.js'
import { renderScorecard } from '../../src/report/scorecard.js'
import { failingRun } from './failing-run.js'
import { mermaidBlocks, mermaidParse, parseGfm } from './mermaid.js'

const run = failingRun()

describe('charts in the scorecard and the pull request comment', () => {
  test('the scorecard draws SLO attainment, error budget, coverage per signal and the baseline change, each beside its table', async () => {
    const md = renderScorecard({
      release: 'v2.4.0',
      now: new Date('2026-12-01T21:00:00Z'),
      slos: run.slos!,
      audit: run.audit!,
      alertTests: run.alertTests!,
      tuning: {
        generated_at: '',
        lookback: '7d',
        sources: [],
        from_real_data: false,
        alerts: [],
        incidents: [],
        precision: null,
        recall: null,
        mean_detection_seconds: null,
        adjustments: [],
        source: 'built-in'
      },
      backlog: run.backlog,
      gates: run.gates,
      baseline: run.baseline
    })
    const blocks = mermaidBlocks(md)
    expect(blocks).toHaveLength(4)
    for (const b of blocks) expect(await mermaidParse(b)).toMatchObject({ diagramType: 'xychart' })
    expect(md).toContain('| checkout-availability | checkout | 99.9% | 30d | 95% | -4900% | breached |')
    expect(md).toContain('| logs | 0/3 (0%) | 3 |')
    expect(md).toContain('↑ +29.2%')
    // Outstanding risks, highest priority first.
    const risks = md.slice(md.indexOf('## Outstanding risks'))
    expect(risks.indexOf('| high |')).toBeLessThan(risks.indexOf('| medium |'))
  })

  test('the pull request comment: failed checks with hints, gates with first reasons, charts folded', async () => {
    const md = renderPullRequestComment(run, {
      runUrl: 'https://github.com/acme/shop/actions/runs/1',
      packageUrl: 'https://github.com/acme/shop/actions/runs/1/artifacts/9'
    })
    const tree = parseGfm(md)
    expect(tree.children[0]).toMatchObject({ type: 'heading', depth: 3 })
    expect(md).toContain('**What failed and what to do**')
    expect(md).toContain('| Gate | Status | First reason |')
    expect(md).toMatch(/<details><summary>Charts: SLOs, coverage, baseline<\/summary>/)
    const blocks = mermaidBlocks(md)
    expect(blocks).toHaveLength(4)
    for (const b of blocks) expect(await mermaidParse(b)).toMatchObject({ diagramType: 'xychart' })
    expect(md).toContain('[Evidence package](<https://github.com/acme/shop/actions/runs/1/artifacts/9>)')
  })

  test('labels keep nothing Mermaid or Markdown would read; changes carry an arrow and a percentage', () => {
    expect(mermaidLabel('a"]; click x call alert(1) %%{init}%% `x` #35;')).toBe('a click x call alert(1) % init..')
    expect(changeText({ service: 's', metric: 'm', previous: 0.2, current: 0.3, criterion: '', verdict: 'fail', reason: '' })).toBe(
      '↑ +50%'
    )
    expect(changeText({ service: 's', metric: 'm', previous: 0.2, current: 0.1, criterion: '', verdict: 'pass', reason: '' })).toBe(
      '↓ -50%'
    )
    expect(changeText({ service: 's', metric: 'm', previous: 0.2, current: 0.2, criterion: '', verdict: 'pass', reason: '' })).toBe('→ 0%')
    expect(changeText({ service: 's', metric: 'm', previous: null, current: 0.2, criterion: '', verdict: 'error', reason: '' })).toBe('n/a')
  })
})
