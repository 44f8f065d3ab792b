import type { GateResult } from '../gates/types.js'
import { byPriority } from '../model/backlog.js'
import type { RunResult } from './run-result.js'
import type { SignalCoverage } from '../telemetry/types.js'
import { baselineFigure, coverageFigure, errorBudgetFigure, figureMarkdown, sloAttainmentFigure } from './charts.js'
import { escapeHtml, escapeMarkdown, inlineCode, mdLink } from '../util/escape.js'
import { failedChecks, type FailedCheck } from './findings.js'
import { issueLink, type ReportLinks } from './links.js'
import { runStatsLine } from './run-stats-line.js'
import { mdTable } from './table.js'

export type { ReportLinks } from './links.js'

/** The runner drops a step summary over 1024 KiB; stay well under it. */
export const SUMMARY_LIMIT_BYTES = 1000 * 1024

/** Failed checks listed on the first screen; the rest are counted and in gate-results.json. */
export const FAILED_SHOWN = 50

const icon = (status: string): string => (status === 'pass' ? '✅' : status === 'error' ? '⚠️' : '❌')

function signalCell(s: SignalCoverage | undefined): string {
  if (!s) return '-'
  if (s.verified) return `✅${s.freshness_seconds !== undefined ? ` ${Math.round(s.freshness_seconds)}s` : ''}`
  if (!s.mapped) return '❌ unmapped'
  if (s.verdict === 'error') return '⚠️ error'
  return `❌ ${s.verdict}`
}

const details = (summary: string, body: string): string =>
  `<details><summary>${escapeHtml(summary)}</summary>\n\n${body.trim()}\n\n</details>\n`

function gateSection(g: GateResult): string {
  const lines = [`#### ${icon(g.status)} Gate ${g.id}: ${escapeMarkdown(g.name)}: ${g.status.toUpperCase()}`, '']
  if (g.checks.length)
    lines.push(
      mdTable(
        ['Check', 'Status', 'Value', 'Threshold'],
        g.checks.map((c) => [c.name, c.status, c.value, c.threshold])
      )
    )
  if (g.reasons.length) lines.push('**Why it failed**', '', ...g.reasons.slice(0, 200).map((r) => `- ${escapeMarkdown(r)}`), '')
  if (g.reasons.length > 200) lines.push(`_${g.reasons.length - 200} more reason(s) in gate-results.json._`, '')
  if (g.errors.length)
    lines.push(
      '**Backend errors** (not failed checks: the backend could not answer)',
      '',
      ...g.errors.slice(0, 50).map((r) => `- ${escapeMarkdown(r)}`),
      ''
    )
  return lines.join('\n')
}

/** One line: what, why, the deciding value, what to do, where to look. */
export function failedLine(c: FailedCheck): string {
  const who = [c.service ? `**${escapeMarkdown(c.service)}**` : '', escapeMarkdown(c.subject)].filter(Boolean).join(' · ')
  const grouped =
    c.count && c.count > 1
      ? ` (${c.count} checks: ${escapeMarkdown(c.members!.slice(0, 5).join(', '))}${c.count > 5 ? `, +${c.count - 5} more` : ''})`
      : ''
  const value =
    c.value !== undefined
      ? ` Value ${inlineCode(c.value)}${c.threshold ? `, needs ${inlineCode(c.threshold)}` : ''}.`
      : c.threshold
        ? ` Needs ${inlineCode(c.threshold)}.`
        : ''
  const links = c.links.length ? ` ${c.links.map((l) => mdLink(l.text, l.url)).join(' · ')}` : ''
  const gate = c.gate ? ` _(gate ${c.gate})_` : c.gate === 0 ? ' _(input)_' : ' _(SLO)_'
  const command = c.command ? ` Check: ${inlineCode(c.command)}` : ''
  return `${who}: ${escapeMarkdown(c.cause.replace(/[.\s]+$/, ''))}${grouped}.${value} **Do:** ${escapeMarkdown(c.hint)}${command}${links}${gate}`
}

function headline(result: RunResult, failed: FailedCheck[]): string {
  const failedGates = result.gates.filter((g) => g.status === 'fail')
  const verdict =
    result.status === 'pass'
      ? '## ✅ Monitoring is in place: all 4 gates pass'
      : `## ❌ Monitoring is not in place: ${failedGates.length} of ${result.gates.length} gates failed (${failedGates.map((g) => `gate ${g.id}`).join(', ')})`
  const breached = (result.slos ?? []).filter((s) => s.status === 'breached')
  const facts = [
    result.model
      ? `Release **${escapeMarkdown(result.model.release.tag ?? 'untagged')}** in **${escapeMarkdown(result.model.environment)}**, ${result.model.services.length} service(s)`
      : 'The input could not be read',
    failed.length ? `${failed.reduce((n, c) => n + (c.count ?? 1), 0)} failed check(s)` : '',
    breached.length ? `SLO breached: ${breached.map((s) => escapeMarkdown(s.slo)).join(', ')}` : ''
  ].filter(Boolean)
  return [verdict, '', `${facts.join(' · ')}.`].join('\n')
}

