import { classifyMetricName, nameParts } from '../../src/evidence/metric-names.js'

/** Names as deploy tools, dashboards and people write them, and what each claims. */
const TABLE: Array<[string, string | undefined, ReturnType<typeof classifyMetricName>]> = [
  ['api_latency_p95', undefined, { kind: 'latency', quantile: 0.95, label: 'p95' }],
  ['p95_latency_ms', undefined, { kind: 'latency', quantile: 0.95, label: 'p95', unit: 'ms' }],
  ['95th percentile response time', 'ms', { kind: 'latency', quantile: 0.95, label: 'p95' }],
  ['latency_p99_seconds', undefined, { kind: 'latency', quantile: 0.99, label: 'p99', unit: 's' }],
  ['http_request_duration_seconds_p99', undefined, { kind: 'latency', quantile: 0.99, label: 'p99', unit: 's' }],
  ['latencyP95Ms', undefined, { kind: 'latency', quantile: 0.95, label: 'p95', unit: 'ms' }],
  ['P99 Latency', 'ms', { kind: 'latency', quantile: 0.99, label: 'p99' }],
  ['Median latency', 'ms', { kind: 'latency', quantile: 0.5, label: 'p50' }],
  ['p99.9 latency', 'ms', { kind: 'latency', quantile: 0.999, label: 'p999' }],
  ['99.9th percentile latency', 'ms', { kind: 'latency', quantile: 0.999, label: 'p999' }],
  ['TP99', 'ms', { kind: 'latency', quantile: 0.99, label: 'p99' }],
  ['response_time_p90', undefined, { kind: 'latency', quantile: 0.9, label: 'p90' }],
  ['latency (p50)', 'ms', { kind: 'latency', quantile: 0.5, label: 'p50' }],
  ['checkout.latency.p95', undefined, { kind: 'latency', quantile: 0.95, label: 'p95' }],
  ['error_rate', undefined, { kind: 'error_rate', unit: '%' }],
  ['error_ratio', undefined, { kind: 'error_rate', unit: 'fraction' }],
  ['Error rate', '%', { kind: 'error_rate', unit: '%' }],
  ['5xx ratio', undefined, { kind: 'error_rate', unit: 'fraction' }],
  ['http_5xx_rate', undefined, { kind: 'error_rate', unit: '%' }],
  ['errorRate', undefined, { kind: 'error_rate', unit: '%' }],
  ['error %', undefined, { kind: 'error_rate', unit: '%' }],
  ['Failure rate', '%', { kind: 'error_rate', unit: '%' }],
  ['errors_pct', undefined, { kind: 'error_rate', unit: '%' }],
  ['throughput', undefined, { kind: 'throughput', per: 'second' }],
  ['rps', undefined, { kind: 'throughput', per: 'second' }],
  ['Requests per second', undefined, { kind: 'throughput', per: 'second' }],
  ['req/s', undefined, { kind: 'throughput', per: 'second' }],
  ['Requests/sec', undefined, { kind: 'throughput', per: 'second' }],
  ['request_rate', undefined, { kind: 'throughput', per: 'second' }],
  ['requests_per_minute', undefined, { kind: 'throughput', per: 'minute' }],
  ['Throughput', 'rpm', { kind: 'throughput', per: 'minute' }],
  ['QPS', undefined, { kind: 'throughput', per: 'second' }],
  ['CPU saturation', '%', undefined],
  ['memory_usage_p95', undefined, undefined],
  ['error_budget_remaining', '%', undefined],
  ['requests_total', undefined, undefined],
  ['Uptime', '%', undefined],
  ['errors', undefined, undefined]
]

describe('metric names are read by their parts', () => {
  test.each(TABLE)('%s (%s)', (name, unit, expected) => {
    expect(classifyMetricName(name, unit)).toEqual(expected)
  })

  test('separators, camelCase and decimals split the same way', () => {
    expect(nameParts('apiLatencyP95_ms')).toEqual(['api', 'latency', 'p95', 'ms'])
    expect(nameParts('HTTPLatency-p99.9')).toEqual(['http', 'latency', 'p999'])
  })
})
