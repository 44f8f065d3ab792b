import { readFileSync } from 'node:fs'
import { parseConfig } from '../../src/config/load.js'
import { type InputErrors } from '../../src/util/errors.js'

describe('config loading', () => {
  test('a minimal config of a few lines works, with the defaults filled in', () => {
    const c = parseConfig('version: 1\nbackends:\n  prom: { type: prometheus, url: http://127.0.0.1:9090 }\n', 'sre-monitoring.yml')
    expect(c.gates['coverage-min-percent']).toBe(95)
    expect(c.alerting['ack-sla-seconds']).toBe(300)
    expect(c.runbook.path).toBe('RUNBOOKS/monitoring-runbook.md')
    expect(c.limits['evidence-max-bytes']).toBe(20 * 1024 * 1024)
  })

  test('the bundled example is valid', () => {
    expect(() => parseConfig(readFileSync('examples/sre-monitoring.yml', 'utf8'), 'examples/sre-monitoring.yml')).not.toThrow()
  })

  test('a credential pasted where a variable name belongs is refused without echoing it', () => {
    const token = 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'
    let message = ''
    try {
      parseConfig(
        `version: 1\nbackends:\n  p:\n    type: prometheus\n    url: https://p.example\n    auth: { type: bearer, token-env: ${token} }\n`,
        'c.yml'
      )
    } catch (err) {
      message = (err as InputErrors).message
    }
    expect(message).toContain('c.yml:6 at /backends/p/auth/token-env')
    expect(message).not.toContain(token)
    expect(message).not.toContain('A1b2C3')
  })

  test('several problems are reported together, each with its line', () => {
    try {
      parseConfig('version: 1\nfreshness: soon\nservices:\n  - name: a\n    critical: maybe\n', 'c.yml')
      throw new Error('no error')
    } catch (err) {
      const errors = (err as InputErrors).errors
      expect(errors.map((e) => e.field).sort()).toEqual(['/freshness', '/services/0/critical'])
      expect(errors.map((e) => e.message).join('\n')).toMatch(/c\.yml:2 at \/freshness/)
      expect(errors.map((e) => e.message).join('\n')).toMatch(/c\.yml:5 at \/services\/0\/critical/)
    }
  })
})
