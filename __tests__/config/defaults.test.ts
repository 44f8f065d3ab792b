/**
 * Each config default is stated once, on the field: a section left out is the same as the
 * section written empty, at every level (a second copy of the defaults on the section drifts).
 */
import { configSchema } from '../../src/config/schema.js'

const none = configSchema.parse({ version: 1 }) as Record<string, unknown>
const sections = Object.entries(none).filter(([, v]) => typeof v === 'object' && v !== null && !Array.isArray(v))

describe('config defaults stated once', () => {
  test('there are sections to compare', () => {
    expect(sections.map(([k]) => k)).toEqual(expect.arrayContaining(['alerting', 'baseline', 'gates', 'github', 'limits', 'runbook']))
  })

  test.each(sections.map(([k]) => k))('%s left out equals %s written empty', (key) => {
    expect(none[key]).toEqual((configSchema.parse({ version: 1, [key]: {} }) as Record<string, unknown>)[key])
  })

  test('nested sections too: github.handoff and a webhook ack mapping', () => {
    expect(configSchema.parse({ version: 1, github: { handoff: {} } }).github).toEqual(none.github)
    const webhook = { url: 'https://oncall.example/hook', 'ack-url': 'https://oncall.example/ack/{{test_id}}' }
    const a = configSchema.parse({ version: 1, alerting: { webhook } }).alerting.webhook
    const b = configSchema.parse({ version: 1, alerting: { webhook: { ...webhook, ack: {} } } }).alerting.webhook
    expect(a).toEqual(b)
    expect(a?.ack).toMatchObject({ 'acknowledged-at': '$.acknowledged_at', 'number-unit': 'ms' })
  })
})
