import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, relative, resolve, sep } from 'node:path'
import type { AlertTestResults, DashboardReport, SloAlignment } from '../alerting/types.js'
import type { Risk } from '../evidence/model.js'
import type { RunContext } from '../model/monitoring-model.js'
import { escapeMarkdown as esc, inlineCode, mdLink } from '../report/escape.js'
import { InputError } from '../util/errors.js'
import { redact } from '../util/redact.js'

/** What the run learned that belongs in the runbook. */
export interface RunbookSection {
  alignment: SloAlignment
  dashboards: DashboardReport
  alertTests?: AlertTestResults
  onCallOwner?: string
}

/** Everything the runbook section shows, already resolved from the run. */
export interface RunbookContent {
  release: string
  generatedAt: string
  environment: string
  services: Array<{ name: string; critical: boolean; new: boolean; owner?: string }>
  alerts: Array<{ name: string; severity?: string; expr: string; source: string; service: string }>
  slos: Array<{ slo: string; service: string; objective: number; window: string }>
  dashboards: Array<{ title: string; link?: string; score: number }>
  risks: Risk[]
  owner?: string
  channels: { slack?: string; pagerduty?: string; email?: string }
  routes: Array<{ name: string; receiver: string; lastTest?: string }>
  ackSlaSeconds: number
}

export const RUNBOOK_END = '<!-- sre-monitoring:end -->'

/** Marker-safe release name (HTML comments must not contain `--` or `>`). */
export function releaseId(release: string): string {
  return release.replace(/[^A-Za-z0-9._/+@-]+/g, '-').replace(/-{2,}/g, '-') || 'unnamed'
}

export const runbookBegin = (release: string): string => `<!-- sre-monitoring:begin release=${releaseId(release)} -->`

/** The section for one release, between its markers, with `\n` line ends. */
export function renderRunbookSection(c: RunbookContent): string {
  const out: string[] = [runbookBegin(c.release), `## Release ${esc(c.release)} (${esc(c.environment)})`, '']
  out.push(`_Written by sre-monitoring on ${esc(c.generatedAt)}; this section is replaced on the next run for this release._`, '')

  out.push('### Detection signals', '')
  if (c.alerts.length) {
    out.push('Alerts:', '')
    for (const a of c.alerts) out.push(`- **${esc(a.name)}** (${esc(a.severity ?? 'no severity')}, ${esc(a.service)}, from ${esc(a.source)}): ${inlineCode(a.expr)}`)
  } else out.push('- No alert rule was found for these services: see dashboard-config.md and suggested-alert-rules.yml.')
  out.push('')
  if (c.slos.length) {
    out.push('SLOs:', '')
    for (const s of c.slos) out.push(`- ${esc(s.slo)} (${esc(s.service)}): ${s.objective}% over ${esc(s.window)}`)
    out.push('')
  }
  out.push('Dashboards:', '')
  if (c.dashboards.length) for (const d of c.dashboards) out.push(`- ${mdLink(d.title, d.link)}${d.link && !/^https?:/i.test(d.link) ? ` (${inlineCode(d.link)})` : ''} - score ${d.score}%`)
  else out.push('- None found.')
  out.push('')

  out.push('### Mitigation', '')
  if (c.risks.length) {
    for (const r of c.risks) {
      const where = r.component ? ` (${esc(r.component)})` : ''
      out.push(`- **${esc(r.severity)}**${where}: ${esc(r.description)}`)
      out.push(`  - Mitigation: ${r.mitigation ? esc(r.mitigation) : 'none given in the deployment report; decide one before the next release.'}`)
    }
  } else out.push('- The deployment report names no risks for this release.')
  out.push('')

  out.push('### Contact rotation', '')
  out.push(`- On-call owner: ${c.owner ? esc(c.owner) : 'not recorded'}`)
  const channels = Object.entries(c.channels).filter(([, v]) => v)
  out.push(`- Channels: ${channels.length ? channels.map(([k, v]) => `${k} ${esc(v!)}`).join(', ') : 'none configured (alerting.notification-channels)'}`)
  out.push(`- Acknowledgement SLA: ${c.ackSlaSeconds} s`)
  for (const r of c.routes) out.push(`- Route ${esc(r.name)} -> receiver ${esc(r.receiver)}${r.lastTest ? ` (last test: ${esc(r.lastTest)})` : ''}`)
  const owners = c.services.filter((s) => s.owner)
  for (const s of owners) out.push(`- ${esc(s.name)}${s.critical ? ' (critical)' : ''}${s.new ? ' (new)' : ''}: ${esc(s.owner!)}`)
  out.push('', RUNBOOK_END)
  return out.join('\n')
}

