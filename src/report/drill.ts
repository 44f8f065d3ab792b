import { escapeMarkdown, inlineCode } from '../util/escape.js'
import { mdTable } from './table.js'
import { formatDuration } from '../alerting/slo/promql.js'
import type { DetectionDrill } from '../artifacts/contracts/detection-drill.js'

const dur = (s: number | null): string => (s === null ? '-' : formatDuration(s))

/** The drill's section of alert-tuning-report.md: per SLO and alert, what fired, when, and where. */
export function renderDrillSection(drill: DetectionDrill): string {
  const out = ['', '## Detection drill', '']
  if (drill.status === 'not_run' && drill.targets.length === 0) {
    out.push(`Not run: ${escapeMarkdown(drill.not_run_reason ?? 'unknown')}.`)
    if (drill.install_hint) out.push('', `Install: ${inlineCode(drill.install_hint)}`)
    out.push(
      '',
      `Gate 2 ${drill.required ? 'fails for this (drill.required is true)' : 'does not fail for this (drill.required is false)'}.`
    )
    return out.join('\n') + '\n'
  }
  out.push(
    `The rules in force were fed burns of each SLO's own metrics in ${inlineCode(`promtool test rules`)}${drill.promtool?.version ? ` (${escapeMarkdown(drill.promtool.version)})` : ''}; ` +
      'detection is from the burn start to the first evaluation at which the alert fired. Status: ' +
      `**${drill.status}**. Requests to production: ${drill.requests.alertmanager} (the Alertmanager config); promtool runs: ${drill.requests.promtool_runs}.`,
    ''
  )
  const rows = drill.targets.flatMap((t) =>
    t.scenarios.length
      ? t.scenarios.map((s) => [
          t.slo ?? `${t.service} (absent data)`,
          s.name,
          s.expectation === 'must_fire' ? `must fire ${s.severities.join('/')}` : `must not fire ${s.severities.join('/')}`,
          s.fired ? `yes${s.alert ? ` (${s.alert.alertname})` : ''}` : 'no',
          dur(s.detection_seconds),
          s.routing
            ? `${s.routing.actual_receivers.join(', ') || '-'}${s.routing.expected_receiver ? ` (expected ${s.routing.expected_receiver})` : ''}`
            : '-',
          s.status === 'passed' ? 'passed' : { md: `**${s.status}**: ${escapeMarkdown(s.reason)}` }
        ])
      : [[t.slo ?? `${t.service} (absent data)`, '-', '-', '-', '-', '-', { md: `**${t.status}**: ${escapeMarkdown(t.reason)}` }]]
  )
  out.push(mdTable(['SLO / service', 'burn', 'expectation', 'fired', 'detection', 'receiver', 'result'], rows))
  return out.join('\n') + '\n'
}
