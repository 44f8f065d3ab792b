import { readFileSync } from 'node:fs'
import { parseDeploymentReport } from '../../src/evidence/load.js'
import { InputError, InputErrors } from '../../src/util/errors.js'

const FILE = 'DEPLOYMENT-REPORT.md'

function messageOf(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    expect(err instanceof InputError || err instanceof InputErrors).toBe(true)
    return (err as Error).message
  }
  throw new Error('expected an error')
}

const BULLET_REPORT = `# Deploy report

## Release
**Version:** v2.4.0
**SHA:** 3f9c2ab
**Rollout:** blue-green

## Changed Services
- **checkout** (critical) — http://127.0.0.1:18080/healthz
- \`catalog\` (non-critical)

## New Services
- **payments** (critical): [health](http://127.0.0.1:18081/healthz), http://127.0.0.1:18081/readyz

## Risk Register
- **High** (payments): card authorisation latency under peak load. Mitigation: burn-rate alerts and a flag to fall back
- [Medium] checkout: retries may double-submit — mitigation: idempotency keys
- Severity: P3, component: catalog — cold cache after purge
- None of the above affect search

## Deployment timeline
1. 14:05 UTC — canary started
2. **14:20** promoted to 100%
3. Soak closed
`

describe('parseDeploymentReport', () => {
  test('reads the example evidence', () => {
    const r = parseDeploymentReport(readFileSync('examples/evidence/DEPLOYMENT-REPORT.md', 'utf8'), FILE)
    expect(r.release).toEqual({
      tag: 'v2.4.0',
      commit: '3f9c2ab71d4e5c08a6b2f1e9d7c3a5b4e6f80912',
      strategy: 'canary (10% for 15 minutes, then 100%)'
    })
    expect(r.services).toEqual([
      { name: 'checkout', critical: true, new: false, endpoints: ['http://127.0.0.1:18080/healthz'] },
      { name: 'payments', critical: true, new: true, endpoints: ['http://127.0.0.1:18081/healthz'] },
      { name: 'catalog', critical: false, new: false, endpoints: ['http://127.0.0.1:18082/healthz'] }
    ])
    expect(r.new_endpoints).toEqual(['http://127.0.0.1:18081/healthz'])
    expect(r.risks.map((x) => [x.severity, x.component])).toEqual([
      ['high', 'payments'],
      ['medium', 'checkout'],
      ['low', 'catalog']
    ])
    expect(r.risks[0]!.mitigation).toMatch(/^Burn-rate alerts/)
    expect(r.timeline).toHaveLength(6)
    expect(r.timeline[0]).toEqual({ time: '13:58 UTC', event: 'Change CHG-2291 approved' })
  })

  test('bullets and heading variants', () => {
    const r = parseDeploymentReport(BULLET_REPORT, FILE)
    expect(r.release).toEqual({ tag: 'v2.4.0', commit: '3f9c2ab', strategy: 'blue-green' })
    expect(r.services).toEqual([
      { name: 'checkout', critical: true, new: false, endpoints: ['http://127.0.0.1:18080/healthz'] },
      { name: 'catalog', critical: false, new: false, endpoints: [] },
      { name: 'payments', critical: true, new: true, endpoints: ['http://127.0.0.1:18081/healthz', 'http://127.0.0.1:18081/readyz'] }
    ])
    expect(r.new_endpoints).toEqual(['http://127.0.0.1:18081/healthz', 'http://127.0.0.1:18081/readyz'])
    expect(r.risks).toEqual([
      {
        description: 'card authorisation latency under peak load.',
        severity: 'high',
        severity_text: 'High',
        component: 'payments',
        mitigation: 'burn-rate alerts and a flag to fall back'
      },
      {
        description: 'retries may double-submit',
        severity: 'medium',
        severity_text: 'Medium',
        component: 'checkout',
        mitigation: 'idempotency keys'
      },
      { description: 'cold cache after purge', severity: 'low', severity_text: 'P3', component: 'catalog' },
      { description: 'None of the above affect search', severity: 'unknown' }
    ])
    expect(r.timeline).toEqual([
      { time: '14:05 UTC', event: 'canary started' },
      { time: '14:20', event: 'promoted to 100%' },
      { event: 'Soak closed' }
    ])
  })

  test.each(['## Risks', '## Known Risks', '## Risk Register', '### risks & mitigations', '## ⚠️ Risks'])('risk heading %p', (heading) => {
    const text = `## Release\n\n- Tag: v1.0.0\n\n## Services\n\n- api (critical)\n\n${heading}\n\n- High: api — overload\n`
    expect(parseDeploymentReport(text, FILE).risks).toEqual([
      { description: 'overload', severity: 'high', severity_text: 'High', component: 'api' }
    ])
  })

  test.each([
    ['critical', 'critical'],
    ['Sev1', 'critical'],
    ['P1', 'high'],
    ['major', 'high'],
    ['Moderate', 'medium'],
    ['minor', 'low'],
    ['whatever', 'unknown']
  ])('severity %p is %p', (written, severity) => {
    const text = `## Release\n\n- Tag: v1\n\n## Services\n\n- api\n\n## Risks\n\n| Risk | Severity |\n|---|---|\n| x | ${written} |\n`
    expect(parseDeploymentReport(text, FILE).risks[0]!.severity).toBe(severity)
  })

  test('CRLF line endings and a UTF-8 BOM', () => {
    const text = '\uFEFF' + BULLET_REPORT.replace(/\n/g, '\r\n')
    expect(parseDeploymentReport(text, FILE)).toEqual(parseDeploymentReport(BULLET_REPORT, FILE))
  })

  test('front matter wins over the body for the release', () => {
    const text = `---\nrelease:\n  tag: v2.4.1\n  commit: abcdef1\ntitle: Shop deploy\n---\n${BULLET_REPORT}`
    expect(parseDeploymentReport(text, FILE).release).toEqual({ tag: 'v2.4.1', commit: 'abcdef1', strategy: 'blue-green' })
  })

  test('flat front matter keys also count, and then no release section is needed', () => {
    const text = `---\ntag: v3.0.0\nstrategy: rolling\n---\n# Report\n\n## Services\n\n- api\n`
    expect(parseDeploymentReport(text, FILE).release).toEqual({ tag: 'v3.0.0', strategy: 'rolling' })
  })

  test('a release line before the first section counts', () => {
    const text = `# Report\n\nRelease: v9.9.9\n\n## Services\n\n- api\n`
    expect(parseDeploymentReport(text, FILE).release.tag).toBe('v9.9.9')
  })

  test('a release section heading that carries the version', () => {
    const text = `## Release v2.4.0\n\nShipped on Thursday.\n\n## Services\n\n- api\n`
    expect(parseDeploymentReport(text, FILE).release.tag).toBe('v2.4.0')
  })

  test('a service listed in a table and again as new merges', () => {
    const text = `## Release\n\n- Tag: v1\n\n## Services\n\n| Service | Critical |\n|---|---|\n| payments | ✅ |\n\n## New services\n\n- payments: http://127.0.0.1:18081/healthz\n`
    expect(parseDeploymentReport(text, FILE).services).toEqual([
      { name: 'payments', critical: true, new: true, endpoints: ['http://127.0.0.1:18081/healthz'] }
    ])
  })

  test('HTML and @mentions are kept as plain text', () => {
    const r = parseDeploymentReport(readFileSync('__tests__/fixtures/evidence/report-html-mentions.md', 'utf8'), FILE)
    expect(r.risks[0]).toEqual({
      description: '<script>alert(1)</script> card data <b>leak</b>',
      severity: 'high',
      severity_text: 'High',
      component: 'payments',
      mitigation: 'page @payments-oncall, see <a href="javascript:alert(1)">runbook</a>'
    })
    expect(r.timeline[0]).toEqual({ time: '14:00', event: 'deploy by @deploy-bot <!-- hidden comment -->' })
  })

  test('a missing release and services section are both named by heading', () => {
    const msg = messageOf(() => parseDeploymentReport('# Report\n\n## Risks\n\n- High: x\n', FILE))
    expect(msg).toContain(`${FILE} at heading "## Release": expected a release section`)
    expect(msg).toContain(`${FILE} at heading "## Services": expected a services section`)
    expect(msg).toContain('found no such section (headings found: "Report", "Risks")')
  })

  test('a release section without a tag or commit', () => {
    const msg = messageOf(() => parseDeploymentReport('## Release\n\nWe shipped.\n\n## Services\n\n- api\n', FILE))
    expect(msg).toContain(`${FILE}:1 at section "## Release" (/release): expected the release tag or commit`)
  })
})
