import { createHash } from 'node:crypto'
import type { BacklogItem } from '../model/backlog.js'
import type { IssuesOutcome } from '../protocol/ports.js'
import type { Logger } from '../util/log.js'
import { escapeCell, escapeInline, fitBody, GITHUB_BODY_LIMIT, link } from './markdown.js'
import { describeApiError, type Octokit } from './octokit.js'
import { classifyFailure, permissionMessage } from './permissions.js'

export interface RepoRef {
  owner: string
  repo: string
}

export interface SyncBacklogIssuesArgs {
  octokit: Octokit
  repo: RepoRef
  items: BacklogItem[]
  /** Put on every issue. The first one also finds them again (one listing per run). */
  labels?: string[]
  /** At most this many issues are opened per run; the rest are returned as held back. */
  maxNew: number
  /** This run's page; named in the close comment and in bodies this run writes. */
  runUrl: string
  /** The artifact that holds this run's package. */
  packageUrl?: string
  /** The run is for a pull request from a fork: the token is read-only. */
  forkPullRequest?: boolean
  log: Logger
}

/** What the protocol's GitHub port reports for the backlog, less what only local runs fill. */
export type SyncBacklogIssuesResult = Omit<IssuesOutcome, 'file'>

export const DEFAULT_ISSUE_LABEL = 'sre-monitoring'
const MARKER_RE = /<!-- sre-monitoring:fingerprint=([^\s>]+) digest=([a-f0-9]+) -->/
const PRIORITY_ORDER = { high: 0, medium: 1, low: 2 } as const

/**
 * What the body says about the item. Bodies are rewritten only when this changes, so the links to
 * the run and package point to the run that recorded the values shown.
 */
export function contentDigest(item: BacklogItem): string {
  const content = JSON.stringify([1, item.title, item.summary, item.kind, item.service ?? '', item.priority, item.gate ?? 0, item.evidence])
  return createHash('sha256').update(content).digest('hex').slice(0, 20)
}

export function issueMarker(item: BacklogItem): string {
  return `<!-- sre-monitoring:fingerprint=${encodeURIComponent(item.fingerprint)} digest=${contentDigest(item)} -->`
}

export function parseMarker(body: string | null | undefined): { fingerprint: string; digest: string } | undefined {
  const m = body ? MARKER_RE.exec(body) : null
  if (!m) return undefined
  try {
    return { fingerprint: decodeURIComponent(m[1]), digest: m[2] }
  } catch {
    return undefined
  }
}

export function issueTitle(item: BacklogItem): string {
  const plain = item.title.replace(/[\u0000-\u001F\u007F]+/g, ' ').trim() || item.fingerprint
  const prefixed = `[monitoring] ${plain}`
  return prefixed.length > 250 ? `${prefixed.slice(0, 249)}…` : prefixed
}

export function renderIssueBody(item: BacklogItem, runUrl: string, packageUrl?: string, limit = GITHUB_BODY_LIMIT): string {
  const head = [
    issueMarker(item),
    `### ${escapeInline(item.title)}`,
    '',
    escapeInline(item.summary),
    '',
    '| | |',
    '| --- | --- |',
    `| Kind | ${escapeCell(item.kind)} |`,
    ...(item.service ? [`| Service | ${escapeCell(item.service)} |`] : []),
    `| Priority | ${escapeCell(item.priority)} |`,
    ...(item.gate ? [`| Fails gate | ${item.gate} |`] : []),
    '',
    '**Evidence (the values that decided this item)**',
    '',
    '| Field | Value |',
    '| --- | --- |'
  ].join('\n')
  const tail = [
    '',
    `Recorded by ${link('this run', runUrl)}${packageUrl ? ` · evidence package: ${link('monitoring-package', packageUrl)}` : ''}.`,
    '',
    '_Filed by sre-monitoring-action. Found again on later runs by the hidden fingerprint above; updated only when the evidence changes, closed when a run no longer finds it._',
    ''
  ].join('\n')
  const budget = limit - head.length - tail.length - 200
  const rows: string[] = []
  let used = 0
  let omitted = 0
  for (const e of item.evidence) {
    const row = `| ${escapeCell(e.label, 200)} | ${escapeCell(e.value)} |`
    if (omitted === 0 && used + row.length + 1 <= budget) {
      rows.push(row)
      used += row.length + 1
    } else {
      omitted++
    }
  }
  if (item.evidence.length === 0) rows.push('| (none) | |')
  const note = omitted
    ? `\n\n_${omitted} more evidence row(s) left out to stay under GitHub's ${limit.toLocaleString('en-US')}-character limit; all rows are in the package's improvement-backlog.md._`
    : ''
  return fitBody(`${head}\n${rows.join('\n')}${note}\n${tail}`, limit)
}

interface ExistingIssue {
  number: number
  state: 'open' | 'closed'
  stateReason?: string | null
  title: string
  digest: string
}

/**
 * One issue per backlog item, found again by the fingerprint in its body. Issues carrying the
 * label are listed once per run; an item's issue is written only when it has to change. Never
 * throws for an API failure: the failures are in `errors` and in the log, and the run goes on.
 */
