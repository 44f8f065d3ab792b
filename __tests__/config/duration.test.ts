import {
  durationProblem,
  formatDuration,
  parseDurationMs,
  parseLooseDurationSeconds,
  promqlDurationSeconds
} from '../../src/util/duration.js'
import { parseConfig } from '../../src/config/load.js'
import { parseOpenSlo } from '../../src/config/openslo.js'
import { type InputErrors } from '../../src/util/errors.js'

describe("durations in Prometheus's grammar, one parser for config, OpenSLO and evidence", () => {
  test.each([
    ['1h30m', 5_400_000],
    ['90s', 90_000],
    ['1w', 604_800_000],
    ['500ms', 500],
    ['1y2w3d4h5m6s7ms', 31_536_000_000 + 2 * 604_800_000 + 3 * 86_400_000 + 4 * 3_600_000 + 5 * 60_000 + 6000 + 7],
    ['0', 0]
  ])('%s is %d ms', (text, ms) => expect(parseDurationMs(text)).toBe(ms))

  test.each(['', '1.5h', '30m1h', '5 minutes', '1h 30m', '-5m', 'h', '1d1d', '99999999999999999999y', '5M'])(
    '%j is not a duration',
    (text) => {
      expect(parseDurationMs(text)).toBeUndefined()
    }
  )

  test('the problems are said in plain words', () => {
    expect(durationProblem('0s', { positive: true })).toBe('must be greater than 0')
    expect(durationProblem('-300s', { positive: true })).toBe('must be greater than 0')
    expect(durationProblem('1.5h')).toMatch(/whole numbers only: write 1h30m, not 1.5h/)
    expect(durationProblem('300')).toMatch(/a number alone has no unit/)
    expect(durationProblem('1h30m')).toBeUndefined()
  })

  test('the config takes what Prometheus takes', () => {
    const c = parseConfig(
      'version: 1\nfreshness: 1h30m\nincidents: {lookback: 1w}\nbaseline: {window: 90s}\nslos: [{name: a, service: b, objective: 99.9, window: 4w}]\n',
      'c.yml'
    )
    expect([c.freshness, c.incidents.lookback, c.baseline.window, c.slos[0]!.window]).toEqual(['1h30m', '1w', '90s', '4w'])
  })

  test('OpenSLO windows use the same grammar, with the same words', () => {
    const doc = (d: string) =>
      `apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: s}\nspec:\n  service: checkout\n  indicator:\n    spec:\n      ratioMetric:\n        good: {metricSource: {type: Prometheus, spec: {query: a}}}\n        total: {metricSource: {type: Prometheus, spec: {query: b}}}\n  timeWindow: [{duration: ${d}, isRolling: true}]\n  objectives: [{target: 0.999}]\n`
    expect(parseOpenSlo(doc('4w2d'), 'o.yaml')[0]!.window).toBe('4w2d')
    expect(() => parseOpenSlo(doc('0d'), 'o.yaml')).toThrow(/expected a duration greater than 0, found the string "0d"/)
    expect(() => parseOpenSlo(doc('1.5d'), 'o.yaml')).toThrow(/whole numbers only/)
  })

  test('evidence durations: Prometheus form first, then ISO 8601 and words', () => {
    expect(parseLooseDurationSeconds('1h30m')).toBe(5400)
    expect(parseLooseDurationSeconds('PT45M')).toBe(2700)
    expect(parseLooseDurationSeconds('30 minutes')).toBe(1800)
    expect(parseLooseDurationSeconds('1.5 hours')).toBe(5400)
    expect(parseLooseDurationSeconds('14:00-14:30')).toBeUndefined()
  })

  test('PromQL durations and how they are written back', () => {
    expect(promqlDurationSeconds('5m')).toBe(300)
    expect(promqlDurationSeconds('300')).toBe(300)
    expect(formatDuration(5400)).toBe('90m')
    expect(formatDuration(86400)).toBe('1d')
  })

  test('a zero window in the config is refused at load time, not later', () => {
    try {
      parseConfig('version: 1\nslos:\n  - name: a\n    service: b\n    objective: 99.9\n    window: 0d\n', 'c.yml')
      throw new Error('accepted')
    } catch (err) {
      expect((err as InputErrors).message).toBe('c.yml:6 at /slos/0/window: must be greater than 0, found the string "0d"')
    }
  })
})
