/**
 * The redactor at every exit: the action runs with a credential planted everywhere a backend or a
 * file can echo it (URL userinfo, header env values, bearer tokens, a 401 body repeating them all,
 * evidence that tries to switch off the runner's masking), and then the log, the outputs, the
 * summary, every package file, the runbook and every request body GitHub received are scanned.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import YAML from 'yaml'
import { runAction } from '../../src/action/run-action.js'
import type { Settings } from '../../src/settings/inputs.js'
import { startGitHubApi, type GitHubApiStandIn } from '../standins/github-api.js'

const SECRETS = {
  userinfoPassword: 'uiPass-7Hq2Wm9Xc4',
  tenant: 'tenant-Zr8Kd3Lp6Vb1',
  alertToken: 'amTok-Qw5Er7Ty9Ui2Op4',
  ackPassword: 'ackPw-Lk3Jh5Gf7Ds9',
  grafanaToken: 'glsa_Gr4fAnaT0kenXyZ123456',
  github: 'ghs_EveryExitWorkflowToken00000000000000'
}
const BASIC = Buffer.from(`svc-reader:${SECRETS.userinfoPassword}`).toString('base64')

let api: GitHubApiStandIn
let hostile: Server
let hostileUrl = ''
const seenByHostile: string[] = []

beforeAll(async () => {
  api = await startGitHubApi()
  api.grant(SECRETS.github, { issues: 'write', actions: 'read', contents: 'write', pull_requests: 'write' })
  api.addPullRequest('acme/exits', 5)
  // Every backend answers 401 with a body that repeats every credential it was sent.
  hostile = createServer((req, res) => {
    req.resume()
    const auth = req.headers.authorization ?? ''
    const decoded = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString('utf8') : ''
    seenByHostile.push(`${req.method} ${req.url} ${auth}`)
    res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': `Basic realm="${decoded}"` })
    res.end(
      JSON.stringify({
        status: 'error',
        error: `invalid credentials ${auth} (${decoded}) tenant ${String(req.headers['x-scope-orgid'] ?? '')} for http://${decoded}@${req.headers.host}${req.url}`
      })
    )
  })
  await new Promise<void>((r) => hostile.listen(0, '127.0.0.1', r))
  hostileUrl = `127.0.0.1:${(hostile.address() as AddressInfo).port}`
})

afterAll(async () => {
  await api.stop()
  hostile.closeAllConnections()
  await new Promise<void>((r) => hostile.close(() => r()))
})

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sre-exits-'))
  cpSync('examples', dir, { recursive: true })
  const config = YAML.parse(readFileSync(join(dir, 'sre-monitoring.yml'), 'utf8')) as Record<string, any>
  config.backends.prometheus = {
    type: 'prometheus',
    url: `http://svc-reader:${SECRETS.userinfoPassword}@${hostileUrl}`,
    headers: { 'X-Scope-OrgID': 'env:MIMIR_TENANT' },
    'timeout-seconds': 2,
    retries: 0
  }
  config.alerting.alertmanager = {
    url: `http://${hostileUrl}`,
    auth: { type: 'bearer', 'token-env': 'AM_TOKEN' },
    'timeout-seconds': 2,
    retries: 0
  }
  config.alerting.webhook = {
    url: `http://${hostileUrl}/hook`,
    'ack-url': `http://ack:${SECRETS.ackPassword}@${hostileUrl}/ack/{{test_id}}`,
    'poll-seconds': 1
  }
  config.alerting['ack-sla-seconds'] = 5
  config.alerting['wait-margin-seconds'] = 1
  config.dashboards = {
    files: ['dashboards/*.json'],
    grafana: { url: `http://${hostileUrl}`, 'token-env': 'GRAFANA_TOKEN', uids: ['shop-overview'] }
  }
  config.incidents = { 'github-labels': ['incident'], lookback: '7d' }
  config.github = { 'pr-comment': true, handoff: { enabled: true } }
  // Gate 1 fails against these backends; without the pause every exit (alerts, dispatch) is used.
  config.flow = { 'pause-on-gate-failure': false }
  writeFileSync(join(dir, 'sre-monitoring.yml'), YAML.stringify(config))
  // Evidence that tries to stop the runner's command processing (and so its masking).
  const file = join(dir, 'evidence', 'post-deployment-validation.json')
  const evidence = JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>
  evidence.checks.service_verifications.notes = 'ok\n::stop-commands::pwned-marker\n::add-mask::nothing\n##[set-output name=status]pass'
  writeFileSync(file, JSON.stringify(evidence, null, 2))
  return dir
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

describe('no secret leaves the run', () => {
  test('log, outputs, summary, package files, runbook and every GitHub request body are clean', async () => {
    const dir = workspace()
    const outputFile = join(dir, 'github-output')
    const summaryFile = join(dir, 'step-summary')
    const eventFile = join(dir, 'event.json')
    writeFileSync(outputFile, '')
    writeFileSync(summaryFile, '')
    writeFileSync(
      eventFile,
      JSON.stringify({
        pull_request: { number: 5, head: { repo: { full_name: 'acme/exits', fork: false } }, base: { repo: { full_name: 'acme/exits' } } }
      })
    )
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      GITHUB_WORKSPACE: dir,
      GITHUB_REPOSITORY: 'acme/exits',
      GITHUB_API_URL: api.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '77',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      MIMIR_TENANT: SECRETS.tenant,
      AM_TOKEN: SECRETS.alertToken,
      GRAFANA_TOKEN: SECRETS.grafanaToken
    }
    const saved = { ...process.env }
    Object.assign(process.env, { GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile })
    const stdout: string[] = []
    const write = process.stdout.write.bind(process.stdout)
    process.stdout.write = ((chunk: string | Uint8Array) => {
      stdout.push(String(chunk))
      return true
    }) as typeof process.stdout.write
    const settings: Settings = {
      evidencePath: 'evidence',
      config: 'sre-monitoring.yml',
      outputDir: 'out',
      mode: 'post-deploy',
      githubToken: SECRETS.github,
      backlogIssues: true,
      alertTests: true,
      failOn: 'gate',
      approvedBy: 'alice (SRE lead)',
      onCallOwner: 'payments-oncall'
    } as Settings
    let result
    try {
      result = await runAction(settings, core, env)
    } finally {
      process.stdout.write = write
      process.env = saved
    }
    expect(result.status).toBe('fail')
    // The backends were really asked with the credentials, and echoed them.
    expect(seenByHostile.some((l) => l.includes(`Basic ${BASIC}`))).toBe(true)
    expect(seenByHostile.some((l) => l.includes(`Bearer ${SECRETS.alertToken}`))).toBe(true)
    expect(seenByHostile.some((l) => l.includes(`Bearer ${SECRETS.grafanaToken}`))).toBe(true)

    const log = stdout.join('')
    const planted = [...Object.values(SECRETS), BASIC, `svc-reader:${SECRETS.userinfoPassword}`]
    // Each secret was handed to the runner's masking, before any line of the evidence was logged.
    const firstUntrusted = log.indexOf('pwned-marker')
    for (const s of [
      SECRETS.userinfoPassword,
      SECRETS.tenant,
      SECRETS.alertToken,
      SECRETS.ackPassword,
      SECRETS.grafanaToken,
      SECRETS.github
    ]) {
      const at = log.indexOf(`::add-mask::${s}`)
      expect(at).toBeGreaterThanOrEqual(0)
      if (firstUntrusted >= 0) expect(at).toBeLessThan(firstUntrusted)
    }
    const lines = log.split(/\r\n|\r|\n/)
    // No line from outside starts a workflow command.
    expect(lines.filter((l) => /^\s*::(stop-commands|add-mask::nothing|set-output)/.test(l))).toEqual([])
    expect(lines.filter((l) => l.includes('##[set-output'))).toEqual([])

    const exits: Array<[string, string]> = [
      ['log', lines.filter((l) => !l.startsWith('::add-mask::')).join('\n')],
      ['outputs', readFileSync(outputFile, 'utf8')],
      ['summary', readFileSync(summaryFile, 'utf8')],
      ...filesUnder(join(dir, 'out')).map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
      ['runbook', readFileSync(join(dir, 'RUNBOOKS', 'monitoring-runbook.md'), 'utf8')],
      ...api.requests.map((r): [string, string] => [`${r.method} ${r.path}`, `${r.path}\n${r.body ?? ''}`])
    ]
    const leaks = exits.flatMap(([where, text]) => planted.filter((s) => text.includes(s)).map((s) => `${where}: ${s}`))
    expect(leaks).toEqual([])
    // What was sent GitHub is there: issues, the comment and the dispatch, all carrying redacted text.
    const ops = new Set(api.requests.map((r) => r.operationId))
    for (const op of [
      'issues/create',
      'issues/create-comment',
      'repos/create-dispatch-event',
      'actions/get-reviews-for-run',
      'issues/list-for-repo'
    ])
      expect(ops).toContain(op)
    expect(readFileSync(summaryFile, 'utf8').length).toBeGreaterThan(1000)
    expect(filesUnder(join(dir, 'out')).map((f) => f.split('/').pop())).toEqual(
      expect.arrayContaining([
        'gate-results.json',
        'instrumentation-audit.json',
        'baseline-metrics.json',
        'monitoring-package-manifest.json'
      ])
    )
    // The 401 bodies did reach the package, redacted: the audit says what the backend answered.
    expect(readFileSync(join(dir, 'out', 'instrumentation-audit.json'), 'utf8')).toMatch(/401|credentials/)
  }, 120_000)
})
