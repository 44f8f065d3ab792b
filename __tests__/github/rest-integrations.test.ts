import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { MemoryLogger } from '../harness/memory-logger.js'
import { createOctokit, type Octokit } from '../../src/github/octokit.js'
import { upsertPullRequestComment } from '../../src/github/pr-comment.js'
import { APPROVAL_MISSING_MESSAGE, buildApprovalRecord, parseApprovedBy, resolveApproval } from '../../src/github/approvals.js'
import { buildClientPayload, sendHandoff, type HandoffPayload } from '../../src/github/handoff.js'
import { readWorkflowRun, artifactUrl, repositoryUrl, runLabel } from '../../src/github/context.js'
import { startGitHubApi, type GitHubApiStandIn } from '../standins/github-api.js'

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void
const REPO = { owner: 'acme', repo: 'shop' }
const FULL = 'acme/shop'
const TOKEN = 'ghs_restIntegrationToken000000000000000'
const NOW = new Date('2026-11-27T12:00:00Z')

let api: GitHubApiStandIn
let log: MemoryLogger
let octokit: Octokit

beforeAll(async () => {
  api = await startGitHubApi()
  api.grant(TOKEN, { issues: 'write', actions: 'read', contents: 'write', pull_requests: 'write' })
})
afterAll(async () => {
  await api.stop()
})
beforeEach(() => {
  api.resetCounts()
  log = new MemoryLogger()
  octokit = createOctokit(TOKEN, { baseUrl: api.url, log, rateLimit: { msPerSecond: 5, writeSpacingMs: 0, notificationSpacingMs: 0 } })
})
afterEach(() => {
  expect(api.unexpectedRequests).toEqual([])
  expect(api.invalidResponses).toEqual([])
  expect(log.text()).not.toContain(TOKEN)
})

describe('the GitHub API stand-in', () => {
  it('records and refuses requests the OpenAPI description does not allow', async () => {
    const local = await startGitHubApi()
    local.grant(TOKEN, { issues: 'write' })
    const headers = { authorization: `token ${TOKEN}`, 'content-type': 'application/json' }
    const noTitle = await fetch(`${local.url}/repos/acme/shop/issues`, { method: 'POST', headers, body: JSON.stringify({ body: 'x' }) })
    const badState = await fetch(`${local.url}/repos/acme/shop/issues?state=sideways`, { headers })
    const noSuchPath = await fetch(`${local.url}/repos/acme/shop/monitoring`, { headers })
    const tooMany = await fetch(`${local.url}/repos/acme/shop/dispatches`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ event_type: 'x', client_payload: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, i])) })
    })
    expect([noTitle.status, badState.status, noSuchPath.status, tooMany.status]).toEqual([422, 400, 404, 422])
    expect(local.unexpectedRequests.map((r) => r.reason)).toEqual([
      expect.stringContaining("must have required property 'title'"),
      expect.stringContaining('must be equal to one of the allowed values'),
      expect.stringContaining('no operation GET /repos/acme/shop/monitoring'),
      expect.stringContaining('must NOT have more than 10 properties')
    ])
    await local.stop()
  })
})

describe('upsertPullRequestComment', () => {
  it('posts one comment, edits it in place on the next run, and sends nothing when unchanged', async () => {
    api.addPullRequest(FULL, 7)
    const first = await upsertPullRequestComment({ octokit, repo: REPO, prNumber: 7, body: '## Monitoring\nGate 1: fail', log })
    expect(first.action).toBe('created')
    const second = await upsertPullRequestComment({ octokit, repo: REPO, prNumber: 7, body: '## Monitoring\nGate 1: pass', log })
    expect(second).toMatchObject({ action: 'updated', commentId: first.commentId })
    const third = await upsertPullRequestComment({ octokit, repo: REPO, prNumber: 7, body: '## Monitoring\nGate 1: pass', log })
    expect(third).toMatchObject({ action: 'unchanged', commentId: first.commentId })
    const comments = api.repo(FULL).comments.filter((c) => c.issue_number === 7)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain('Gate 1: pass')
    expect(api.requests.filter((r) => r.operationId === 'issues/create-comment')).toHaveLength(1)
    expect(api.requests.filter((r) => r.operationId === 'issues/update-comment')).toHaveLength(1)
  })

  it('leaves other comments alone and reports a read-only fork token without throwing', async () => {
    api.addPullRequest(FULL, 8)
    api.repo(FULL).comments.push({
      id: 1,
      issue_number: 8,
      body: 'LGTM, mentions <!-- sre-monitoring:pr-comment -->',
      user: 'octocat',
      created_at: '2026-11-27T00:00:00Z',
      updated_at: '2026-11-27T00:00:00Z'
    })
    const forkToken = 'ghs_forkReadOnlyPr0000000000000000000'
    api.grant(forkToken, { issues: 'read', pull_requests: 'read' })
    const forkLog = new MemoryLogger()
    const readOnly = createOctokit(forkToken, {
      baseUrl: api.url,
      log: forkLog,
      rateLimit: { writeSpacingMs: 0, notificationSpacingMs: 0 }
    })
    const r = await upsertPullRequestComment({ octokit: readOnly, repo: REPO, prNumber: 8, body: 'x', forkPullRequest: true, log: forkLog })
    expect(r.action).toBe('failed')
    expect(r.error).toMatch(/pull request from a fork/)
    expect(api.repo(FULL).comments.find((c) => c.id === 1)!.body).toMatch(/^LGTM/)
  })
})

