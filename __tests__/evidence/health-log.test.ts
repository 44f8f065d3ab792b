import { readFileSync } from 'node:fs'
import { parseHealthLog } from '../../src/evidence/load.js'
import { InputError, InputErrors } from '../../src/util/errors.js'

const FILE = 'deployment-health-log.md'

function messageOf(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    expect(err instanceof InputError || err instanceof InputErrors).toBe(true)
    return (err as Error).message
  }
  throw new Error('expected an error')
}

const TABLE_LOG = `# Deployment Health Log

## Soak Window

30 minutes

## Metrics

| Metric | Value | Threshold | Status |
|---|---|---|---|
| p95 latency | 240ms | 300ms | ✅ |
| Error rate | 0.4% | 1% | within SLO |

## Anomalies

| Time | Observation | Decision |
|---|---|---|
| 14:12 UTC | p99 spike on payments | continue soak |

## Escalations

None.
`

const BULLET_LOG = `# Health log

## Soak period
- Duration: 2h

## SLO Metrics
- **p95 latency**: 240ms (threshold 300ms) ✅
- Error rate: 0.4% (SLO < 1%) ✅
- **Saturation (CPU)**: 92% (limit 80%) ❌

## Observations
- 14:05 — CPU saturation on checkout — Decision: roll back canary
- No other anomalies observed

## Escalation
- 14:07 UTC — paged checkout on-call (owner: @checkout-oncall)
`

