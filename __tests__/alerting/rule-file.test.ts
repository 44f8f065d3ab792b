/**
 * Rule files: the fast reader (js-yaml, core schema) gives the same data as the full parser on
 * every plain file, and whatever it could read differently (anchors, aliases, tags, directives,
 * duplicate keys) goes to the full parser, whose errors name the line.
 */
import { readFileSync } from 'node:fs'
import { fullRuleFileData, plainRuleFileData, ruleFileGroups } from '../../src/alerting/slo/rule-file.js'

const PLAIN = `# every scalar kind a rule file holds
groups:
  - name: api
    interval: 30s
    rules:
      - record: job:http_errors:rate5m
        expr: sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))
      - alert: ApiErrors
        expr: |-
          sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.05
        for: 10m
        keep_firing_for: 5m
        labels: { severity: page, team: "api", priority: 1, urgent: true, ratio: 0.5, none: null, empty: ~ }
        annotations:
          summary: 'It''s failing: {{ $value | humanizePercentage }}'
          description: >
            Folded text
            over two lines.
          escaped: "tab\\there \\u00e9 \\"quoted\\""
      - alert: Constant
        expr: 1
      - alert: Exponent
        expr: 1e3
      - alert: Octal
        expr: 0o17
      - alert: Hex
        expr: 0x1F
      - alert: Ratio
        expr: x / y > 2
  - name: empty
    rules: []
  - name: nested
    rules:
      - alert: Flow
        expr: "vector(1)"
        labels: {a: [1, 2, {b: c}]}
`

describe('rule-file reading', () => {
  test.each([
    ['every scalar kind', PLAIN],
    ['a document marker', `---\n${PLAIN}`],
    ['CRLF line ends', PLAIN.replace(/\n/g, '\r\n')]
  ])('the fast reader and the full parser agree: %s', (_, text) => {
    const fast = plainRuleFileData(text)
    expect(fast).toBeDefined()
    expect(fast).toEqual(fullRuleFileData(text, 'rules.yml'))
  })

  test.each([
    [
      'an anchor and an alias',
      'groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up\n        labels: &l { severity: page }\n      - alert: B\n        expr: up\n        labels: *l\n'
    ],
    ['a tag', 'groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: !!str 1\n'],
    ['a local tag', 'groups: !foo []\n'],
    ['a directive', '%YAML 1.1\n---\ngroups: []\n'],
    [
      'a merge key over an alias',
      'x: &x { severity: page }\ngroups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up\n        labels: { <<: *x }\n'
    ]
  ])('%s takes the full parser', (_, text) => {
    expect(plainRuleFileData(text)).toBeUndefined()
  })

  test('the example rule file (anchors and aliases) reads through the full parser', () => {
    const text = readFileSync('examples/rules/slo-alerts.yml', 'utf8')
    expect(plainRuleFileData(text)).toBeUndefined()
    const groups = ruleFileGroups(text, 'examples/rules/slo-alerts.yml')
    expect(groups.length).toBeGreaterThan(0)
  })

  test('a duplicate key is refused by the full parser, naming the line', () => {
    const text = 'groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up\n        expr: down\n'
    expect(plainRuleFileData(text)).toBeUndefined()
    expect(() => ruleFileGroups(text, 'dup.yml')).toThrow(/^dup\.yml: not valid YAML \(.*line 6\)$/)
  })

  test('bad indentation is refused naming the line, never quoting the file', () => {
    const text = 'groups:\n  - name: a\n    rules:\n      - alert: SECRET_TOKEN_abc\n     expr: up\n'
    expect(() => ruleFileGroups(text, 'bad.yml')).toThrow(/^bad\.yml: not valid YAML \(.*line \d+\)$/)
    expect(() => ruleFileGroups(text, 'bad.yml')).not.toThrow(/SECRET_TOKEN/)
  })

  test('an alias bomb is refused, not expanded', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for (let i = 1; i < 9; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`
      )
    lines.push('groups: [*i]')
    expect(() => ruleFileGroups(lines.join('\n'), 'bomb.yml')).toThrow(/alias bomb/)
  })

  test('a file without a groups list is named', () => {
    expect(() => ruleFileGroups('rules: []\n', 'x.yml')).toThrow('x.yml: not a Prometheus rule file (no groups list)')
    expect(() => ruleFileGroups('', 'empty.yml')).toThrow('empty.yml: not a Prometheus rule file (no groups list)')
  })
})
