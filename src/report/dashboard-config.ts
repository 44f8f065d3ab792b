import type { DashboardReport, SloAlignment } from '../alerting/types.js'
import { codeBlock, escapeMarkdown as esc, inlineCode, mdLink } from '../util/escape.js'

const fmt = (n: number): string => String(Number(n.toPrecision(6)))

function table(headers: string[], rows: string[][]): string {
  if (rows.length === 0) return '_None._\n'
  const line = (cells: string[]): string => `| ${cells.map((c) => (c === '' ? '-' : c)).join(' | ')} |`
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n') + '\n'
}

const codes = (items: string[]): string => items.map(inlineCode).join('<br>')

/**
 * `dashboard-config.md`: dashboards with links, panels, thresholds and scores; alert rules
 * compared with the SLOs' burn rates. Cells are built here from escaped text, so every value that
 * came from a file or an API is escaped exactly once.
 */
export function renderDashboardConfig(alignment: SloAlignment, dashboards: DashboardReport): string {
  const out: string[] = ['# Dashboard and alert configuration', '']

  out.push('## Dashboards', '')
  out.push(`Checked at ${esc(dashboards.checked_at)}.`)
  if (dashboards.overall_score !== undefined)
    out.push(`Required items present on at least one dashboard: ${fmt(dashboards.overall_score)}%.`)
  if (dashboards.not_verified_reason) out.push('', `**Not verified:** ${esc(dashboards.not_verified_reason)}`)
  out.push('')
  out.push(
    table(
      ['Dashboard', 'Source', 'Score', 'Services shown', 'Services missing', 'Thresholds missing'],
      dashboards.dashboards.map((d) => [
        mdLink(d.dashboard, d.link),
        esc(d.source),
        `${fmt(d.score)}%`,
        esc(d.services_covered.join(', ')),
        esc(d.services_missing.join(', ')),
        esc(d.thresholds_missing.join('; '))
      ])
    )
  )
  if (dashboards.services_without_dashboard.length) {
    out.push(`**Services on no dashboard:** ${dashboards.services_without_dashboard.map(esc).join(', ')}`, '')
  }
  for (const d of dashboards.dashboards) {
    out.push(`### ${esc(d.dashboard)}`, '')
    out.push(
      table(
        ['Panel', 'Queries', 'Thresholds'],
        d.panels.map((p) => [esc(p.title || '(untitled)'), codes(p.queries), esc(p.thresholds.map(fmt).join(', '))])
      )
    )
  }

  out.push('## SLO burn-rate thresholds', '')
  out.push(
    'Multi-window, multi-burn-rate alerts (Google SRE Workbook): the error ratio over both windows must exceed factor x (1 - objective).',
    ''
  )
  out.push(
    table(
      [
        'SLO',
        'Service',
        'Objective',
        'Window',
        'Severity',
        'Long window',
        'Short window',
        'Budget spent',
        'Burn rate',
        'Error-ratio threshold'
      ],
      (alignment.burn_rates ?? []).flatMap((s) =>
        s.alerts.map((a) => [
          esc(s.slo),
          esc(s.service),
          `${fmt(s.objective)}%`,
          esc(s.window),
          a.severity,
          a.longWindow,
          a.shortWindow,
          `${fmt(a.budgetFraction * 100)}%`,
          `${fmt(a.factor)}x`,
          fmt(a.errorRatioThreshold)
        ])
      )
    )
  )

  out.push('## Alert rules against the SLOs', '')
  out.push(
    `Checked at ${esc(alignment.checked_at)}. Rule sources: ${alignment.rule_sources.length ? alignment.rule_sources.map(esc).join(', ') : 'none'}.`
  )
  if (alignment.not_verified_reason) out.push('', `**Not verified:** ${esc(alignment.not_verified_reason)}`)
  out.push('')
  out.push(
    table(
      ['SLO', 'Service', 'Check', 'Status', 'Expected', 'Rule found', 'Threshold factor', 'Reason'],
      alignment.findings.map((f) => [
        esc(f.slo),
        esc(f.service),
        f.kind,
        f.status === 'aligned' ? 'aligned' : `**${f.status}**`,
        esc(f.expected),
        f.found ? `${esc(f.found.rule)} (${esc(f.found.source)})<br>${inlineCode(f.found.expr)}` : '',
        f.found?.factor !== undefined ? `${fmt(f.found.factor)}x` : '',
        esc(f.reason)
      ])
    )
  )
  if (alignment.suggested_rules_file) {
    out.push(`Suggested rules for what is missing or misaligned: ${inlineCode(alignment.suggested_rules_file)}.`)
    const c = alignment.suggested_rules_check
    if (c) out.push('', `${esc(c.tool)}: ${c.ok ? 'passed' : '**failed**'}`, '', codeBlock(c.output || '(no output)', 'text'))
    out.push('')
  }
  return out.join('\n')
}
