import { groupedQuery, groupingByLabel } from '../../src/alerting/slo/group-by-label.js'
import { lezerParse } from '../../src/alerting/slo/promql.js'

/** The query for values a and b of `service`, or null when the rewrite is not proven. */
const forTwo = (query: string): string | null => {
  const g = groupingByLabel(query, 'service')
  return g ? groupedQuery(g.key, 'service', [g.value, 'b']) : null
}

describe('one query for many services: the rewrite is made only where it is proven', () => {
  test.each([
    [
      'a ratio of sums',
      'sum(rate(x{service="a",code=~"5.."}[5m])) / sum(rate(x{service="a"}[5m]))',
      'sum by (service) (rate(x{service=~"a|b",code=~"5.."}[5m])) / sum by (service) (rate(x{service=~"a|b"}[5m]))'
    ],
    [
      'a quantile keeps le and gains the label',
      'histogram_quantile(0.99, sum by (le) (rate(h_bucket{service="a"}[5m])))',
      'histogram_quantile(0.99, sum by (le, service) (rate(h_bucket{service=~"a|b"}[5m])))'
    ],
    ['a trailing comma', 'sum(rate(x{service="a"}[5m])) by (le,)', 'sum(rate(x{service=~"a|b"}[5m])) by (le,service)'],
    [
      'on() gains the label',
      'x{service="a"} / on() group_left y{service="a"}',
      'x{service=~"a|b"} / on(service) group_left y{service=~"a|b"}'
    ],
    ['without keeps it', 'max without (pod) (x{service="a"})', 'max without (pod) (x{service=~"a|b"})'],
    ['topk groups by it', 'topk(3, x{service="a"})', 'topk by (service) (3, x{service=~"a|b"})'],
    ['a quoted label name', 'sum(x{"service"="a"})', 'sum by (service) (x{service=~"a|b"})'],
    [
      'a subquery, offset and @',
      'max_over_time(sum(x{service="a"} offset 5m @ 100)[1h:1m])',
      'max_over_time(sum by (service) (x{service=~"a|b"} offset 5m @ 100)[1h:1m])'
    ],
    ['a comparison with bool', 'sum(x{service="a"}) > bool 3', 'sum by (service) (x{service=~"a|b"}) > bool 3']
  ])('%s', (_, query, grouped) => {
    expect(forTwo(query)).toBe(grouped)
    expect(lezerParse(grouped).error).toBeUndefined()
  })

  test.each([
    ['a selector not pinned to the service', 'sum(x{service="a"}) / sum(y)'],
    ['a regex on the service', 'sum(x{service=~"a"})'],
    ['two matchers on it', 'x{service="a", service="a"}'],
    ['two services', 'sum(x{service="a"}) / sum(x{service="b"})'],
    ['an empty value (series without the label)', 'sum(x{service=""})'],
    ['vector()', 'sum(x{service="a"}) or vector(0)'],
    ['absent()', 'absent(x{service="a"})'],
    ['scalar()', 'sum(x{service="a"}) / scalar(sum(y{service="a"}))'],
    ['count_values', 'count_values("v", x{service="a"})'],
    ['ignoring the label', 'x{service="a"} / ignoring(service) y{service="a"}'],
    ['sides that disagree on carrying it', 'sum by (service) (x{service="a"}) / sum(y{service="a"})'],
    ['a series kept with its label beside an aggregate without it', 'x{service="a"} / sum(y{service="a"})'],
    ['label_replace onto the label', 'label_replace(x{service="a"}, "service", "b", "", "")'],
    ['without the label', 'sum without (service) (x{service="a"})'],
    ['group_left copying the label', 'x{service="a"} / on(job) group_left(service) y{service="a"}'],
    ['time()', 'sum(x{service="a"}) - time()'],
    ['no selector', '1 + 1'],
    ['not PromQL', 'sum(x{service="a"'],
    ['a label that is not a name', 'sum(x{service="a"})', 'ser vice']
  ])('not grouped: %s', (_, query, label = 'service') => {
    expect(groupingByLabel(query, label)).toBeUndefined()
  })

  test('queries that differ only in the value share a key; values are regex-quoted and deduplicated', () => {
    const a = groupingByLabel('sum(rate(x{service="pay.v2"}[5m]))', 'service')!
    const b = groupingByLabel("sum(rate(x{service='payXv2'}[5m]))", 'service')!
    expect(a.key).toBe(b.key)
    expect([a.value, b.value]).toEqual(['pay.v2', 'payXv2'])
    expect(a.holes).toBe(1)
    expect(groupedQuery(a.key, 'service', ['pay.v2', 'payXv2', 'pay.v2', 'a|b', 'q"\\'])).toBe(
      'sum by (service) (rate(x{service=~"pay\\\\.v2|payXv2|a\\\\|b|q\\"\\\\\\\\"}[5m]))'
    )
    expect(groupedQuery(a.key, 'service', ['pay.v2'])).toBe('sum by (service) (rate(x{service="pay.v2"}[5m]))')
  })
})
