/**
 * What a backlog item becomes on GitHub: title, body, labels and assignees. Pure, so the action
 * files exactly what a local run previews in issues-to-file.json.
 */
import { createHash } from 'node:crypto'
import type { PlannedIssue } from '../artifacts/contracts/issues-to-file.js'
import { byPriority, type BacklogItem } from '../model/backlog.js'
import { escapeCell, escapeMarkdown, mdLink } from '../util/escape.js'
import { fitBody, GITHUB_BODY_LIMIT } from './body.js'

export const DEFAULT_ISSUE_LABEL = 'sre-monitoring'
const MARKER_RE = /<!-- sre-monitoring:fingerprint=([^\s>]+) digest=([a-f0-9]+) -->/

export interface LabelPolicy {
  /** Put on every issue; the first one also finds them again. */
  labels: string[]
  /** e.g. `kind/`: `kind/coverage-gap`. Empty: no kind label. */
  kindPrefix?: string
  /** e.g. `priority/`: `priority/high`. Empty: no priority label. */
  priorityPrefix?: string
}

/**
 * What the body says about the item. Bodies are rewritten only when this changes, so the links to
 * the run and package point to the run that recorded the values shown.
 */
export function contentDigest(item: BacklogItem): string {
  const content = JSON.stringify([
    2,
    item.title,
    item.summary,
    item.kind,
    item.service ?? '',
    item.priority,
    item.gate ?? 0,
    item.evidence,
    item.action ?? '',
    item.verify ?? '',
    item.query ?? null,
    item.links ?? []
  ])
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

/** `[monitoring] payments: missing traces coverage`: the service and the gap, in under 256 characters. */
export function issueTitle(item: BacklogItem): string {
  const plain = item.title.replace(/[\u0000-\u001F\u007F]+/g, ' ').trim() || item.fingerprint
  const named = item.service && !plain.toLowerCase().includes(item.service.toLowerCase()) ? `${item.service}: ${plain}` : plain
  const prefixed = `[monitoring] ${named}`
  return prefixed.length > 250 ? `${prefixed.slice(0, 249)}…` : prefixed
}

const labelPart = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')

/** GitHub label names are at most 50 characters. */
const clip = (s: string): string => (s.length > 50 ? s.slice(0, 50) : s)

export function issueLabels(item: BacklogItem, policy: LabelPolicy): string[] {
  const base = policy.labels.length > 0 ? policy.labels : [DEFAULT_ISSUE_LABEL]
  const extra = [
    policy.kindPrefix ? `${policy.kindPrefix}${labelPart(item.kind)}` : '',
    policy.priorityPrefix ? `${policy.priorityPrefix}${item.priority}` : ''
  ].filter(Boolean)
  return [...new Set([...base, ...extra].map(clip))]
}

/** Labels this action sets (kind and priority), to replace on an update without touching the team's own. */
export function isManagedLabel(name: string, policy: LabelPolicy): boolean {
  return (!!policy.kindPrefix && name.startsWith(policy.kindPrefix)) || (!!policy.priorityPrefix && name.startsWith(policy.priorityPrefix))
}

const KIND_WORDS: Record<string, string> = {
  coverage_gap: 'coverage gap',
  claim_refuted: 'deploy claims refuted',
  baseline_regression: 'regression against the previous release',
  alert_rule: 'alert rule',
  alert_path: 'alert path',
  dashboard: 'dashboard',
  schedule: 'ongoing check',
  alert_tuning: 'alert tuning',
  approval: 'approval'
}

/** A fenced block whose fence is longer than any backtick run inside. */
function fenced(text: string, lang: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${lang}\n${text.replace(/\r\n?/g, '\n').replace(/\n$/, '')}\n${fence}`
}

/**
 * The issue body: what is wrong, the evidence (values, query, time), what to do, how to check the
 * fix locally, links. Text from evidence, config or backends is escaped; commands and queries are
 * in code blocks, which GitHub shows verbatim.
 */
export function renderIssueBody(item: BacklogItem, runUrl: string | undefined, packageUrl?: string, limit = GITHUB_BODY_LIMIT): string {
  const facts = [
    item.service ? `**Service:** ${escapeMarkdown(item.service)}` : '',
    `**Kind:** ${escapeMarkdown(KIND_WORDS[item.kind] ?? item.kind.replace(/_/g, ' '))}`,
    `**Priority:** ${escapeMarkdown(item.priority)}`,
    item.gate ? `**Fails gate:** ${item.gate}` : '**Fails gate:** none (an improvement)'
  ].filter(Boolean)
  const head = [
    issueMarker(item),
    `### ${escapeMarkdown(item.title)}`,
    '',
    facts.join(' · '),
    '',
    '#### What is wrong',
    '',
    escapeMarkdown(item.summary),
    '',
    '#### Evidence',
    '',
    '| Field | Value |',
    '| --- | --- |'
  ].join('\n')
  const links = [
    ...(item.links ?? []).map((l) => `- ${mdLink(l.label, l.url)}`),
    ...(runUrl ? [`- ${mdLink('The run that recorded these values', runUrl)}`] : []),
    ...(packageUrl ? [`- ${mdLink('Evidence package (monitoring-package)', packageUrl)}`] : [])
  ]
  const tail = [
    '',
    ...(item.query
      ? [
          '',
          `Query${item.query.backend ? ` (backend ${escapeMarkdown(item.query.backend)})` : ''}${item.observedAt ? `, seen at ${escapeMarkdown(item.observedAt)}` : ''}:`,
          '',
          fenced(item.query.expr, item.kind === 'coverage_gap' && item.query.expr.startsWith('{') ? 'logql' : 'promql')
        ]
      : item.observedAt
        ? ['', `Seen at ${escapeMarkdown(item.observedAt)}.`]
        : []),
    '',
    '#### What to do',
    '',
    escapeMarkdown(item.action ?? 'See the evidence above and the package for the details.'),
    '',
    '#### Check the fix locally',
    '',
    fenced(item.verify ?? 'npx sre-monitoring --config .github/sre-monitoring.yml --evidence .artifacts/deployment', 'sh'),
    '',
    ...(links.length ? ['#### Links', '', ...links, ''] : []),
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
  if (item.evidence.length === 0) rows.push('| finding | as stated above |')
  const note = omitted
    ? `\n\n_${omitted} more evidence row(s) left out to stay under GitHub's ${limit.toLocaleString('en-US')}-character limit; all rows are in the package's improvement-backlog.md._`
    : ''
  return fitBody(`${head}\n${rows.join('\n')}${note}\n${tail}`, limit)
}

export function planIssue(item: BacklogItem, policy: LabelPolicy, runUrl: string | undefined, packageUrl?: string): PlannedIssue {
  return {
    fingerprint: item.fingerprint,
    kind: item.kind,
    service: item.service ?? null,
    priority: item.priority,
    gate: item.gate ?? null,
    title: issueTitle(item),
    body: renderIssueBody(item, runUrl, packageUrl),
    labels: issueLabels(item, policy),
    assignees: [...new Set(item.assignees ?? [])]
  }
}

/** Every item as it would be filed, highest priority first. */
export function planIssues(items: BacklogItem[], policy: LabelPolicy, runUrl: string | undefined, packageUrl?: string): PlannedIssue[] {
  return [...items].sort(byPriority).map((i) => planIssue(i, policy, runUrl, packageUrl))
}