describe('resolveApproval and buildApprovalRecord', () => {
  const validate = (() => {
    const ajv = new Ajv2020({ allErrors: true, strict: true })
    addFormats(ajv)
    return ajv.compile(JSON.parse(readFileSync(join(process.cwd(), 'schemas/monitoring-approval-record.schema.json'), 'utf8')))
  })()

  it('takes the reviewers who approved the run\u2019s protected environment', async () => {
    api.repo(FULL).approvals.set(4242, [
      { state: 'approved', login: 'alice', comment: 'monitoring looks right', environments: ['production'] },
      { state: 'approved', login: 'bob', comment: '', environments: ['production-eu'] }
    ])
    const approval = await resolveApproval({ octokit, repo: REPO, runId: 4242, approvedByInput: 'carol', now: NOW, log })
    expect(approval.source).toBe('environment-approval')
    expect(approval.approvers.map((a) => [a.login, a.source, a.recordedAt])).toEqual([
      ['alice', 'environment-approval', NOW.toISOString()],
      ['bob', 'environment-approval', NOW.toISOString()]
    ])
    const record = buildApprovalRecord({
      approval,
      requiredApprovers: ['alice', 'bob'],
      roles: { alice: 'SRE lead' },
      onCallOwner: 'team-sre',
      notificationChannels: { slack: '#sre-alerts', pagerduty: 'PD-SRE' },
      now: NOW
    })
    expect(record).toMatchObject({
      status: 'approved',
      approval_percentage: 100,
      required_approvers: 2,
      approval_date: NOW.toISOString(),
      effective_date: NOW.toISOString(),
      on_call_owner: 'team-sre',
      notification_channels: { slack: '#sre-alerts', pagerduty: 'PD-SRE' }
    })
    expect(record.approvers.alice).toEqual({
      name: 'alice',
      role: 'SRE lead',
      approval_status: 'approved',
      approval_timestamp: NOW.toISOString(),
      comments: 'monitoring looks right',
      source: 'environment-approval'
    })
    expect(validate(record)).toBe(true)
  })

  it('falls back to the approved-by input when the run has no environment approval', async () => {
    const approval = await resolveApproval({
      octokit,
      repo: REPO,
      runId: 5000,
      approvedByInput: 'carol (SRE on call), @dave',
      now: NOW,
      log
    })
    expect(approval.source).toBe('approved-by-input')
    expect(approval.approvers.map((a) => [a.login, a.role, a.source])).toEqual([
      ['carol', 'SRE on call', 'approved-by-input'],
      ['dave', undefined, 'approved-by-input']
    ])
    const record = buildApprovalRecord({ approval, requiredApprovers: ['carol', 'erin'], now: NOW })
    expect(record.status).toBe('partial')
    expect(record.approval_percentage).toBe(50)
    expect(record.approvers.erin).toMatchObject({ approval_status: 'pending', approval_timestamp: null, source: 'required' })
    expect(record.effective_date).toBeNull()
    expect(validate(record)).toBe(true)
    expect(api.requests.map((r) => r.operationId)).toEqual(['actions/get-reviews-for-run'])
  })

  it('records status missing when nobody approved (gate 4 fails with the protocol\u2019s message)', async () => {
    const approval = await resolveApproval({ octokit, repo: REPO, runId: 5001, now: NOW, log })
    expect(approval).toMatchObject({ source: 'none', approvers: [] })
    expect(log.text()).toContain(APPROVAL_MISSING_MESSAGE)
    const record = buildApprovalRecord({ approval, now: NOW })
    expect(record).toMatchObject({ status: 'missing', approval_percentage: 0, approval_date: null, effective_date: null, approvers: {} })
    expect(validate(record)).toBe(true)
  })

  it('records a rejection', async () => {
    api
      .repo(FULL)
      .approvals.set(5002, [{ state: 'rejected', login: 'mallory', comment: 'alerts not routed', environments: ['production'] }])
    const approval = await resolveApproval({ octokit, repo: REPO, runId: 5002, now: NOW, log })
    const record = buildApprovalRecord({ approval, now: NOW })
    expect(record.status).toBe('rejected')
    expect(record.approvers.mallory.approval_status).toBe('rejected')
    const approved = await resolveApproval({ octokit, repo: REPO, runId: 5002, approvedByInput: 'alice', now: NOW, log })
    expect(buildApprovalRecord({ approval: approved, now: NOW }).status).toBe('rejected')
  })

  it('parses approved-by input', () => {
    expect(parseApprovedBy('a, b (SRE)\n@c')).toEqual([{ login: 'a' }, { login: 'b', role: 'SRE' }, { login: 'c' }])
    expect(parseApprovedBy('')).toEqual([])
  })
})