describe('parseHealthLog', () => {
  test('reads the example evidence', () => {
    const log = parseHealthLog(readFileSync('examples/evidence/deployment-health-log.md', 'utf8'), FILE)
    expect(log.soak_window).toBe('30 minutes')
    expect(log.soak_window_seconds).toBe(1800)
    expect(log.metrics_status).toBe('within_slo')
    expect(log.metrics).toHaveLength(5)
    expect(log.metrics[0]).toEqual({
      name: 'p95 latency (checkout)',
      value: '240ms',
      numeric_value: 240,
      unit: 'ms',
      threshold: '300ms',
      status: 'ok',
      status_text: '✅'
    })
    expect(log.metrics[3]!.status).toBe('warn')
    expect(log.metrics[4]!.threshold).toBeUndefined()
    expect(log.anomalies).toHaveLength(2)
    expect(log.escalations).toEqual([
      {
        time: '14:13 UTC',
        description: 'paged the payments on-call about the p99 rise; acknowledged in 2 minutes (owner: @payments-oncall)',
        owner: '@payments-oncall'
      }
    ])
  })

  test('tables', () => {
    const log = parseHealthLog(TABLE_LOG, FILE)
    expect(log.soak_window_seconds).toBe(1800)
    expect(log.metrics.map((m) => [m.name, m.numeric_value, m.unit, m.threshold, m.status])).toEqual([
      ['p95 latency', 240, 'ms', '300ms', 'ok'],
      ['Error rate', 0.4, '%', '1%', 'ok']
    ])
    expect(log.metrics_status).toBe('within_slo')
    expect(log.anomalies).toEqual([{ time: '14:12 UTC', observation: 'p99 spike on payments', decision: 'continue soak' }])
    expect(log.escalations).toEqual([])
  })

  test('bullets, heading variants, and a breached row makes the status breached', () => {
    const log = parseHealthLog(BULLET_LOG, FILE)
    expect(log.soak_window).toBe('2h')
    expect(log.soak_window_seconds).toBe(7200)
    expect(log.metrics).toEqual([
      { name: 'p95 latency', value: '240ms', numeric_value: 240, unit: 'ms', threshold: '300ms', status: 'ok', status_text: '✅' },
      { name: 'Error rate', value: '0.4%', numeric_value: 0.4, unit: '%', threshold: '< 1%', status: 'ok', status_text: '✅' },
      { name: 'Saturation (CPU)', value: '92%', numeric_value: 92, unit: '%', threshold: '80%', status: 'breached', status_text: '❌' }
    ])
    expect(log.metrics_status).toBe('breached')
    expect(log.anomalies).toEqual([{ time: '14:05', observation: 'CPU saturation on checkout', decision: 'roll back canary' }])
    expect(log.escalations).toEqual([
      { time: '14:07 UTC', description: 'paged checkout on-call (owner: @checkout-oncall)', owner: '@checkout-oncall' }
    ])
  })

  test.each([
    ['## Soak Window\n\n30 minutes', 1800],
    ['## Soak period\n\n45m', 2700],
    ['## Observation window\n\n1h 30m', 5400],
    ['## Monitoring Period\n\n- 1.5 hours (canary + full rollout)', 5400],
    ['## Bake time\n\nPT20M', 1200],
    ['**Soak window:** 2h', 7200]
  ])('soak window from %p', (soak, seconds) => {
    const log = parseHealthLog(`# Log\n\n${soak}\n\n## Key Metrics\n\n- p95: 200ms\n`, FILE)
    expect(log.soak_window_seconds).toBe(seconds)
  })

  test('a soak window that is not a duration keeps its text', () => {
    const log = parseHealthLog('## Soak window\n\nuntil the traffic peak\n\n## Metrics\n\n- p95: 200ms\n', FILE)
    expect(log.soak_window).toBe('until the traffic peak')
    expect(log.soak_window_seconds).toBeUndefined()
  })

  test('heading case and wording variants for metrics', () => {
    for (const heading of ['## METRICS', '## Health Metrics', '### 2. SLO status', '## Key KPIs 📈', '## Golden signals']) {
      const log = parseHealthLog(`# Log\n\n${heading}\n\n- p95 latency: 200ms ✅\n`, FILE)
      expect(log.metrics).toHaveLength(1)
    }
  })

  test('CRLF line endings and a UTF-8 BOM', () => {
    const text = '\uFEFF' + BULLET_LOG.replace(/\n/g, '\r\n')
    expect(parseHealthLog(text, FILE)).toEqual(parseHealthLog(BULLET_LOG, FILE))
  })

  test('front matter wins over the body for the same fields', () => {
    const text = `---\nsoak_window: 45 minutes\nmetrics_status: breached\n---\n${TABLE_LOG}`
    const log = parseHealthLog(text, FILE)
    expect(log.soak_window).toBe('45 minutes')
    expect(log.soak_window_seconds).toBe(2700)
    expect(log.metrics_status).toBe('breached')
    expect(log.metrics).toHaveLength(2)
  })

  test('front matter with CRLF and BOM', () => {
    const text = '\uFEFF' + `---\nsoak-window: 1h\n---\n${TABLE_LOG}`.replace(/\n/g, '\r\n')
    expect(parseHealthLog(text, FILE).soak_window_seconds).toBe(3600)
  })

  test('a status sentence is not a metric row, and an explicit status is used when no row is breached', () => {
    const log = parseHealthLog('## Metrics\n\nAll metrics within SLO.\n\n- p95: 200ms\n', FILE)
    expect(log.metrics).toHaveLength(1)
    expect(log.metrics_status).toBe('within_slo')
  })

  test('rows without a status leave the status unknown', () => {
    const log = parseHealthLog('## Metrics\n\n| Metric | Value |\n|---|---|\n| p95 | 200ms |\n', FILE)
    expect(log.metrics_status).toBe('unknown')
    expect(log.metrics[0]!.status).toBeUndefined()
  })

  test('HTML and @mentions are kept as plain text', () => {
    const log = parseHealthLog(readFileSync('__tests__/fixtures/evidence/health-log-html-mentions.md', 'utf8'), FILE)
    expect(log.metrics[1]!.name).toBe('<img src=x onerror=alert(1)> error rate')
    expect(log.anomalies[0]).toEqual({
      time: '14:12',
      observation: '<script>alert("x")</script> spike seen by @payments-oncall',
      decision: 'ping @alice & <b>continue</b>'
    })
    expect(log.escalations[0]!.description).toBe('escalated to @sre-lead about <i>queue depth</i> — cc @org/payments-team')
    expect(log.escalations[0]!.owner).toBe('@sre-lead')
  })

  test('a missing metrics section is named by its heading', () => {
    const msg = messageOf(() => parseHealthLog('# Log\n\n## Soak window\n\n30m\n\n## Anomalies\n\nNone\n', FILE))
    expect(msg).toContain(`${FILE} at heading "## Metrics": expected a metrics section`)
    expect(msg).toContain('found no such section (headings found: "Log", "Soak window", "Anomalies")')
  })

  test('a metrics section without rows is named with its line', () => {
    const msg = messageOf(() => parseHealthLog('# Log\n\n## Metrics\n\nLooked fine to me.\n', FILE))
    expect(msg).toContain(`${FILE}:3 at section "## Metrics" (/metrics): expected at least one metric row`)
  })
})
