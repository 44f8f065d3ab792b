import { burnRateAlerts, burnRateFactor, errorRatioThreshold, factorMatches } from '../../src/alerting/slo/burn-rate.js'
import { comparisonThresholds, dividesBy, firstSelector, metricNames, referencesWindow } from '../../src/alerting/slo/promql.js'

describe('burn rates (SRE Workbook multi-window, multi-burn-rate)', () => {
  test('30-day window: 14.4x/1h+5m page, 6x/6h+30m page, 1x/3d+6h ticket', () => {
    expect(burnRateAlerts({ objective: 99.9, window: '30d' })).toEqual([
      { severity: 'page', longWindow: '1h', shortWindow: '5m', factor: 14.4, budgetFraction: 0.02, errorRatioThreshold: 0.0144 },
      { severity: 'page', longWindow: '6h', shortWindow: '30m', factor: 6, budgetFraction: 0.05, errorRatioThreshold: 0.006 },
      { severity: 'ticket', longWindow: '3d', shortWindow: '6h', factor: 1, budgetFraction: 0.1, errorRatioThreshold: 0.001 }
    ])
  })

  test('7-day window keeps the budget fractions and long windows', () => {
    const a = burnRateAlerts({ objective: 99.5, window: '7d' })
    expect(a.map((x) => x.factor)).toEqual([3.36, 1.4, 0.233333333333])
    expect(a.map((x) => x.errorRatioThreshold)).toEqual([0.0168, 0.007, 0.00116666666667])
  })

  test('28-day window', () => {
    const a = burnRateAlerts({ objective: 99, window: '28d' })
    expect(a.map((x) => x.factor)).toEqual([13.44, 5.6, 0.933333333333])
    expect(a.map((x) => x.errorRatioThreshold)).toEqual([0.1344, 0.056, 0.00933333333333])
  })

  test('factor and threshold helpers', () => {
    expect(burnRateFactor(0.02, 30 * 86400, 3600)).toBe(14.4)
    expect(errorRatioThreshold(14.4, 99.9)).toBe(0.0144)
    expect(errorRatioThreshold(6, 99.99)).toBe(0.0006)
    expect(factorMatches(15.5, 14.4, 10)).toBe(true)
    expect(factorMatches(16, 14.4, 10)).toBe(false)
    expect(() => burnRateAlerts({ objective: 100, window: '30d' })).toThrow()
  })
})

describe('PromQL reading', () => {
  test('metric names skip functions, labels, ranges and grouping', () => {
    expect(
      metricNames(
        'sum by (service) (rate(http_requests_total{service="checkout",code=~"5.."}[5m])) / on(service) sum(rate(http_requests_total[5m] offset 1h))'
      ).sort()
    ).toEqual(['http_requests_total'])
    expect(metricNames('slo:sli_error:ratio_rate1h{slo="x"} > 0.0144 and {__name__="other_total"}').sort()).toEqual([
      'other_total',
      'slo:sli_error:ratio_rate1h'
    ])
  })

  test('thresholds in the three usual spellings', () => {
    expect(
      comparisonThresholds('a > (14.4 * (1 - 0.999)) and (b > 14.4 * 0.001) or c > 0.0144').map((v) => Number(v.toPrecision(6)))
    ).toEqual([0.0144, 0.0144, 0.0144])
    expect(comparisonThresholds('a >= bool 2')).toEqual([2])
    expect(comparisonThresholds('a > 2 * b')).toEqual([])
    expect(comparisonThresholds('a{code=">5"} > 0.5')).toEqual([0.5])
  })

  test('burn-rate form, windows, selectors', () => {
    expect(dividesBy('x / (1 - 0.999) > 1', 0.001)).toBe(true)
    expect(dividesBy('x / y > 0.001', 0.001)).toBe(false)
    expect(referencesWindow('rate(x[1h])', '1h')).toBe(true)
    expect(referencesWindow('rate(x[11h])', '1h')).toBe(false)
    expect(referencesWindow('slo:ratio_rate3d{}', '3d')).toBe(true)
    expect(referencesWindow('rate(x[30d])', '3d')).toBe(false)
    expect(firstSelector('sum(rate(http_requests_total{service="checkout"}[$window]))')).toBe('http_requests_total{service="checkout"}')
  })
})