export function gateTable(result: RunResult): string {
  return mdTable(
    ['Gate', 'Status', 'First reason'],
    result.gates.map((g) => {
      const all = [...g.reasons, ...g.errors.map((e) => `backend error: ${e}`)]
      const first = all[0]
        ? `${all[0].length > 240 ? `${all[0].slice(0, 239)}…` : all[0]}${all.length > 1 ? ` (+${all.length - 1} more)` : ''}`
        : g.status === 'pass'
          ? 'all checks pass'
          : 'a check failed'
      return [`${g.id}. ${g.name}`, `${icon(g.status)} ${g.status.toUpperCase()}`, first]
    })
  )
}

/**
 * The job summary. The first screen says what failed and what to do (one line per failed check,
 * most important first, with the deciding value, a hint and links), then the gates with their
 * first reason, the SLOs and coverage as charts; everything else is folded. Every value from
 * evidence, config or an API is escaped. Under the runner's limit, what is cut is never a failure:
 * the failures come first and the folded parts go first.
 */
export function renderSummary(result: RunResult, links: ReportLinks = {}): string {
  const failed = failedChecks(result, links)
  const parts: Array<{ text: string; drop: number }> = []
  const add = (text: string, drop = 0): void => {
    if (text) parts.push({ text, drop })
  }

  add(headline(result, failed))
  const where = [
    links.runUrl ? mdLink('Run', links.runUrl) : '',
    links.packageUrl
      ? `Evidence package: ${mdLink(links.packageName ?? 'monitoring-package', links.packageUrl)}`
      : `Evidence package: ${inlineCode(result.packageDir)}`
  ].filter(Boolean)
  if (failed.length) {
    const shown = failed.slice(0, FAILED_SHOWN)
    add(
      [
        '### What failed and what to do',
        '',
        ...shown.map((c, i) => `${i + 1}. ❌ ${failedLine(c)}`),
        failed.length > shown.length
          ? `\n_${failed.length - shown.length} more failed check(s) in gate-results.json and instrumentation-audit.json._`
          : ''
      ].join('\n')
    )
  }
  add(
    [
      '### Gates',
      '',
      gateTable(result),
      where.join(' · '),
      result.runStats ? `\n${escapeMarkdown(runStatsLine(result.runStats))} (run-stats.json)` : ''
    ]
      .filter(Boolean)
      .join('\n')
  )

  const slos = result.slos ?? []
  if (slos.length) {
    add(['### SLOs', '', figureMarkdown(sloAttainmentFigure(slos)), '', figureMarkdown(errorBudgetFigure(slos))].join('\n'))
  }
  const coverage = coverageFigure(result.audit)
  if (coverage.table) add(['### Coverage per signal', '', figureMarkdown(coverage)].join('\n'))

  // ---- Folded: passing gates, the full detail of failing ones, matrix, baseline, alerts, backlog.
  const passing = result.gates.filter((g) => g.status === 'pass')
  const failing = result.gates.filter((g) => g.status === 'fail')
  if (failing.length) add(details(`Failing gates: every check and reason (${failing.length})`, failing.map(gateSection).join('\n')), 3)
  if (passing.length)
    add(
      details(`Passing gates (${passing.length}): ${passing.map((g) => `gate ${g.id}`).join(', ')}`, passing.map(gateSection).join('\n')),
      4
    )

  const services = result.audit?.services ?? []
  const matrixRows = [...services]
    .sort((a, b) => Number(a.status === 'covered') - Number(b.status === 'covered') || Number(b.critical) - Number(a.critical))
    .map((s) => [
      `${s.service_name}${s.critical ? ' (critical)' : ''}${s.new ? ' (new)' : ''}`,
      s.status,
      signalCell(s.metrics),
      signalCell(s.logs),
      signalCell(s.traces),
      signalCell(s.synthetics)
    ])
  const matrix = (rows: typeof matrixRows): string =>
    services.length
      ? details(
          `Coverage matrix (${services.length} service(s), ${services.filter((s) => s.status !== 'covered').length} not covered)`,
          [
            mdTable(['Service', 'Status', 'Metrics', 'Logs', 'Traces', 'Synthetic'], rows),
            rows.length < services.length
              ? `_${services.length - rows.length} row(s) left out to fit the summary limit; the full matrix is in instrumentation-audit.json._`
              : ''
          ].join('\n')
        )
      : ''
  const matrixIndex = parts.length
  add(matrix(matrixRows), 2)

  const base = result.baseline
  if (base) {
    const cmp = base.previous?.comparisons ?? []
    const now = base.services.flatMap((s) =>
      s.metrics.map((m) => [
        s.service,
        m.metric,
        m.value === null ? 'n/a' : String(Math.round(m.value * 10000) / 10000),
        m.unit ?? '',
        m.verdict
      ])
    )
    add(
      details(
        `Baseline${cmp.length ? ' against the previous release' : ''} (${base.window})`,
        [
          base.not_verified_reason ? `Not verified: ${escapeMarkdown(base.not_verified_reason)}` : '',
          cmp.length
            ? `Compared with ${escapeMarkdown(base.previous!.source)}${base.previous!.captured_at ? ` (captured ${escapeMarkdown(base.previous!.captured_at)})` : ''}:\n\n${figureMarkdown(baselineFigure(cmp))}`
            : 'No previous release to compare with.',
          now.length ? mdTable(['Service', 'Metric', 'Value', 'Unit', 'Verdict'], now.slice(0, 500)) : '',
          base.claims.length
            ? mdTable(
                ['Claim source', 'Metric', 'Claimed', 'Observed', 'Verdict'],
                base.claims
                  .slice(0, 200)
                  .map((c) => [c.source, c.metric, String(c.claimed), c.observed === null ? 'n/a' : String(c.observed), c.verdict])
              )
            : ''
        ]
          .filter(Boolean)
          .join('\n\n')
      ),
      5
    )
  }
  if (result.alertTests?.tests.length) {
    add(
      details(
        `Alert path tests (${result.alertTests.tests.length} route(s))`,
        mdTable(
          ['Route', 'Expected receiver', 'Actual', 'Delivered', 'Acknowledged (s)', 'SLA met', 'Status'],
          result.alertTests.tests.map((t) => [
            t.route,
            t.expected_receiver,
            t.actual_receivers.join(', '),
            t.delivered_at,
            t.acknowledgement_time_seconds,
            t.sla_met ? 'yes' : 'no',
            t.status
          ])
        )
      ),
      6
    )
  }
  if (result.issues || result.backlog.length)
    add(details(`Improvement backlog (${result.backlog.length} item(s), highest priority first)`, backlogSection(result, links)), 7)
  if (result.errors.length && result.model)
    add(['**Errors**', '', ...result.errors.slice(0, 50).map((e) => `- ${escapeMarkdown(e)}`)].join('\n'), 1)

  const join = (): string => parts.map((p) => p.text).join('\n\n') + '\n'
  let text = join()
  if (Buffer.byteLength(text) <= SUMMARY_LIMIT_BYTES) return text

  // Too big: first shorten the matrix to its not-covered rows, halving until it fits...
  let rows = matrixRows.filter((r) => r[1] !== 'covered').slice(0, 2000)
  parts[matrixIndex] = { text: matrix(rows), drop: 2 }
  text = join()
  while (Buffer.byteLength(text) > SUMMARY_LIMIT_BYTES && rows.length > 0) {
    rows = rows.slice(0, Math.floor(rows.length / 2))
    parts[matrixIndex] = { text: matrix(rows), drop: 2 }
    text = join()
  }
  // ...then drop folded sections, the least useful first. The failures are never among them.
  for (const level of [7, 6, 5, 4, 3, 2, 1]) {
    if (Buffer.byteLength(text) <= SUMMARY_LIMIT_BYTES) break
    for (const p of parts)
      if (p.drop === level)
        p.text = `_${level === 2 ? 'Coverage matrix' : 'A folded section'} left out to fit the summary limit; see the evidence package._`
    text = join()
  }
  if (Buffer.byteLength(text) > SUMMARY_LIMIT_BYTES) {
    const cut = text.slice(0, SUMMARY_LIMIT_BYTES - 300)
    text = `${cut.slice(0, cut.lastIndexOf('\n'))}\n\n_Summary cut to fit the limit; see gate-results.json._\n`
  }
  return text
}

