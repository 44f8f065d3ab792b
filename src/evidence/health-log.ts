import { InputError } from '../util/errors.js'
import { checkExtracted, listFromSections, Origins, sectionLabel } from './extracted-check.js'
import {
  collapse,
  column,
  findSections,
  itemsIn,
  keyValuesIn,
  paragraphsIn,
  parseMarkdown,
  saysNone,
  splitTime,
  tablesIn,
  trimSeparators,
  type Item,
  type MarkdownDoc,
  type Section
} from './markdown.js'
import type { Anomaly, DeploymentHealthLog, Escalation, HealthMetricRow } from './model.js'
import { normaliseMetricStatus, normaliseMetricsStatus, parseDurationSeconds, parseMeasure } from './normalise.js'
import { EVIDENCE_INPUTS, SCHEMA_FILES } from '../artifacts/files.js'

export const HEALTH_LOG_FILE = EVIDENCE_INPUTS.healthLog

type HealthSection = 'soak' | 'escalations' | 'anomalies' | 'metrics'

/** Heading wording seen in health logs; order matters ("Observation window" is not anomalies). */
const HEADINGS: Array<[HealthSection, RegExp]> = [
  ['soak', /\b(soak|bake)\b|\b(observation|monitoring|watch|verification) (window|period)\b/],
  ['escalations', /\bescalat|\bpag(ed|es|ing)\b|\bon ?call\b/],
  ['anomalies', /\banomal|\bincidents?\b|\bobservations?\b|\bissues?\b|\bdeviations?\b|\bevents?\b/],
  ['metrics', /\bmetrics?\b|\bslos?\b|\bslis?\b|\bkpis?\b|\bgolden signals?\b|\bhealth\b|\bmeasurements?\b|\btelemetry\b/]
]

function classify(heading: string): HealthSection | undefined {
  return HEADINGS.find(([, re]) => re.test(heading))?.[0]
}

function metricFromCells(name: string, value: string, threshold: string | undefined, statusText: string | undefined): HealthMetricRow {
  const row: HealthMetricRow = { name, value, ...parseMeasure(value) }
  if (threshold && !/^(-|—|–|n\/a|none)$/i.test(threshold.trim())) row.threshold = threshold
  if (statusText) {
    row.status_text = statusText
    const status = normaliseMetricStatus(statusText)
    if (status) row.status = status
  }
  return row
}

const THRESHOLD_IN_PARENS = /\(\s*(?:threshold|slo|target|limit|max(?:imum)?|budget|objective)\b\s*[:=]?\s*([^)]*)\)/i
const THRESHOLD_INLINE =
  /\b(?:threshold|slo|target|limit|budget|objective)\b\s*[:=]?\s*([<>≤≥]?=?\s*[\d.,]+\s*(?:(?!\uFE0F)[^\s,;)✅❌⚠])*)/iu
const STATUS_MARKS = /(✅|❌|⚠️?|🟢|🟡|🔴|✔️?|✗|✘)/gu