/** The runbook content for this run. */
export function runbookContent(ctx: RunContext, section: RunbookSection): RunbookContent {
  const release = ctx.model.release.tag ?? ctx.model.release.commit ?? ctx.runId
  const seen = new Set<string>()
  const alerts: RunbookContent['alerts'] = []
  for (const f of section.alignment.findings) {
    if (!f.found || f.status === 'missing') continue
    const key = `${f.found.source}\u0000${f.found.rule}`
    if (seen.has(key)) continue
    seen.add(key)
    alerts.push({ name: f.found.rule, expr: f.found.expr, source: f.found.source, service: f.service, severity: f.kind === 'ticket' ? 'ticket' : f.kind === 'absent' ? undefined : 'page' })
  }
  const tests = new Map((section.alertTests?.tests ?? []).map((t) => [t.route, t]))
  const services = ctx.model.services.map((s) => ({ name: s.name, critical: s.critical, new: s.new, ...(s.owner ? { owner: s.owner } : {}) }))
  const owner = section.onCallOwner ?? ctx.config.assurance.owner
  return {
    release,
    generatedAt: ctx.now().toISOString(),
    environment: ctx.model.environment,
    services,
    alerts,
    slos: (section.alignment.burn_rates ?? []).map((b) => ({ slo: b.slo, service: b.service, objective: b.objective, window: b.window })),
    dashboards: section.dashboards.dashboards.map((d) => ({ title: d.dashboard, score: d.score, ...(d.link ? { link: d.link } : {}) })),
    risks: ctx.evidence.report.risks,
    ...(owner ? { owner } : {}),
    channels: ctx.config.alerting['notification-channels'],
    routes: ctx.config.alerting.routes.map((r) => {
      const t = tests.get(r.name)
      return {
        name: r.name,
        receiver: r['expect-receiver'],
        ...(t ? { lastTest: `${t.status}${t.acknowledgement_time_seconds !== null ? `, acknowledged in ${t.acknowledgement_time_seconds} s` : ''}` } : {})
      }
    }),
    ackSlaSeconds: ctx.config.alerting['ack-sla-seconds']
  }
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Put `block` into `text` between this release's markers: replace the existing section (and drop
 * any duplicate of it) or append one. Everything outside the section is kept byte for byte.
 */
export function spliceRunbook(text: string, block: string, release: string, file: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const body = block.replace(/\n/g, eol)
  const begin = new RegExp(escapeRegex(runbookBegin(release)), 'g')
  const spans: Array<[number, number]> = []
  for (const m of text.matchAll(begin)) {
    const start = m.index ?? 0
    const end = text.indexOf(RUNBOOK_END, start)
    if (end < 0) {
      throw new InputError({ file, expected: `${RUNBOOK_END} after ${runbookBegin(release)}`, found: 'a section that is never closed' })
    }
    if (spans.length && start < spans[spans.length - 1]![1]) continue
    spans.push([start, end + RUNBOOK_END.length])
  }
  if (spans.length === 0) {
    if (text === '') return body + eol
    const sep = text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : eol + eol
    return text + sep + body + eol
  }
  let out = ''
  let pos = 0
  spans.forEach(([start, end], i) => {
    out += text.slice(pos, start)
    if (i === 0) {
      out += body
      pos = end
    } else {
      // A duplicate section goes, with the line end that followed it.
      pos = text.startsWith(eol, end) ? end + eol.length : end
    }
  })
  return out + text.slice(pos)
}

/**
 * Add or replace this release's section in the runbook (`runbook.path`, created with a title
 * when absent). Written only when the content changes.
 */
export async function updateRunbook(ctx: RunContext, section: RunbookSection): Promise<{ path: string; changed: boolean }> {
  const rel = ctx.config.runbook.path
  const root = resolve(ctx.workspace)
  const abs = resolve(root, rel)
  if (abs !== root && !abs.startsWith(root + sep)) {
    throw new InputError({ file: rel, field: 'runbook.path', expected: 'a path inside the repository', found: 'a path outside it' })
  }
  let text: string | undefined
  try {
    text = await readFile(abs, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  const content = runbookContent(ctx, section)
  // The section is the action's text, from backend answers too: it passes the redactor like every file.
  const block = redact(renderRunbookSection(content))
  const next = spliceRunbook(text ?? '# Monitoring runbook\n\n', block, content.release, rel)
  const changed = next !== text
  if (changed) {
    await mkdir(dirname(abs), { recursive: true })
    await writeFile(abs, next)
  }
  return { path: relative(root, abs), changed }
}
