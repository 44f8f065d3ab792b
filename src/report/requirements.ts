import type { Evidence } from '../evidence/model.js'
import type { MonitoringModel } from '../model/monitoring-model.js'
import { escapeMarkdown } from '../util/escape.js'
import { fmtNumber, mdList, mdTable } from './table.js'
import { EVIDENCE_INPUTS } from '../artifacts/files.js'

/** `monitoring-requirements.md`: KPIs, SLOs and risky components taken from the deploy evidence. */
export function renderRequirements(model: MonitoringModel, evidence: Evidence, now: Date): string {
  const v = evidence.validation
  const release = [model.release.tag, model.release.commit?.slice(0, 12), model.release.strategy].filter(Boolean).join(' / ')
  return [
    `# Monitoring requirements`,
    '',
    `- Release: ${escapeMarkdown(release || 'not named in the evidence')}`,
    `- Environment: ${escapeMarkdown(model.environment)}`,
    `- Generated: ${now.toISOString()}`,
    `- Deploy validation: ${escapeMarkdown(v.status)} at ${escapeMarkdown(v.validationDate)}, success rate ${fmtNumber(v.successRate * 100, 2)}%`,
    `- Health log: metrics ${escapeMarkdown(evidence.healthLog.metrics_status.replace('_', ' '))}${evidence.healthLog.soak_window ? `, soak window ${escapeMarkdown(evidence.healthLog.soak_window)}` : ''}`,
    '',
    '## Services to observe',
    '',
    mdTable(
      ['Service', 'Critical', 'New', 'Selector', 'Endpoints', 'Named in', 'Risks'],
      model.services.map((s) => [
        s.name,
        s.critical ? 'yes' : 'no',
        s.new ? 'yes' : 'no',
        Object.entries(s.selector)
          .map(([k, val]) => `${k}="${val}"`)
          .join(', '),
        s.endpoints.map((e) => e.url).join(', '),
        s.sources.join(', '),
        s.risks.map((r) => `${r.severity}: ${r.description}`).join('; ')
      ])
    ),
    '## KPIs claimed by the deploy',
    '',
    mdTable(
      ['Metric', 'Value', 'Source'],
      [
        ...Object.entries(v.metricsSnapshot).map(([k, val]) => [k, fmtNumber(val), EVIDENCE_INPUTS.validation]),
        ...evidence.healthLog.metrics.map((m) => [
          m.name,
          `${m.value}${m.threshold ? ` (threshold ${m.threshold})` : ''}`,
          EVIDENCE_INPUTS.healthLog
        ])
      ]
    ),
    '## SLOs',
    '',
    mdTable(
      ['SLO', 'Service', 'Objective', 'Window', 'Good / total'],
      model.slos.map((s) => [
        s.name,
        s.service,
        `${s.objective}%`,
        s.window,
        s['error-query'] ? `errors: ${s['error-query']}` : `${s['good-query'] ?? '-'} / ${s['total-query'] ?? '-'}`
      ])
    ),
    '## Risky components',
    '',
    mdTable(
      ['Severity', 'Component', 'Risk', 'Mitigation'],
      evidence.report.risks.map((r) => [r.severity, r.component, r.description, r.mitigation])
    ),
    '## New endpoints',
    '',
    mdList(evidence.report.new_endpoints),
    '## Anomalies and escalations during the soak',
    '',
    mdTable(
      ['Time', 'Observation', 'Decision'],
      [
        ...evidence.healthLog.anomalies.map((a) => [a.time, a.observation, a.decision]),
        ...evidence.healthLog.escalations.map((e) => [e.time, `escalation: ${e.description}`, e.owner])
      ]
    )
  ].join('\n')
}
