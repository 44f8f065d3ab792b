import { getSettings } from '../../src/settings/inputs.js'

const inputs =
  (given: Record<string, string>) =>
  (name: string): string =>
    given[name] ?? ''

describe('action inputs', () => {
  test('unset inputs take the defaults; blank optional ones are not given', () => {
    expect(getSettings(inputs({ 'package-artifact': 'monitoring-package', 'approved-by': '  ' }))).toEqual({
      evidencePath: '.artifacts/deployment',
      evidenceArtifact: undefined,
      evidenceRunId: undefined,
      config: '.github/sre-monitoring.yml',
      outputDir: '.artifacts/monitoring',
      mode: 'post-deploy',
      packageArtifact: 'monitoring-package',
      retentionDays: undefined,
      githubToken: undefined,
      backlogIssues: true,
      alertTests: true,
      failOn: 'gate',
      approvedBy: undefined,
      onCallOwner: undefined
    })
  })

  test('an empty package-artifact means no upload; booleans read true/yes and false/no', () => {
    const s = getSettings(inputs({ 'alert-tests': 'No', 'backlog-issues': 'YES', 'evidence-run-id': ' 42 ', 'retention-days': '90' }))
    expect(s.packageArtifact).toBeUndefined()
    expect(s.alertTests).toBe(false)
    expect(s.backlogIssues).toBe(true)
    expect(s.evidenceRunId).toBe('42')
    expect(s.retentionDays).toBe('90')
  })

  test.each([
    ['mode', 'asurance', /action inputs at mode: expected one of post-deploy, assurance, found "asurance"; did you mean `assurance`\?/],
    ['fail-on', 'always', /action inputs at fail-on: expected one of gate, never, found "always"/],
    ['alert-tests', 'maybe', /action inputs at alert-tests: expected true or false, found "maybe"/],
    ['evidence-run-id', 'run-7', /action inputs at evidence-run-id: expected a workflow run id \(digits\), found "run-7"/],
    ['retention-days', '91', /action inputs at retention-days: expected a number of days from 1 to 90, found "91"/]
  ])('a bad %s is refused once, naming the input, what it must be and what was given', (name, value, message) => {
    expect(() => getSettings(inputs({ [name]: value }))).toThrow(message)
  })
})