describe('sendHandoff', () => {
  const payload: HandoffPayload = {
    protocol: 12,
    status: 'fail',
    run: { id: 4242, attempt: 2, url: `https://github.com/${FULL}/actions/runs/4242` },
    package: { name: 'monitoring-package', artifact_id: 99, url: `https://github.com/${FULL}/actions/runs/4242/artifacts/99` },
    gates: [
      { gate: 1, name: 'Instrumentation coverage', status: 'pass' },
      { gate: 4, name: 'Handoff package', status: 'fail', message: APPROVAL_MISSING_MESSAGE }
    ],
    environment: 'production',
    sha: 'a'.repeat(40),
    approval_status: 'missing'
  }

  it('dispatches event_type and client_payload, validated by the OpenAPI stand-in', async () => {
    const r = await sendHandoff({ octokit, repo: REPO, eventType: 'protocol-13-handoff', payload, log })
    expect(r).toEqual({ sent: true })
    const sent = api.repo(FULL).dispatches.at(-1)!
    expect(sent.event_type).toBe('protocol-13-handoff')
    expect(sent.client_payload).toEqual(JSON.parse(JSON.stringify(payload)))
    expect(Object.keys(sent.client_payload).length).toBeLessThanOrEqual(10)
    expect(api.requests.map((x) => [x.operationId, x.status])).toEqual([['repos/create-dispatch-event', 204]])
  })

  it('keeps the payload under 64 KB by shortening gate messages', () => {
    const big = {
      ...payload,
      gates: Array.from({ length: 40 }, (_, i) => ({ gate: 1, name: `g${i}`, status: 'fail' as const, message: 'm'.repeat(5000) }))
    }
    const out = buildClientPayload(big)
    expect(Buffer.byteLength(JSON.stringify(out))).toBeLessThan(64 * 1024)
  })

  it('reports a token without contents: write instead of throwing', async () => {
    const token = 'ghs_noContentsWrite00000000000000000000'
    api.grant(token, { issues: 'write', contents: 'read' })
    const weak = createOctokit(token, { baseUrl: api.url, log, rateLimit: { writeSpacingMs: 0, notificationSpacingMs: 0 } })
    const r = await sendHandoff({ octokit: weak, repo: REPO, eventType: 'protocol-13-handoff', payload, log })
    expect(r.sent).toBe(false)
    expect(r.error).toContain('permissions: contents: write')
  })
})

describe('readWorkflowRun', () => {
  it('reads the repository, run, attempt, server URL, workflow and PR from the environment and event', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctx-'))
    const eventPath = join(dir, 'event.json')
    writeFileSync(
      eventPath,
      JSON.stringify({
        number: 12,
        pull_request: { number: 12, head: { repo: { full_name: 'someone/shop', fork: true } }, base: { repo: { full_name: FULL } } }
      })
    )
    const ctx = readWorkflowRun({
      GITHUB_REPOSITORY: FULL,
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '3',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: 'https://api.github.com',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_WORKFLOW_REF: 'acme/shop/.github/workflows/monitoring.yml@refs/pull/12/merge'
    })
    expect(ctx).toMatchObject({
      owner: 'acme',
      repo: 'shop',
      runId: 4242,
      runAttempt: 3,
      prNumber: 12,
      forkPullRequest: true,
      workflowFile: 'monitoring.yml',
      runUrl: 'https://github.com/acme/shop/actions/runs/4242'
    })
    expect(artifactUrl(ctx, 99)).toBe('https://github.com/acme/shop/actions/runs/4242/artifacts/99')
    expect(
      readWorkflowRun(
        { GITHUB_REPOSITORY: FULL, GITHUB_RUN_ID: '1' },
        { pull_request: { number: 3, head: { repo: { full_name: FULL } }, base: { repo: { full_name: FULL } } } }
      ).forkPullRequest
    ).toBe(false)
  })

  it('labels the run by id and attempt in Actions and by time elsewhere; names the repository page only when known', () => {
    expect(runLabel({ GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '3' })).toBe('4242-3')
    expect(runLabel({ GITHUB_RUN_ID: '4242' })).toBe('4242-1')
    expect(runLabel({}, 1700000000000)).toBe('local-1700000000000')
    expect(repositoryUrl(readWorkflowRun({ GITHUB_REPOSITORY: FULL, GITHUB_SERVER_URL: 'https://ghe.example/' }))).toBe(
      'https://ghe.example/acme/shop'
    )
    expect(repositoryUrl(readWorkflowRun({}))).toBeUndefined()
  })
})
