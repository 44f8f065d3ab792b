import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSchedule, findAssuranceWorkflows, parseCron } from '../../src/assurance/schedule.js'
import { correlate, episodesFromSeries, parseIncidents } from '../../src/assurance/tuning.js'
import { configSchema } from '../../src/config/schema.js'
import { validateAgainst } from '../../src/package/schemas.js'
import type { RangeSeries } from '../../src/telemetry/prometheus/client.js'

const t = (iso: string): number => Date.parse(iso) / 1000
const ok = [
  { name: 'prom', kind: 'alerts' as const, request: 'ALERTS', status: 'ok' as const, detail: '', count: 0 },
  { name: 'incidents.json', kind: 'incidents' as const, request: 'read', status: 'ok' as const, detail: '', count: 0 }
]

describe('alert and incident correlation', () => {
  const minute = (start: string, n: number): Array<[number, number]> => Array.from({ length: n }, (_, i) => [t(start) + i * 60, 1])
  const series: RangeSeries[] = [
    // Fires 10 minutes into the incident: detected, 600 s.
    { labels: { alertname: 'CheckoutErrorBudgetBurn', service: 'checkout', severity: 'page' }, values: minute('2026-11-25T10:10:00Z', 20) },
    // Three firings with no incident: noisy.
    {
      labels: { alertname: 'CatalogLatencyHigh', service: 'catalog' },
      values: [...minute('2026-11-24T01:00:00Z', 3), ...minute('2026-11-24T05:00:00Z', 3), ...minute('2026-11-24T09:00:00Z', 3)]
    }
  ]
  const episodes = episodesFromSeries(series, 60, 'service')
  const incidents = parseIncidents(
    [
      { id: 'INC-1', service: 'checkout', started_at: '2026-11-25T10:00:00Z', resolved_at: '2026-11-25T11:00:00Z' },
      { id: 'INC-2', service: 'payments', started_at: '2026-11-26T08:00:00Z', resolved_at: '2026-11-26T08:30:00Z' }
    ],
    'incidents.json'
  )

  test('runs of samples become episodes', () => {
    expect(episodes.map((e) => e.alertname)).toEqual([
      'CatalogLatencyHigh',
      'CatalogLatencyHigh',
      'CatalogLatencyHigh',
      'CheckoutErrorBudgetBurn'
    ])
    expect(episodes[3]).toMatchObject({ start: '2026-11-25T10:10:00.000Z', end: '2026-11-25T10:29:00.000Z', service: 'checkout' })
  })

  test('precision, recall, detection time and adjustments come out exactly', () => {
    const r = correlate({ episodes, incidents, sources: ok, lookback: '7d', now: new Date('2026-11-27T00:00:00Z') })
    expect(r.precision).toBe(0.25)
    expect(r.recall).toBe(0.5)
    expect(r.mean_detection_seconds).toBe(600)
    expect(r.incidents.find((m) => m.incident.id === 'INC-1')).toMatchObject({
      detected: true,
      first_alert: 'CheckoutErrorBudgetBurn',
      detection_seconds: 600
    })
    expect(r.alerts.find((a) => a.alertname === 'CatalogLatencyHigh')).toMatchObject({ episodes: 3, matched: 0, precision: 0 })
    expect(r.adjustments.map((a) => a.target)).toEqual(['CatalogLatencyHigh', 'payments'])
    expect(r.from_real_data).toBe(true)
  })

  test('a source that failed means the report is not from real data', () => {
    const r = correlate({
      episodes: [],
      incidents: [],
      sources: [{ ...ok[0]!, status: 'error', detail: 'unreachable' }, ok[1]!],
      lookback: '7d',
      now: new Date()
    })
    expect(r.from_real_data).toBe(false)
    expect(r.precision).toBeNull()
  })

  test('incident files with a bad time are refused with the pointer', () => {
    expect(() => parseIncidents([{ id: 'x', started_at: 'yesterday' }], 'incidents.json')).toThrow(
      'incidents.json at /0/started_at: expected an ISO 8601 time, found "yesterday"'
    )
    expect(() => parseIncidents({ nope: 1 }, 'incidents.json')).toThrow('expected an array of incidents')
  })
})

