/**
 * GitHub under hostile conditions: stalled and endless answers, long listings, a spent budget,
 * a comment planted by someone else, and secrets in what the action sends.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { resolveApproval } from '../../src/github/approvals.js'
import { syncBacklogIssues } from '../../src/github/backlog-issues.js'
import { createOctokit, GitHubBudget, type GitHubTimePolicy } from '../../src/github/octokit.js'
import { PR_COMMENT_MARKER, upsertPullRequestComment } from '../../src/github/pr-comment.js'
import type { BacklogItem } from '../../src/model/backlog.js'
import { MemoryLogger } from '../harness/memory-logger.js'
import { secrets } from '../../src/util/redact.js'
import { startGitHubApi, type GitHubApiStandIn } from '../standins/github-api.js'

const REPO = { owner: 'acme', repo: 'bounds' }
const FULL = 'acme/bounds'
const WORKFLOW_TOKEN = 'ghs_boundsWorkflowToken0000000000000000'
const PAT = 'github_pat_boundsPersonalToken000000000000'
const FAST: Partial<GitHubTimePolicy> = { attemptTimeoutMs: 5000, callTimeoutMs: 10_000, budgetMs: 60_000, maxPages: 10 }
const STALL: Partial<GitHubTimePolicy> = { ...FAST, attemptTimeoutMs: 400 }

let api: GitHubApiStandIn
beforeAll(async () => {
  api = await startGitHubApi()
  api.grant(WORKFLOW_TOKEN, { issues: 'write', actions: 'read', contents: 'write', pull_requests: 'write' })
  api.grant(
    PAT,
    { issues: 'write', actions: 'read', contents: 'write', pull_requests: 'write' },
    { kind: 'user', login: 'release-bot-user' }
  )
})
afterAll(async () => {
  await api.stop()
})
// Each case starts from an empty repository and no pending fault: a fault one case injected but
// did not use up (e.g. GET /user failing ten times) must not fail the next.
beforeEach(() => {
  api.resetRepo(FULL)
  api.clearFaults()
})
afterEach(() => {
  expect(api.unexpectedRequests).toEqual([])
  expect(api.invalidResponses).toEqual([])
})

const octokitFor = (log: MemoryLogger, time: Partial<GitHubTimePolicy> = FAST, token = WORKFLOW_TOKEN, budget?: GitHubBudget) =>
  createOctokit(token, { baseUrl: api.url, log, time, budget, rateLimit: { msPerSecond: 5, writeSpacingMs: 0, notificationSpacingMs: 0 } })

function item(n: number, extra: Partial<BacklogItem> = {}): BacklogItem {
  return {
    fingerprint: `coverage_gap:bounds-${n}:traces`,
    kind: 'coverage_gap',
    service: `bounds-${n}`,
    priority: 'medium',
    title: `bounds-${n} has no traces`,
    summary: `No spans from bounds-${n}.`,
    evidence: [{ label: 'query', value: 'spans_total' }],
    ...extra
  } as BacklogItem
}

describe('GitHub calls are bounded', () => {
  it('a stalled approvals call ends at the attempt timeout, is not retried, and the run goes on with the input', async () => {
    const log = new MemoryLogger()
    // The stand-in compiles its validators on first use, in this process: warm it up first.
    await resolveApproval({ octokit: octokitFor(log), repo: REPO, runId: 41, log })
    api.inject({ operationId: 'actions/get-reviews-for-run', fault: { kind: 'stall' } })
    const before = api.requests.length
    const t0 = Date.now()
    const r = await resolveApproval({ octokit: octokitFor(log, STALL), repo: REPO, runId: 42, approvedByInput: 'alice', log })
    expect(Date.now() - t0).toBeLessThan(3000)
    expect(api.requests.slice(before).filter((x) => x.operationId === 'actions/get-reviews-for-run')).toHaveLength(1)
    expect(r.apiError).toBe(
      `Could not read the environment approvals of run 42: GitHub API: GET ${api.url}/repos/acme/bounds/actions/runs/42/approvals: no answer within 400 ms`
    )
    expect(r.approvers.map((a) => a.login)).toEqual(['alice'])
  })

  it('an endless listing body stops at the response cap and is an error; nothing is filed as a duplicate', async () => {
    const log = new MemoryLogger()
    api.inject({ operationId: 'issues/list-for-repo', fault: { kind: 'endless-body' } })
    const t0 = Date.now()
    const r = await syncBacklogIssues({
      octokit: octokitFor(log),
      repo: REPO,
      items: [item(1)],
      maxNew: 5,
      runUrl: 'https://github.com/acme/bounds/actions/runs/1',
      log
    })
    expect(Date.now() - t0).toBeLessThan(8000)
    expect(r.errors).toEqual([
      `GitHub issues: listing issues labelled sre-monitoring failed: GitHub API: GET ${api.url}/repos/acme/bounds/issues?labels=sre-monitoring&state=all&per_page=100: the answer exceeded the 8388608-byte cap (limits.response-max-bytes); the rest was not read`
    ])
    expect(r.opened).toEqual([])
    expect(r.heldBack).toHaveLength(1)
  })

  it('a listing longer than the page cap is an error naming the cap, never a silent cut', async () => {
    const log = new MemoryLogger()
    const state = api.repo(FULL)
    api.addPullRequest(FULL, 700)
    for (let n = 0; n < 7; n++) api.addComment(FULL, 700, `comment ${n}`, 'someone')
    // per_page 100 in the code; a cap of 0 pages would refuse even the first, so use a long thread.
    for (let n = 0; n < 230; n++)
      state.comments.push({
        id: 50_000 + n,
        issue_number: 700,
        body: `c${n}`,
        user: 'someone',
        created_at: '2026-11-01T00:00:00Z',
        updated_at: '2026-11-01T00:00:00Z'
      })
    const r = await upsertPullRequestComment({
      octokit: octokitFor(log, { ...FAST, maxPages: 2 }),
      repo: REPO,
      prNumber: 700,
      body: 'gates',
      log
    })
    expect(r.action).toBe('failed')
    expect(r.error).toBe(
      'Pull request comment: listing the comments of #700 failed: GitHub API: the listing has more than 2 pages; this run reads at most 2 pages per listing'
    )
  })

  it('once the run\u2019s GitHub budget is spent, later calls fail at once without being sent', async () => {
    const log = new MemoryLogger()
    const budget = new GitHubBudget(300)
    api.inject({ operationId: 'actions/get-reviews-for-run', fault: { kind: 'stall' } })
    const ok = octokitFor(log, { ...FAST, attemptTimeoutMs: 5000 }, WORKFLOW_TOKEN, budget)
    const first = await resolveApproval({ octokit: ok, repo: REPO, runId: 43, log })
    expect(first.apiError).toMatch(/no answer within 300 ms \(what was left of this run's GitHub time budget\)/)
    const before = api.requests.length
    const t0 = Date.now()
    const second = await upsertPullRequestComment({
      octokit: octokitFor(log, FAST, WORKFLOW_TOKEN, budget),
      repo: REPO,
      prNumber: 700,
      body: 'x',
      log
    })
    expect(Date.now() - t0).toBeLessThan(200)
    expect(api.requests.length).toBe(before)
    expect(second.error).toMatch(/not sent: the 300 ms this run may spend on GitHub are spent/)
  })
})

describe('the pull request comment is edited only when the token wrote it', () => {
  it('a marker comment by another user is left alone; the action comments itself, then edits only its own', async () => {
    const log = new MemoryLogger()
    api.addPullRequest(FULL, 801)
    const planted = api.addComment(FULL, 801, `${PR_COMMENT_MARKER}\n### Protocol 12 monitoring: ✅ in place (fake)`, 'mallory')
    const first = await upsertPullRequestComment({ octokit: octokitFor(log), repo: REPO, prNumber: 801, body: 'run 1', log })
    expect(first.action).toBe('created')
    expect(first.commentId).not.toBe(planted)
    const second = await upsertPullRequestComment({ octokit: octokitFor(log), repo: REPO, prNumber: 801, body: 'run 2', log })
    expect(second).toMatchObject({ action: 'updated', commentId: first.commentId })
    const comments = api.repo(FULL).comments.filter((c) => c.issue_number === 801)
    expect(comments.find((c) => c.id === planted)!.body).toContain('(fake)')
    expect(comments.find((c) => c.id === first.commentId)).toMatchObject({
      user: 'github-actions[bot]',
      body: `${PR_COMMENT_MARKER}\nrun 2`
    })
  })

  it('with a personal token the identity comes from GET /user, and the bot\u2019s comment is not taken over either', async () => {
    const log = new MemoryLogger()
    api.addPullRequest(FULL, 802)
    const botComment = api.addComment(FULL, 802, `${PR_COMMENT_MARKER}\nby the workflow token`, 'github-actions[bot]')
    const r = await upsertPullRequestComment({ octokit: octokitFor(log, FAST, PAT), repo: REPO, prNumber: 802, body: 'pat run', log })
    expect(r.action).toBe('created')
    expect(r.commentId).not.toBe(botComment)
    expect(api.repo(FULL).comments.find((c) => c.id === r.commentId)!.user).toBe('release-bot-user')
    const again = await upsertPullRequestComment({ octokit: octokitFor(log, FAST, PAT), repo: REPO, prNumber: 802, body: 'pat run 2', log })
    expect(again).toMatchObject({ action: 'updated', commentId: r.commentId })
  })

  it('when the identity cannot be read (GET /user fails with 500), nothing is edited or written', async () => {
    const log = new MemoryLogger()
    api.addPullRequest(FULL, 803)
    api.inject({ operationId: 'users/get-authenticated', times: 10, fault: { kind: 'status', status: 500 } })
    const r = await upsertPullRequestComment({ octokit: octokitFor(log, FAST, PAT), repo: REPO, prNumber: 803, body: 'x', log })
    expect(r.action).toBe('failed')
    expect(r.error).toMatch(/^Pull request comment: finding out which account the token acts as failed: HTTP 500/)
    expect(api.repo(FULL).comments.filter((c) => c.issue_number === 803)).toEqual([])
  })
})

describe('what the action sends GitHub is redacted', () => {
  it('issue titles and bodies, comments and dispatch payloads carry no known secret', async () => {
    const secret = 'backend-echo-secret-6060'
    secrets.add(secret)
    const log = new MemoryLogger()
    const before = api.requests.length
    const r = await syncBacklogIssues({
      octokit: octokitFor(log),
      repo: REPO,
      items: [
        item(9, {
          title: `401 from backend: ${secret}`,
          summary: `body said ${secret}`,
          evidence: [{ label: 'reason', value: `Bearer ${secret}` }]
        })
      ],
      maxNew: 5,
      runUrl: 'https://github.com/acme/bounds/actions/runs/1',
      log
    })
    expect(r.opened).toHaveLength(1)
    const sent = api.requests
      .slice(before)
      .map((x) => x.body ?? '')
      .join('\n')
    expect(sent).toContain('401 from backend: ***')
    expect(sent).not.toContain(secret)
    const stored = api.repo(FULL).issues.find((i) => i.number === r.opened[0])!
    expect(stored.title).toBe('[monitoring] bounds-9: 401 from backend: ***') // the service leads the title
    expect(stored.body).not.toContain(secret)
  })
})
