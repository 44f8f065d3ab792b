/**
 * Protocol 4's input: quality audit findings about monitoring gaps and compliance requirements
 * (`inputs.quality-audit`), as JSON (schemas/quality-audit.schema.json) or as Markdown with a
 * findings table. They feed the requirements, the instrumentation gaps and the backlog.
 */
import { readFile } from 'node:fs/promises'
import { relative, resolve } from 'node:path'
import { column, parseMarkdown, tablesIn } from '../evidence/markdown.js'
import { fingerprint, type BacklogItem } from '../model/backlog.js'
import { validateAgainst } from '../package/schemas.js'
import type { FindingCategory, FindingSeverity, QualityAuditFile, QualityAuditFinding } from '../artifacts/contracts/quality-audit.js'
import type { Signal } from '../config/schema.js'
import type { InstrumentationAudit } from '../telemetry/types.js'
import { describeValue, InputError, InputErrors } from '../util/errors.js'
import { escapeCell, inlineCode } from '../util/escape.js'
import { SCHEMA_FILES } from '../artifacts/files.js'

/** A finding as read from either form: category and status always set. */
export type QualityFinding = Omit<QualityAuditFinding, 'category' | 'status'> & {
  category: FindingCategory
  status: 'open' | 'resolved'
  /** Line of the finding in a Markdown file. */
  line?: number
}

export interface QualityAudit {
  file: string
  format: 'json' | 'markdown'
  findings: QualityFinding[]
}

const MAX_BYTES = 2 * 1024 * 1024

const SEVERITY: Array<[RegExp, FindingSeverity]> = [
  [/^(critical|blocker|p0|sev ?0|sev ?1)$/, 'critical'],
  [/^(high|major|p1|sev ?2)$/, 'high'],
  [/^(medium|moderate|p2|sev ?3)$/, 'medium'],
  [/^(low|minor|p3|p4|info|informational|sev ?4)$/, 'low']
]

function category(text: string | undefined, signal: Signal | undefined): FindingCategory {
  const t = (text ?? '').toLowerCase()
  if (/instrument|telemetry|metric|log|trac|observab|coverage/.test(t)) return 'instrumentation-gap'
  if (/alert|paging|on-?call/.test(t)) return 'alerting-gap'
  if (/monitor|dashboard/.test(t)) return 'monitoring-gap'
  if (/complian|regulat|policy|audit|requirement/.test(t)) return 'compliance'
  return signal ? 'instrumentation-gap' : 'other'
}

function signalOf(text: string | undefined): Signal | undefined {
  const t = (text ?? '').toLowerCase()
  if (/^metrics?$/.test(t)) return 'metrics'
  if (/^logs?$|^logging$/.test(t)) return 'logs'
  if (/^traces?$|^tracing$/.test(t)) return 'traces'
  if (/^synthetics?$|^probes?$|^synthetic checks?$/.test(t)) return 'synthetic'
  return undefined
}

/** Read and check the findings file; bad input is refused with the file, field and line. */
export async function loadQualityAudit(path: string, workspace: string): Promise<QualityAudit> {
  const abs = resolve(workspace, path)
  const rel = relative(workspace, abs)
  if (rel.startsWith('..') || resolve(rel) === rel) {
    throw new InputErrors([
      new InputError({ file: path, field: 'inputs.quality-audit', expected: 'a path inside the workspace', found: 'a path outside it' })
    ])
  }
  let text: string
  try {
    const buf = await readFile(abs)
    if (buf.length > MAX_BYTES)
      throw new InputErrors([new InputError({ file: path, expected: `at most ${MAX_BYTES} bytes`, found: `${buf.length} bytes` })])
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf)
  } catch (err) {
    if (err instanceof InputErrors) throw err
    const e = err as NodeJS.ErrnoException
    const found =
      e.code === 'ENOENT'
        ? 'no such file'
        : e.code === 'EISDIR'
          ? 'a folder'
          : e instanceof TypeError
            ? 'bytes that are not UTF-8'
            : (e.code ?? e.message)
    throw new InputErrors([
      new InputError({
        file: path,
        field: 'inputs.quality-audit',
        expected: 'a readable UTF-8 JSON or Markdown file of Protocol 4 findings',
        found
      })
    ])
  }
  return /\.json$/i.test(path) ? fromJson(text, path) : fromMarkdown(text, path)
}

function fromJson(text: string, file: string): QualityAudit {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    throw new InputErrors([
      new InputError({ file, expected: 'JSON (schemas/quality-audit.schema.json)', found: `invalid JSON (${(err as Error).message})` })
    ])
  }
  const check = validateAgainst(SCHEMA_FILES.qualityAudit, data)
  if (!check.valid) {
    throw new InputErrors(
      check.errors
        .slice(0, 10)
        .map((e) => new InputError({ file, expected: 'findings as schemas/quality-audit.schema.json describes', found: e }))
    )
  }
  const findings = (data as QualityAuditFile).findings
  return {
    file,
    format: 'json',
    findings: findings.map((f) => ({ ...f, category: f.category ?? category(f.title, f.signal), status: f.status ?? 'open' }))
  }
}

