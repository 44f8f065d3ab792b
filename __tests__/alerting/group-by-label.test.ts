import { groupedQuery, groupingOf, requestsByShape, requestsByShapeOrExcept, splitByValue } from '../../src/alerting/slo/group-by-label.js'
import { lezerParse } from '../../src/alerting/slo/promql.js'

/** The query for this member and one whose `service` is b, or null when the rewrite is not proven. */
const forTwo = (query: string): string | null => {
  const g = groupingOf(query)
  return g ? groupedQuery(g.text, g.labels, [g.values, g.labels.map((l, i) => (l === 'service' ? 'b' : g.values[i]!))]) : null
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
    ['a comparison with bool', 'sum(x{service="a"}) > bool 3', 'sum by (service) (x{service=~"a|b"}) > bool 3'],
    [
      'every label pinned everywhere groups (one value stays an equality)',
      'sum(rate(x{service="a",code="500"}[5m])) / sum(rate(x{code="500", service="a"}[5m]))',
      'sum by (code, service) (rate(x{service=~"a|b",code="500"}[5m])) / sum by (code, service) (rate(x{code="500", service=~"a|b"}[5m]))'
    ]
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
    ['a label that is not a name', 'sum(x{"ser vice"="a"})'],
    ['only the metric name pinned', 'sum({__name__="x"})']
  ])('not grouped: %s', (_, query) => {
    expect(groupingOf(query)).toBeUndefined()
  })

  test('queries that differ only in the values share a key; values are regex-quoted and deduplicated', () => {
    const a = groupingOf('sum(rate(x{service="pay.v2"}[5m]))')!
    const b = groupingOf("sum(rate(x{service='payXv2'}[5m]))")!
    expect(a.key).toBe(b.key)
    expect([a.values, b.values]).toEqual([['pay.v2'], ['payXv2']])
    expect(a.holes).toEqual([1])
    expect(groupedQuery(a.text, a.labels, [['pay.v2'], ['payXv2'], ['pay.v2'], ['a|b'], ['q"\\']])).toBe(
      'sum by (service) (rate(x{service=~"pay\\\\.v2|payXv2|a\\\\|b|q\\"\\\\\\\\"}[5m]))'
    )
    expect(groupedQuery(a.text, a.labels, [['pay.v2']])).toBe('sum by (service) (rate(x{service="pay.v2"}[5m]))')
    // The same text over another label is another shape.
    expect(groupingOf('sum(rate(x{job="pay.v2"}[5m]))')!.key).not.toBe(a.key)
  })

  test('read from the template in the query own positions: literals of any length before a hole, a list and an aggregation', () => {
    const q = (svc: string, code: string) =>
      `sum(rate(x{code=~${JSON.stringify(code)}, service=${JSON.stringify(svc)}}[5m])) by (le) / sum(rate(y{service=${JSON.stringify(svc)}, job="a \\"b\\" c"}[5m])) by (le)`
    const a = groupingOf(q('s', '5..'))!
    const b = groupingOf(q('a-much-longer-service-name', '5..'))!
    expect(a.key).toBe(b.key)
    expect(b.values).toEqual(['a-much-longer-service-name'])
    expect(groupedQuery(b.text, b.labels, [['s'], ['t']])).toBe(
      'sum(rate(x{code=~"5..", service=~"s|t"}[5m])) by (le, service) / sum(rate(y{service=~"s|t", job="a \\"b\\" c"}[5m])) by (le, service)'
    )
    // Another value of a matcher that is not a grouping label is another shape.
    expect(groupingOf(q('s', '4..'))!.key).not.toBe(a.key)
  })

  test("Sloth's copies group by both of their labels, and each member gets its own series", () => {
    const rule = (svc: string) =>
      `max(slo:sli_error:ratio_rate1h{sloth_id="${svc}-availability", sloth_service="${svc}"}) without (sloth_window) > 14.4 * 0.001`
    const { shaped, alone } = requestsByShape(['a', 'b'].map(rule), { queryOf: (q) => q, maxChars: 12_000 })
    expect(alone).toEqual([])
    expect(shaped[0]!.labels).toEqual(['sloth_id', 'sloth_service'])
    expect(shaped[0]!.query).toBe(
      'max(slo:sli_error:ratio_rate1h{sloth_id=~"a-availability|b-availability", sloth_service=~"a|b"}) without (sloth_window) > 14.4 * 0.001'
    )
    const split = splitByValue(
      [
        { labels: { sloth_id: 'a-availability', sloth_service: 'a' }, v: 1 },
        // A combination no member has (the regexes allow it): read by nobody.
        { labels: { sloth_id: 'a-availability', sloth_service: 'b' }, v: 2 },
        { labels: { sloth_id: 'b-availability', sloth_service: 'b' }, v: 3 }
      ],
      shaped[0]!
    )
    expect(shaped[0]!.members.map((m) => split.get(m.value)?.map((x) => x.v))).toEqual([[1], [3]])
  })

  test('a shape is split into requests under the length cap; an answer goes back to its members without the labels they lack', () => {
    const items = Array.from({ length: 40 }, (_, i) => `sum(rate(x{service="svc-${i}"}[5m]))`)
    const { shaped, alone } = requestsByShape([...items, 'vector(1)'], { queryOf: (q) => q, maxChars: 300 })
    expect(alone).toEqual(['vector(1)'])
    expect(shaped.length).toBeGreaterThan(1)
    expect(shaped.flatMap((r) => r.members.map((m) => m.item))).toEqual(items)
    for (const r of shaped) expect(r.query.length).toBeLessThanOrEqual(300)
    const rows: Array<{ labels: Record<string, string>; value: number }> = [
      { labels: { service: 'svc-1' }, value: 1 },
      { labels: { service: 'svc-99' }, value: 2 },
      { labels: {}, value: 3 }
    ]
    const split = splitByValue(rows, shaped[0]!)
    expect(split.get('svc-1')).toEqual([{ labels: {}, value: 1 }])
    expect(split.get('svc-99')).toEqual([{ labels: {}, value: 2 }])
    expect(split.size).toBe(2)
  })

  test('a shape too long to list is one query excluding the values no member has; without the values, or when they do not fit, it is cut as before', async () => {
    const items = Array.from({ length: 40 }, (_, i) => `sum(rate(x{service="svc-${i}"}[5m])) / sum(rate(y{service="svc-${i}"}[5m]))`)
    const asked: Array<{ label: string; selectors: string[] }> = []
    const held = [...Array.from({ length: 40 }, (_, i) => `svc-${i}`), 'other.1', 'other-2']
    const { shaped, alone } = await requestsByShapeOrExcept([...items, 'vector(1)'], {
      queryOf: (q) => q,
      maxChars: 300,
      valuesOf: async (label, selectors) => {
        asked.push({ label, selectors })
        return held
      }
    })
    expect(alone).toEqual(['vector(1)'])
    expect(asked).toEqual([{ label: 'service', selectors: ['x{service!=""}', 'y{service!=""}'] }])
    expect(shaped).toHaveLength(1)
    expect(shaped[0]!.except).toBe(true)
    expect(shaped[0]!.members.map((m) => m.item)).toEqual(items)
    expect(shaped[0]!.query).toBe(
      'sum by (service) (rate(x{service!="", service!~"other\\\\.1|other-2"}[5m])) / sum by (service) (rate(y{service!="", service!~"other\\\\.1|other-2"}[5m]))'
    )
    expect(lezerParse(shaped[0]!.query).error).toBeUndefined()

    const failing = await requestsByShapeOrExcept(items, {
      queryOf: (q) => q,
      maxChars: 300,
      valuesOf: async () => Promise.reject(new Error('down'))
    })
    expect(failing.shaped.length).toBeGreaterThan(1)
    expect(failing.shaped.flatMap((r) => r.members.map((m) => m.item)).concat(failing.alone)).toEqual(expect.arrayContaining(items))
    const many = await requestsByShapeOrExcept(items, {
      queryOf: (q) => q,
      maxChars: 300,
      valuesOf: async () => Array.from({ length: 100 }, (_, i) => `elsewhere-${i}`)
    })
    expect(many.shaped.every((r) => !r.except && r.query.length <= 300)).toBe(true)
    // Two shapes too long to list: each label's values asked once, on both shapes' series.
    asked.length = 0
    const other = Array.from({ length: 40 }, (_, i) => `max(z{service="svc-${i}"})`)
    const both = await requestsByShapeOrExcept([...items, ...other], {
      queryOf: (q) => q,
      maxChars: 300,
      valuesOf: async (label, selectors, firsts) => (asked.push({ label, selectors }), expect(firsts).toEqual([items[0], other[0]]), held)
    })
    expect(asked).toEqual([{ label: 'service', selectors: ['x{service!=""}', 'y{service!=""}', 'z{service!=""}'] }])
    expect(both.shaped.map((r) => [r.except, r.members.length])).toEqual([
      [true, 40],
      [true, 40]
    ])
    expect(both.shaped[1]!.query).toBe('max by (service) (z{service!="", service!~"other\\\\.1|other-2"})')
    // Within the cap as listed: no values are asked.
    asked.length = 0
    await requestsByShapeOrExcept(items.slice(0, 2), {
      queryOf: (q) => q,
      maxChars: 12_000,
      valuesOf: async (l, s) => (asked.push({ label: l, selectors: s }), held)
    })
    expect(asked).toEqual([])
  })
})