/** The backlog items, highest priority first, with the issue each is tracked in. */
function backlogSection(result: RunResult, links: ReportLinks): string {
  const issues = result.issues
  const head = issues
    ? [
        `Issues opened ${issues.opened.length}, updated ${issues.updated.length}, closed ${issues.closed.length}, reopened ${issues.reopened.length}.`,
        issues.heldBack.length
          ? `${issues.heldBack.length} new item(s) held back by github.max-new-issues: ${issues.heldBack.map((b) => escapeMarkdown(b.title)).join('; ')}`
          : '',
        issues.file ? `Not filed (no token): written to ${inlineCode(issues.file)}.` : '',
        ...issues.errors.map((e) => `- ${escapeMarkdown(e)}`)
      ]
        .filter(Boolean)
        .join('\n\n')
    : ''
  if (result.backlog.length === 0) return head || '_No items._'
  const numbers = issues?.numbers ?? new Map<string, number>()
  const sorted = [...result.backlog].sort(byPriority)
  const shown = sorted.slice(0, 100)
  return [
    head,
    mdTable(
      ['Priority', 'Item', 'Issue'],
      shown.map((b) => {
        const n = numbers.get(b.fingerprint)
        const l = issueLink(links, n)
        return [b.priority, b.title, n === undefined ? 'not filed' : { md: l ? mdLink(`#${n}`, l.url) : `#${n}` }]
      })
    ),
    sorted.length > shown.length ? `_${sorted.length - shown.length} more in improvement-backlog.md._` : ''
  ]
    .filter(Boolean)
    .join('\n\n')
}