function fromMarkdown(text: string, file: string): QualityAudit {
  const doc = parseMarkdown(text, file, () => undefined)
  // A section's nodes may repeat the preamble's (the title's section): each table once.
  const nodes = [...new Set([...doc.preamble, ...doc.sections.flatMap((s) => s.nodes)])]
  const errors: InputError[] = []
  const findings: QualityFinding[] = []
  let tables = 0
  for (const t of tablesIn(nodes)) {
    const title = column(t.headers, [/^(finding|title|issue|gap|description)/])
    const severity = column(t.headers, [/^(severity|priority|risk)/])
    if (title === undefined || severity === undefined) continue
    tables++
    const id = column(t.headers, [/^(id|ref|reference|finding id|#)$/], [title])
    const cat = column(t.headers, [/^(category|type|area|kind)/])
    const service = column(t.headers, [/^(service|component|system)/])
    const signal = column(t.headers, [/^(signal|telemetry)/])
    const requirement = column(t.headers, [/^(requirement|recommendation|remediation|action|fix)/])
    const status = column(t.headers, [/^(status|state)/])
    t.rows.forEach((r, i) => {
      const cell = (c: number | undefined): string | undefined => (c === undefined ? undefined : r.cells[c]?.trim() || undefined)
      const sev = (cell(severity) ?? '').toLowerCase()
      const mapped = SEVERITY.find(([re]) => re.test(sev))?.[1]
      if (!mapped) {
        errors.push(
          new InputError({
            file,
            line: r.line,
            field: `findings table, row ${i + 1}, column ${t.headers[severity]}`,
            expected: 'critical, high, medium or low',
            found: describeValue(cell(severity) ?? '')
          })
        )
        return
      }
      const st = (cell(status) ?? 'open').toLowerCase()
      const sig = signalOf(cell(signal))
      findings.push({
        id: cell(id) ?? `row-${r.line ?? i + 1}`,
        title: cell(title) ?? '',
        severity: mapped,
        category: category(cell(cat) ?? cell(title), sig),
        ...(cell(service) ? { service: cell(service) } : {}),
        ...(sig ? { signal: sig } : {}),
        ...(cell(requirement) ? { requirement: cell(requirement) } : {}),
        status: /^(resolved|closed|done|fixed)$/.test(st) ? 'resolved' : 'open',
        ...(r.line !== undefined ? { line: r.line } : {})
      })
    })
  }
  if (tables === 0)
    errors.push(
      new InputError({
        file,
        expected: 'a Markdown table of findings with a Finding (or Title) and a Severity column',
        found: 'no such table'
      })
    )
  if (errors.length) throw new InputErrors(errors.slice(0, 10))
  return { file, format: 'markdown', findings }
}

/**
 * Each open finding checked against the live audit: a gap finding that names a service and a
 * signal the live audit verified is resolved by it; every other open finding stands.
 */
export function reconcileFindings(
  qa: QualityAudit,
  audit: InstrumentationAudit
): Array<QualityFinding & { live: 'verified' | 'not verified' | 'not checked' }> {
  return qa.findings.map((f) => {
    if (!f.service || !f.signal) return { ...f, live: 'not checked' as const }
    const svc = audit.services.find((s) => s.service_name === f.service)
    const key = f.signal === 'synthetic' ? ('synthetics' as const) : f.signal
    return { ...f, live: svc?.[key].verified ? ('verified' as const) : ('not verified' as const) }
  })
}

/** The findings that still stand after the live check. */
export function openFindings(qa: QualityAudit | undefined, audit: InstrumentationAudit): Array<QualityFinding & { live: string }> {
  if (!qa) return []
  return reconcileFindings(qa, audit).filter((f) => f.status === 'open' && !(f.category === 'instrumentation-gap' && f.live === 'verified'))
}

/** Gate 1's criterion "no high-risk gaps remain": an open critical or high instrumentation gap. */
export const isHighRiskGap = (f: QualityFinding): boolean =>
  f.category === 'instrumentation-gap' && (f.severity === 'critical' || f.severity === 'high')

const PRIORITY: Record<FindingSeverity, BacklogItem['priority']> = { critical: 'high', high: 'high', medium: 'medium', low: 'low' }

export function qualityBacklog(qa: QualityAudit | undefined, audit: InstrumentationAudit): BacklogItem[] {
  return openFindings(qa, audit).map((f) => ({
    fingerprint: fingerprint('quality-audit', f.id),
    kind: 'quality_finding',
    ...(f.service ? { service: f.service } : {}),
    priority: PRIORITY[f.severity],
    ...(isHighRiskGap(f) ? { gate: 1 as const } : {}),
    title: `Protocol 4 finding ${f.id}: ${f.title}`,
    summary: `The quality audit (${qa!.file}) found: ${f.title}${f.requirement ? `. Required: ${f.requirement}` : ''}.`,
    evidence: [
      { label: 'finding', value: f.id },
      { label: 'severity', value: f.severity },
      { label: 'category', value: f.category },
      ...(f.service ? [{ label: 'service', value: f.service }] : []),
      ...(f.signal ? [{ label: 'signal', value: `${f.signal} (live check: ${f.live})` }] : []),
      { label: 'source', value: `${qa!.file}${f.line ? `:${f.line}` : ''}` }
    ]
  }))
}

/** The section monitoring-requirements.md gets from the quality audit. */
export function renderQualityRequirements(qa: QualityAudit): string {
  const cell = (s: string | undefined): string => (s ? escapeCell(s) : '-')
  const rows = qa.findings.map(
    (f) =>
      `| ${cell(f.id)} | ${f.severity} | ${f.category} | ${cell(f.service)} | ${cell(f.signal)} | ${cell(f.requirement ?? f.title)} | ${f.status} |`
  )
  return [
    '',
    '## Quality audit findings (Protocol 4)',
    '',
    `From ${inlineCode(qa.file)} (${qa.format}): ${qa.findings.length} finding(s), ${qa.findings.filter((f) => f.status === 'open').length} open.`,
    '',
    '| Finding | Severity | Category | Service | Signal | Requirement | Status |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    ''
  ].join('\n')
}
