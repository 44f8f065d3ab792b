import type { BacklogItem } from '../model/backlog.js'
import type { IssuesOutcome } from './ports.js'
import type { Logger } from '../util/log.js'
import { contentDigest, DEFAULT_ISSUE_LABEL, isManagedLabel, issueTitle, parseMarker, planIssue, type LabelPolicy } from './issue-plan.js'
import { mdLink } from '../util/escape.js'
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
  /** Kind and priority labels: `kind/coverage-gap`, `priority/high`. */
  kindLabelPrefix?: string
  priorityLabelPrefix?: string
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

export { DEFAULT_ISSUE_LABEL, parseMarker, renderIssueBody, issueTitle, contentDigest, issueMarker } from './issue-plan.js'
const PRIORITY_ORDER = { high: 0, medium: 1, low: 2 } as const

interface ExistingIssue {
  number: number
  state: 'open' | 'closed'
  stateReason?: string | null
  title: string
  digest: string
  labels: string[]
}

/**
 * One issue per backlog item, found again by the fingerprint in its body. Issues carrying the
 * label are listed once per run; an item's issue is written only when it has to change. Never
 * throws for an API failure: the failures are in `errors` and in the log, and the run goes on.
 */
export async function syncBacklogIssues(args: SyncBacklogIssuesArgs): Promise<SyncBacklogIssuesResult> {
  const { octokit, repo, log } = args
  const labels = args.labels && args.labels.length > 0 ? args.labels : [DEFAULT_ISSUE_LABEL]
  const policy: LabelPolicy = { labels, kindPrefix: args.kindLabelPrefix, priorityPrefix: args.priorityLabelPrefix }
  // The team's own labels stay; only the kind and priority labels this action set are replaced.
  const labelsFor = (item: BacklogItem, current: string[]): string[] => {
    const kept = current.filter((l) => !isManagedLabel(l, policy))
    return [...new Set([...kept, ...planIssue(item, policy, args.runUrl).labels])]
  }
  const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x) => b.includes(x))
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
        digest: marker.digest,
        labels: issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean)
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
      const plan = planIssue(item, policy, args.runUrl, args.packageUrl)
      try {
        const create = (assignees: string[]) =>
          octokit.rest.issues.create({
            owner: repo.owner,
            repo: repo.repo,
            title,
            body: plan.body,
            labels: plan.labels,
            ...(assignees.length ? { assignees } : {})
          })
        let data
        try {
          ;({ data } = await create(plan.assignees))
        } catch (err) {
          // A named owner GitHub cannot assign here (not a collaborator, a typo): file it unassigned, say so.
          if (plan.assignees.length === 0 || !isAssigneeRefusal(err)) throw err
          log.warning(
            `GitHub issues: ${plan.assignees.join(', ')} cannot be assigned in ${repo.owner}/${repo.repo} (services[].github-assignees); filed ${item.fingerprint} unassigned.`
          )
          ;({ data } = await create([]))
        }
        result.opened.push(data.number)
        existing.set(item.fingerprint, { number: data.number, state: 'open', title, digest, labels: plan.labels })
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
          body: planIssue(item, policy, args.runUrl, args.packageUrl).body,
          labels: labelsFor(item, issue.labels)
        })
        await octokit.rest.issues.createComment({
          owner: repo.owner,
          repo: repo.repo,
          issue_number: issue.number,
          body: `Found again by ${mdLink('this run', args.runUrl)}: reopened.`
        })
        result.reopened.push(issue.number)
      } catch (err) {
        fail(`reopening #${issue.number}`, err)
      }
      continue
    }
    const wantLabels = labelsFor(item, issue.labels)
    const relabel = !sameSet(wantLabels, issue.labels)
    if (!changed && !relabel) continue
    try {
      await octokit.rest.issues.update({
        owner: repo.owner,
        repo: repo.repo,
        issue_number: issue.number,
        ...(changed ? { title, body: planIssue(item, policy, args.runUrl, args.packageUrl).body } : {}),
        ...(relabel ? { labels: wantLabels } : {})
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
        body: `Resolved: ${mdLink('this run', args.runUrl)} no longer finds this item. Closing.`
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

/** GitHub's 422 for an assignee it cannot assign: `{resource: Issue, field: assignees, code: invalid}`. */
function isAssigneeRefusal(err: unknown): boolean {
  const e = err as { status?: number; response?: { data?: { errors?: Array<{ field?: string }> } } }
  return e?.status === 422 && (e.response?.data?.errors ?? []).some((x) => x?.field === 'assignees' || x?.field === 'assignee')
}