describe('ongoing check schedule', () => {
  const config = configSchema.parse({ version: 1, assurance: { owner: 'sre-team' } })
  const repo = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-'))
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true })
    return dir
  }

  test('a workflow that runs the action in assurance mode on a cron covers every check type', async () => {
    const dir = repo()
    writeFileSync(
      join(dir, '.github/workflows/monitoring-assurance.yml'),
      `on:\n  schedule:\n    - cron: '17 * * * *'\njobs:\n  assure:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: org/sre-monitoring-action@v1\n        with:\n          mode: assurance\n`
    )
    writeFileSync(
      join(dir, '.github/workflows/deploy.yml'),
      `on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: org/sre-monitoring-action@v1\n`
    )
    const workflows = await findAssuranceWorkflows(dir)
    expect(workflows).toEqual([{ file: '.github/workflows/monitoring-assurance.yml', crons: ['17 * * * *'], mode: 'assurance' }])
    const s = buildSchedule({ config, workflows, onCallOwner: 'alice', now: new Date('2026-12-01T10:20:00Z') })
    expect(s.workflows[0]!.schedules).toEqual([
      {
        cron: '17 * * * *',
        valid: true,
        next_runs: ['2026-12-01T11:17:00.000Z', '2026-12-01T12:17:00.000Z', '2026-12-01T13:17:00.000Z'],
        cadence: 'every 1h',
        min_interval_seconds: 3600,
        max_interval_seconds: 3600,
        error: null
      }
    ])
    expect(s.automated_checks[0]!.cadence).toBe('cron: 17 * * * * (every 1h)')
    expect(validateAgainst('observability-schedule.schema.json', s).errors).toEqual([])
    expect(s.schedule_coverage).toBe(100)
    expect(s.missing).toEqual([])
    expect(s.ownership).toEqual({ owner: 'sre-team', on_call_owner: 'alice' })
  })

  test('no scheduled workflow: every check type is missing and coverage is 0', async () => {
    const s = buildSchedule({ config, workflows: await findAssuranceWorkflows(repo()), onCallOwner: undefined, now: new Date() })
    expect(s.schedule_coverage).toBe(0)
    expect(s.missing).toHaveLength(4)
  })

  test('a post-deploy run on a cron is not an assurance check', async () => {
    const dir = repo()
    writeFileSync(
      join(dir, '.github/workflows/x.yml'),
      `on:\n  schedule:\n    - cron: '0 0 * * *'\njobs:\n  a:\n    steps:\n      - uses: ./\n`
    )
    expect(await findAssuranceWorkflows(dir)).toEqual([])
  })

  test('checks named in the config without an owner are reported as such', () => {
    const c = configSchema.parse({ version: 1, assurance: { checks: [{ 'check-type': 'dashboards', cadence: '0 6 * * *' }] } })
    const s = buildSchedule({ config: c, workflows: [], onCallOwner: undefined, now: new Date() })
    expect(s.missing).toContain('dashboards (scheduled but no owner)')
  })

  const wf = (crons: string[]) => [{ file: '.github/workflows/a.yml', crons, mode: 'assurance' }]
  const now = new Date('2026-12-01T00:00:00Z')

  test.each([
    ['whenever you feel like it', /expected 5 fields .* found 5|not cron syntax/],
    ['whenever you feel like', /expected 5 fields \(minute hour day-of-month month day-of-week\), found 4/],
    ['0 0 31 2 *', /never fires/],
    ['0 0 30 2 *', /never fires/],
    ['60 * * * *', /minute/],
    ['@daily', /expected 5 fields/],
    ['0 0 L * *', /not cron syntax/],
    ['0 0 * * 1#2', /not cron syntax/],
    ['0 0 0 * * *', /found 6/]
  ])('cron %p is no schedule: coverage 0, and the reason is recorded', (cron, why) => {
    const s = buildSchedule({ config, workflows: wf([cron]), onCallOwner: 'alice', now })
    expect(s.schedule_coverage).toBe(0)
    expect(s.automated_checks).toEqual([])
    const parsed = s.workflows[0]!.schedules[0]!
    expect(parsed).toMatchObject({ cron, valid: false, next_runs: [], cadence: null })
    expect(parsed.error).toMatch(why)
    expect(s.missing[0]).toContain(`cron '${cron}' is no schedule`)
    expect(validateAgainst('observability-schedule.schema.json', s).errors).toEqual([])
  })

  test('parseCron: next three runs and cadence, with POSIX day-of-month OR day-of-week', () => {
    expect(parseCron('*/15 * * * *', now)).toMatchObject({
      valid: true,
      cadence: 'every 15m',
      next_runs: ['2026-12-01T00:15:00.000Z', '2026-12-01T00:30:00.000Z', '2026-12-01T00:45:00.000Z']
    })
    expect(parseCron('0 3 * * MON', now)).toMatchObject({
      valid: true,
      cadence: 'every 7d',
      next_runs: ['2026-12-07T03:00:00.000Z', '2026-12-14T03:00:00.000Z', '2026-12-21T03:00:00.000Z']
    })
    // GitHub never runs a schedule more often than every 5 minutes.
    expect(parseCron('* * * * *', now).cadence).toBe('every 5m')
    expect(parseCron('0 9,17 * * *', now)).toMatchObject({
      cadence: 'irregular: every 8h to 16h',
      min_interval_seconds: 8 * 3600,
      max_interval_seconds: 16 * 3600
    })
    // 13th of the month or a Friday: both fire (POSIX cron), not only Friday the 13th.
    expect(parseCron('0 0 13 * 5', now).next_runs).toEqual([
      '2026-12-04T00:00:00.000Z',
      '2026-12-11T00:00:00.000Z',
      '2026-12-13T00:00:00.000Z'
    ])
  })

  test('a valid cron that fires less often than assurance.max-interval is no schedule', () => {
    const c = configSchema.parse({ version: 1, assurance: { owner: 'sre', 'max-interval': '1d' } })
    const weekly = buildSchedule({ config: c, workflows: wf(['0 3 * * 1']), onCallOwner: undefined, now })
    expect(weekly.schedule_coverage).toBe(0)
    expect(weekly.expected_max_interval).toBe('1d')
    expect(weekly.missing[0]).toBe(
      "instrumentation (.github/workflows/a.yml: cron '0 3 * * 1' runs every 7d, less often than assurance.max-interval 1d)"
    )
    const hourly = buildSchedule({ config: c, workflows: wf(['0 3 * * 1', '5 * * * *']), onCallOwner: undefined, now })
    expect(hourly.schedule_coverage).toBe(100)
    expect(hourly.automated_checks[0]!.cadence).toBe('cron: 5 * * * * (every 1h)')
  })

  test('a config check whose cadence is not a cron is not scheduled', () => {
    const c = configSchema.parse({ version: 1, assurance: { owner: 'sre', checks: [{ 'check-type': 'dashboards', cadence: 'daily' }] } })
    const s = buildSchedule({ config: c, workflows: [], onCallOwner: undefined, now })
    expect(s.missing.find((m) => m.startsWith('dashboards'))).toMatch(
      /^dashboards \(assurance\.checks: cron 'daily' is no schedule: expected 5 fields/
    )
  })
})