/** "- **p95 latency**: 240ms (threshold 300ms) ✅" and plain "- Error rate: 0.2% (SLO < 1%) OK". */
function metricFromItem(item: Item): HealthMetricRow | undefined {
  let name: string | undefined
  let rest: string
  if (item.lead && item.text.startsWith(item.lead)) {
    name = item.lead.replace(/:$/, '')
    rest = trimSeparators(item.text.slice(item.lead.length))
  } else {
    const sep = /^(.+?)\s*(?::|—|–|=|\s-\s)\s*(.+)$/.exec(item.text)
    const bare = /^(.+?)\s+([<>≤≥~]?\d.*)$/.exec(item.text)
    const m = sep ?? bare
    if (!m) return undefined
    name = m[1]!.trim()
    rest = m[2]!.trim()
  }
  if (!name || !rest) return undefined
  const marks = rest.match(STATUS_MARKS) ?? []
  const threshold = (THRESHOLD_IN_PARENS.exec(rest)?.[1] ?? THRESHOLD_INLINE.exec(rest)?.[1])?.trim()
  const valuePart = rest
    .replace(THRESHOLD_IN_PARENS, ' ')
    .replace(STATUS_MARKS, ' ')
    .split(/\s[—–]\s|[(;,]|\s\|\s/)[0]!
    .replace(THRESHOLD_INLINE, ' ')
    .trim()
  // A status sentence ("All metrics within SLO") is not a metric row.
  if (!valuePart || (!/\d/.test(valuePart) && !item.lead)) return undefined
  const statusText =
    marks.length > 0 ? marks.join(' ') : normaliseMetricStatus(rest.replace(valuePart, '')) ? rest.replace(valuePart, '').trim() : undefined
  return metricFromCells(name, valuePart, threshold, statusText ? trimSeparators(statusText) : undefined)
}

function metricsFrom(section: Section<HealthSection>, origins: Origins, rows: HealthMetricRow[]): void {
  const label = sectionLabel(section.heading, section.depth)
  const add = (row: HealthMetricRow, line: number | undefined): void => {
    origins.set(`/metrics/${rows.length}`, { label, line })
    rows.push(row)
  }
  for (const t of tablesIn(section.nodes)) {
    const nameCol = column(t.headers, [/\bmetric\b|\bname\b|\bsignal\b|\bindicator\b|\bsli\b|\bkpi\b|\bcheck\b/]) ?? 0
    const statusCol = column(t.headers, [/\bstatus\b|\bstate\b|\bverdict\b|\bresult\b|\bok\b|\bwithin\b/], [nameCol])
    const thresholdCol = column(
      t.headers,
      [/\bthreshold\b|\bslo\b|\btarget\b|\blimit\b|\bbudget\b|\bobjective\b|\bmax\b|\bexpected\b/],
      [nameCol]
    )
    const taken = [nameCol, statusCol, thresholdCol].filter((c): c is number => c !== undefined)
    const valueCol =
      column(t.headers, [/\bvalue\b|\bobserved\b|\bactual\b|\bcurrent\b|\bmeasured\b|\breading\b|\bp\d+\b|\bavg\b/], taken) ??
      t.headers.findIndex((_, i) => !taken.includes(i))
    for (const r of t.rows) {
      const name = r.cells[nameCol] ?? ''
      const value = valueCol >= 0 ? (r.cells[valueCol] ?? '') : ''
      if (!name && !value) continue
      const statusCell = statusCol !== undefined ? r.cells[statusCol] : undefined
      // Without a status column, a ✅/❌ anywhere in the row still says how it went.
      const statusText = statusCell || (r.cells.join(' ').match(STATUS_MARKS) ?? []).join(' ') || undefined
      add(metricFromCells(name, value, thresholdCol !== undefined ? r.cells[thresholdCol] || undefined : undefined, statusText), r.line)
    }
  }
  for (const item of itemsIn(section.nodes)) {
    const row = metricFromItem(item)
    if (row) add(row, item.line)
  }
}

function statusStatements(
  doc: MarkdownDoc<HealthSection>,
  metrics: Array<Section<HealthSection>>
): DeploymentHealthLog['metrics_status'] | undefined {
  const nodes = [...doc.preamble, ...doc.sections.flatMap((s) => s.nodes)]
  for (const kv of keyValuesIn(nodes)) {
    if (/^(overall_|metrics_|slo_|health_)?(status|result|verdict)$|^slo(_compliance)?$/.test(kv.key)) {
      const s = normaliseMetricsStatus(kv.value)
      if (s) return s
    }
  }
  for (const section of metrics) {
    for (const p of paragraphsIn(section.nodes)) {
      const s = normaliseMetricsStatus(p.text)
      if (s) return s
    }
    for (const item of itemsIn(section.nodes)) {
      if (metricFromItem(item)) continue
      const s = normaliseMetricsStatus(item.text)
      if (s) return s
    }
  }
  return undefined
}

function anomalyFromText(text: string): Anomaly | undefined {
  if (saysNone(text)) return undefined
  const { time, rest } = splitTime(collapse(text))
  const decisionRe = /(?:^|[\s;.,—–(-])(?:decision|action|outcome|resolution|response)\s*[:=]\s*(.+?)\)?$|\s*(?:→|=>|->)\s*(.+)$/is
  const m = decisionRe.exec(rest)
  const observation = trimSeparators((m ? rest.slice(0, m.index) : rest).replace(/\n+/g, ' '))
  const anomaly: Anomaly = { observation: observation || rest }
  if (time) anomaly.time = time
  const decision = (m?.[1] ?? m?.[2])?.trim()
  if (decision) anomaly.decision = decision.replace(/\n+/g, ' ')
  return anomaly
}

function escalationFromText(text: string): Escalation | undefined {
  if (saysNone(text)) return undefined
  const { time, rest } = splitTime(collapse(text))
  const owner =
    /\b(?:owner|assignee)\s*[:=]\s*(@?[\w./-]+)/i.exec(rest)?.[1] ??
    /\b(?:escalated|assigned|handed over) to\s+(@?[\w./-]+)/i.exec(rest)?.[1] ??
    /(?:^|\s)(@[\w-]+(?:\/[\w-]+)?)/.exec(rest)?.[1]
  const escalation: Escalation = { description: trimSeparators(rest.replace(/\n+/g, ' ')) }
  if (time) escalation.time = time
  if (owner) escalation.owner = owner.trim()
  return escalation
}

function anomalyFromRow(cells: string[], headers: string[]): Anomaly | undefined {
  const timeCol = column(headers, [/\btime\b|\bwhen\b|\btimestamp\b|\bat\b/])
  const decisionCol = column(headers, [/\bdecision\b|\baction\b|\boutcome\b|\bresolution\b|\bresponse\b/])
  const taken = [timeCol, decisionCol].filter((c): c is number => c !== undefined)
  const obsCol =
    column(headers, [/\bobservation\b|\banomaly\b|\bdescription\b|\bissue\b|\bwhat\b|\bsymptom\b|\bdetails?\b/], taken) ??
    headers.findIndex((_, i) => !taken.includes(i))
  const observation = cells[obsCol] ?? ''
  if (!observation || saysNone(observation)) return undefined
  const a: Anomaly = { observation }
  if (timeCol !== undefined && cells[timeCol]) a.time = cells[timeCol]
  if (decisionCol !== undefined && cells[decisionCol]) a.decision = cells[decisionCol]
  return a
}

function escalationFromRow(cells: string[], headers: string[]): Escalation | undefined {
  const timeCol = column(headers, [/\btime\b|\bwhen\b|\btimestamp\b|\bat\b/])
  const ownerCol = column(headers, [/\bowner\b|\bassignee\b|\bto\b|\bescalated to\b|\bwho\b|\bon ?call\b/])
  const taken = [timeCol, ownerCol].filter((c): c is number => c !== undefined)
  const descCol =
    column(headers, [/\bdescription\b|\bescalation\b|\breason\b|\bissue\b|\bwhat\b|\bdetails?\b/], taken) ??
    headers.findIndex((_, i) => !taken.includes(i))
  const description = cells[descCol] ?? ''
  if (!description || saysNone(description)) return undefined
  const e: Escalation = { description }
  if (timeCol !== undefined && cells[timeCol]) e.time = cells[timeCol]
  if (ownerCol !== undefined && cells[ownerCol]) e.owner = cells[ownerCol]
  return e
}

function soakFrom(doc: MarkdownDoc<HealthSection>): { text: string; origin: { label: string; line?: number } } | undefined {
  const fm = doc.frontMatter.soak_window ?? doc.frontMatter.soak ?? doc.frontMatter.observation_window
  if (typeof fm === 'string' || typeof fm === 'number') {
    return { text: typeof fm === 'number' ? `${fm} seconds` : fm, origin: { label: 'front matter "soak_window"' } }
  }
  const soak = findSections(doc, 'soak')[0]
  if (soak) {
    const label = sectionLabel(soak.heading, soak.depth)
    const kv = keyValuesIn(soak.nodes).find((k) => /duration|window|period|length|soak/.test(k.key))
    if (kv) return { text: kv.value, origin: { label, line: kv.line } }
    const first = [...paragraphsIn(soak.nodes), ...itemsIn(soak.nodes).map((i) => ({ text: i.text, line: i.line }))][0]
    if (first?.text) return { text: first.text, origin: { label, line: first.line } }
    // The heading itself may say it: "## Soak window: 30 minutes".
    const inHeading = /[:—–-]\s*(.+)$/.exec(soak.heading)?.[1]
    if (inHeading) return { text: inHeading, origin: { label, line: soak.line } }
  }
  const nodes = [...doc.preamble, ...doc.sections.flatMap((s) => s.nodes)]
  const kv = keyValuesIn(nodes).find((k) => /^(soak|bake|observation|monitoring)(_(window|period|time|duration))?$/.test(k.key))
  if (kv) return { text: kv.value, origin: { label: `the line "${kv.key}"`, line: kv.line } }
  return undefined
}

/** Parse `deployment-health-log.md` text. `file` is used in error messages. */
export function parseHealthLog(text: string, file: string): DeploymentHealthLog {
  const doc = parseMarkdown(text, file, classify)
  const origins = new Origins()

  const metricSections = findSections(doc, 'metrics')
  let metrics: HealthMetricRow[] | undefined
  if (metricSections.length > 0) {
    metrics = []
    for (const s of metricSections) metricsFrom(s, origins, metrics)
    origins.set('/metrics', { label: sectionLabel(metricSections[0]!.heading, metricSections[0]!.depth), line: metricSections[0]!.line })
  }

  // Front matter wins for the fields it gives; the rows are the evidence, so one breached row
  // makes the whole status breached whatever a sentence claims.
  const fmStatus = doc.frontMatter.metrics_status ?? doc.frontMatter.slo_status
  let metricsStatus: DeploymentHealthLog['metrics_status'] | undefined
  if (fmStatus !== undefined) {
    metricsStatus = typeof fmStatus === 'string' ? normaliseMetricsStatus(fmStatus) : undefined
    if (metricsStatus === undefined) {
      throw new InputError({
        file,
        field: 'front matter "metrics_status"',
        expected: 'within SLO, breached or unknown',
        found: JSON.stringify(fmStatus)
      })
    }
  } else {
    metricsStatus = statusStatements(doc, metricSections)
  }
  const rows = metrics ?? []
  if (rows.some((r) => r.status === 'breached')) metricsStatus = 'breached'
  else if (metricsStatus === undefined) {
    metricsStatus = rows.length > 0 && rows.every((r) => r.status === 'ok') ? 'within_slo' : 'unknown'
  }

  const extracted: Record<string, unknown> = {
    metrics_status: metricsStatus,
    anomalies: listFromSections(findSections(doc, 'anomalies'), '/anomalies', origins, anomalyFromText, anomalyFromRow),
    escalations: listFromSections(findSections(doc, 'escalations'), '/escalations', origins, escalationFromText, escalationFromRow)
  }
  if (metrics) extracted.metrics = metrics
  const soak = soakFrom(doc)
  if (soak) {
    extracted.soak_window = soak.text
    origins.set('/soak_window', soak.origin)
    origins.set('/soak_window_seconds', soak.origin)
    const seconds = parseDurationSeconds(soak.text)
    if (seconds !== undefined) extracted.soak_window_seconds = seconds
  }

  checkExtracted(
    SCHEMA_FILES.deploymentHealthLog,
    extracted,
    file,
    origins,
    {
      metrics: {
        heading: '## Metrics',
        expected:
          'a metrics section (a heading such as "Metrics", "SLO Metrics" or "Health Metrics") with a table or bullet list of metric values'
      }
    },
    doc.sections.map((s) => s.heading)
  )
  const result: DeploymentHealthLog = {
    metrics_status: metricsStatus,
    metrics: extracted.metrics as HealthMetricRow[],
    anomalies: extracted.anomalies as Anomaly[],
    escalations: extracted.escalations as Escalation[]
  }
  if (extracted.soak_window !== undefined) result.soak_window = extracted.soak_window as string
  if (extracted.soak_window_seconds !== undefined) result.soak_window_seconds = extracted.soak_window_seconds as number
  return result
}