export async function syncBacklogIssues(args: SyncBacklogIssuesArgs): Promise<SyncBacklogIssuesResult> {
  const { octokit, repo, log } = args
  const labels = args.labels && args.labels.length > 0 ? args.labels : [DEFAULT_ISSUE_LABEL]
  const result: SyncBacklogIssuesResult = { opened: [], updated: [], closed: [], reopened: [], heldBack: [], errors: [] }
  const forkPullRequest = args.forkPullRequest ?? false

  // A refused write means every later write is refused too: say it once and stop writing.
  let stopped = false
  const fail = (what: string, err: unknown): void => {
    const kind = classifyFailure(err)
    if (kind === 'permission') {
      const message = permissionMessage('file backlog issues', err, 'issues: write', forkPullRequest)
      result.errors.push(message)
      log.warning(message)
      stopped = true
      return
    }
    const message = `GitHub issues: ${what} failed: ${describeApiError(err)}`
    result.errors.push(message)
    log.warning(message)
    if (kind === 'rate-limit') stopped = true
  }

  const existing = new Map<string, ExistingIssue>()
  try {
    const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner: repo.owner,
      repo: repo.repo,
      labels: labels[0],
      state: 'all',
      per_page: 100
    })
    for (const issue of issues) {
      if (issue.pull_request) continue
      const marker = parseMarker(issue.body)
      if (!marker) continue
      const seen = existing.get(marker.fingerprint)
      if (seen) {
        // Duplicates (e.g. made by hand): keep the open one, else the oldest.
        const seenOpen = seen.state === 'open'
        const thisOpen = issue.state === 'open'
        const keepSeen = seenOpen !== thisOpen ? seenOpen : seen.number < issue.number
        if (keepSeen) continue
      }
      existing.set(marker.fingerprint, {
        number: issue.number,
        state: issue.state === 'open' ? 'open' : 'closed',
        stateReason: issue.state_reason,
        title: issue.title,
        digest: marker.digest
      })
    }
  } catch (err) {
    if (classifyFailure(err) === 'permission') {
      fail('listing issues', err)
    } else {
      fail(`listing issues labelled ${labels[0]}`, err)
    }
    // Without the listing every item would be filed again as a duplicate.
    result.heldBack.push(...args.items)
    return result
  }

  const items = [...args.items].sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority])
  const wanted = new Set(items.map((i) => i.fingerprint))

  // Failed creates count too: a create that timed out may still have opened the issue.
  let createAttempts = 0
  for (const item of items) {
    if (stopped) {
      if (!existing.has(item.fingerprint)) result.heldBack.push(item)
      continue
    }
    const issue = existing.get(item.fingerprint)
    const title = issueTitle(item)
    const digest = contentDigest(item)
    if (!issue) {
      if (createAttempts >= args.maxNew) {
        result.heldBack.push(item)
        continue
      }
      createAttempts++
      try {
        const { data } = await octokit.rest.issues.create({
          owner: repo.owner,
          repo: repo.repo,
          title,
          body: renderIssueBody(item, args.runUrl, args.packageUrl),
          labels
        })
        result.opened.push(data.number)
        existing.set(item.fingerprint, { number: data.number, state: 'open', title, digest })
      } catch (err) {
        fail(`opening the issue for ${item.fingerprint}`, err)
        if (stopped) result.heldBack.push(item)
      }
      continue
    }
    const changed = issue.digest !== digest || issue.title !== title
    if (issue.state === 'closed' && issue.stateReason === 'not_planned') {
      // Someone decided not to act on it: a later run does not overrule that.
      log.debug(`#${issue.number} (${item.fingerprint}) was closed as not planned; left closed.`)
      continue
    }
    if (issue.state === 'closed') {
      try {
        await octokit.rest.issues.update({
          owner: repo.owner,
          repo: repo.repo,
          issue_number: issue.number,
          state: 'open',
          title,
          body: renderIssueBody(item, args.runUrl, args.packageUrl)
        })
        await octokit.rest.issues.createComment({
          owner: repo.owner,
          repo: repo.repo,
          issue_number: issue.number,
          body: `Found again by ${link('this run', args.runUrl)}: reopened.`
        })
        result.reopened.push(issue.number)
      } catch (err) {
        fail(`reopening #${issue.number}`, err)
      }
      continue
    }
    if (!changed) continue
    try {
      await octokit.rest.issues.update({
        owner: repo.owner,
        repo: repo.repo,
        issue_number: issue.number,
        title,
        body: renderIssueBody(item, args.runUrl, args.packageUrl)
      })
      result.updated.push(issue.number)
    } catch (err) {
      fail(`updating #${issue.number}`, err)
    }
  }

  // Each item's issue, for the backlog file to link to.
  result.numbers = new Map([...existing].filter(([fp]) => wanted.has(fp)).map(([fp, i]) => [fp, i.number]))

  for (const [fp, issue] of existing) {
    if (stopped) break
    if (wanted.has(fp) || issue.state !== 'open') continue
    try {
      await octokit.rest.issues.createComment({
        owner: repo.owner,
        repo: repo.repo,
        issue_number: issue.number,
        body: `Resolved: ${link('this run', args.runUrl)} no longer finds this item. Closing.`
      })
      await octokit.rest.issues.update({
        owner: repo.owner,
        repo: repo.repo,
        issue_number: issue.number,
        state: 'closed',
        state_reason: 'completed'
      })
      result.closed.push(issue.number)
    } catch (err) {
      fail(`closing #${issue.number}`, err)
    }
  }

  const summary = `GitHub issues: ${result.opened.length} opened, ${result.updated.length} updated, ${result.reopened.length} reopened, ${result.closed.length} closed${result.heldBack.length ? `, ${result.heldBack.length} held back (limit ${args.maxNew} new per run)` : ''}.`
  log.info(summary)
  return result
}