export interface TerminalStyle {
  red(s: string): string
  green(s: string): string
  yellow(s: string): string
  bold(s: string): string
  dim(s: string): string
}

const PLAIN: TerminalStyle = { red: (s) => s, green: (s) => s, yellow: (s) => s, bold: (s) => s, dim: (s) => s }

/** The same result as terminal text: what failed and what to do first, then gates and coverage. */
export function renderTerminal(result: RunResult, style: TerminalStyle = PLAIN): string {
  const lines: string[] = []
  const failed = failedChecks(result)
  lines.push(
    result.status === 'pass' ? style.green(style.bold('Monitoring is in place.')) : style.red(style.bold('Monitoring is NOT in place.'))
  )
  if (result.model)
    lines.push(
      `Release ${result.model.release.tag ?? 'untagged'} in ${result.model.environment}: ${result.model.services.length} service(s)`
    )
  if (failed.length) {
    lines.push('', style.bold('What failed and what to do:'))
    for (const c of failed.slice(0, 20)) {
      const who = [c.service, c.subject].filter(Boolean).join(' / ')
      const grouped =
        c.count && c.count > 1
          ? ` (${c.count} checks: ${c.members!.slice(0, 5).join(', ')}${c.count > 5 ? `, +${c.count - 5} more` : ''})`
          : ''
      const value = c.value !== undefined ? ` [value ${c.value}${c.threshold ? `, needs ${c.threshold}` : ''}]` : ''
      lines.push(`  ${style.red('x')} ${style.bold(who)}: ${c.cause}${grouped}${value}`)
      lines.push(`      ${style.dim('do:')} ${c.hint}`)
    }
    if (failed.length > 20) lines.push(`  ... ${failed.length - 20} more in gate-results.json`)
  }
  lines.push('')
  // A gate whose failures are listed above points at them instead of saying them again.
  const listed = new Map<number, number>()
  for (const c of failed.slice(0, 20)) if (c.gate) listed.set(c.gate, (listed.get(c.gate) ?? 0) + 1)
  for (const g of result.gates) {
    const all = [...g.reasons, ...g.errors.map((e) => `backend error: ${e}`)]
    const mark = g.status === 'pass' ? style.green('PASS') : style.red('FAIL')
    const why = listed.get(g.id)
      ? ` - ${listed.get(g.id)} failed check(s) above`
      : all.length
        ? ` - ${all[0]}${all.length > 1 ? ` (+${all.length - 1} more)` : ''}`
        : ''
    lines.push(`Gate ${g.id} ${g.name}: ${mark}${g.status === 'pass' ? '' : why}`)
    for (const c of g.checks)
      lines.push(
        `    ${(c.status === 'pass' ? style.green : style.red)(c.status.padEnd(5))} ${c.name}: ${c.value} (threshold ${c.threshold})`
      )
  }
  const services = result.audit?.services ?? []
  if (services.length) {
    lines.push('', 'Coverage (metrics logs traces synthetic):')
    const mark = (s: SignalCoverage): string =>
      s.verified ? 'ok' : s.verdict === 'error' ? 'ERR' : s.mapped ? s.verdict.toUpperCase() : '--'
    const paint = (m: string): string =>
      m === 'ok' ? style.green(m.padEnd(13)) : m === 'ERR' ? style.yellow(m.padEnd(13)) : style.red(m.padEnd(13))
    const width = Math.min(40, Math.max(...services.map((s) => s.service_name.length)))
    for (const s of services.slice(0, 200)) {
      lines.push(
        `  ${s.service_name.padEnd(width)} ${[s.metrics, s.logs, s.traces, s.synthetics].map(mark).map(paint).join(' ')}${s.critical ? ' critical' : ''}`
      )
    }
    if (services.length > 200) lines.push(`  ... ${services.length - 200} more in instrumentation-audit.json`)
  }
  if (result.runStats) lines.push('', runStatsLine(result.runStats))
  lines.push('', `Package: ${result.packageDir}`)
  return lines.join('\n')
}
