// A generated fleet for the benchmark: the example workspace (examples/) grown to n services,
// a number of SLOs and four burn-rate alerts per SLO (half of the SLOs over Sloth-style recording
// rules, as Sloth writes them), an absent-telemetry alert per critical service, a dashboard panel
// per critical service and Protocol 11 evidence listing every service. The services are
// svc-0001..svc-<n>, the names `demo-exporter.mjs --count n` serves (4 digits from 1,000 on).
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import YAML from 'yaml'
import { rewritePorts } from './ports.mjs'

const examples = resolve(import.meta.dirname, '..', '..', 'examples')
const WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d']

export const fleetServiceName = (i, n) => `svc-${String(i).padStart(Math.max(3, String(n).length), '0')}`
export const isCriticalService = (i) => i === 1 || i === 2 || i % 50 === 0

/** The example's three services renamed to the fleet's first three, in every text file under dir. */
function renameExample(dir, n) {
  const s = (i) => fleetServiceName(i, n)
  const camel = (i) => s(i).replace(/^svc-/, 'Svc')
  const renames = [
    [/\bcheckout\b/g, s(1)],
    [/\bpayments\b/g, s(2)],
    [/\bcatalog\b/g, s(3)],
    [/\bCheckout/g, camel(1)],
    [/\bPayments/g, camel(2)],
    [/\bCatalog/g, camel(3)]
  ]
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else if (/\.(ya?ml|json|md)$/.test(name)) {
        let text = readFileSync(p, 'utf8')
        for (const [re, to] of renames) text = text.replace(re, to)
        writeFileSync(p, text)
      }
    }
  }
  walk(dir)
}

/** SLO k (0-based) of a fleet of n services: one per service, then round again with a suffix. */
function slo(k, n) {
  const i = (k % n) + 1
  const service = fleetServiceName(i, n)
  const round = Math.floor(k / n)
  return { name: round ? `${service}-availability-${round}` : `${service}-availability`, service, sloth: k % 2 === 0 }
}

/** The rule file: 4 burn-rate alerts per SLO (Sloth-style recording rules for every other SLO) and an absent alert per critical service. */
export function fleetRules(n, sloCount) {
  const groups = []
  let alerts = 0
  let records = 0
  for (let k = 0; k < sloCount; k++) {
    const { name, service, sloth } = slo(k, n)
    const ratio = (w) =>
      `sum(rate(http_requests_total{service="${service}",code=~"5.."}[${w}])) / sum(rate(http_requests_total{service="${service}"}[${w}]))`
    const cond = (long, short, f) =>
      sloth
        ? `(max(slo:sli_error:ratio_rate${long}{sloth_id="${name}", sloth_service="${service}"} > (${f} * 0.0009999999999999432)) without (sloth_window) and max(slo:sli_error:ratio_rate${short}{sloth_id="${name}", sloth_service="${service}"} > (${f} * 0.0009999999999999432)) without (sloth_window))`
        : `(${ratio(long)} > ${f} * (1 - 0.999) and ${ratio(short)} > ${f} * (1 - 0.999))`
    const rules = []
    if (sloth) {
      for (const w of WINDOWS) {
        records++
        rules.push(
          `      - record: slo:sli_error:ratio_rate${w}\n        expr: ${JSON.stringify(ratio(w))}\n        labels: { sloth_id: ${name}, sloth_service: ${service}, sloth_slo: availability, sloth_window: ${w} }`
        )
      }
    }
    const camel = name.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase())
    const alert = (suffix, expr, severity) => {
      alerts++
      return `      - alert: ${camel}${suffix}\n        expr: ${JSON.stringify(expr)}\n        labels: { severity: ${severity}, service: ${service} }\n        annotations: { summary: ${JSON.stringify(`${name}: error budget burn`)} }`
    }
    rules.push(alert('PageFast', cond('1h', '5m', 14.4), 'page'))
    rules.push(alert('PageSlow', cond('6h', '30m', 6), 'page'))
    rules.push(alert('TicketFast', cond('1d', '2h', 3), 'ticket'))
    rules.push(alert('Ticket', cond('3d', '6h', 1), 'ticket'))
    groups.push(`  - name: slo-${name}\n    rules:\n${rules.join('\n')}`)
  }
  const absent = []
  for (let i = 1; i <= n; i++) {
    if (!isCriticalService(i)) continue
    const service = fleetServiceName(i, n)
    alerts++
    absent.push(
      `      - alert: ${service.replace(/^svc-/, 'Svc')}TelemetryAbsent\n        expr: absent(http_requests_total{service="${service}"})\n        for: 10m\n        labels: { severity: page, service: ${service} }\n        annotations: { summary: '${service}: no telemetry for 10 minutes' }`
    )
  }
  if (absent.length) groups.push(`  - name: fleet-telemetry-absent\n    rules:\n${absent.join('\n')}`)
  return { text: `groups:\n${groups.join('\n')}\n`, alerts, records }
}

/**
 * Protocol 11 evidence for services svc-001..svc-<n>: the three files the evidence parsers read.
 * fleetSize sets the names' padding, so the first n services of a larger fleet keep their names.
 */
export function fleetEvidence(n, exporterPort, { fleetSize = n, now = new Date() } = {}) {
  const s = (i) => fleetServiceName(i, fleetSize)
  const release = { tag: 'v3.0.0', commit: '8d1e4f0a9b2c3d5e6f708192a3b4c5d6e7f80913', deployment_type: 'rolling' }
  const services = Array.from({ length: n }, (_, k) => ({
    name: s(k + 1),
    critical: isCriticalService(k + 1),
    new: k + 1 === 2,
    endpoints: [`http://127.0.0.1:${exporterPort}/healthz?service=${s(k + 1)}`],
    health: 'healthy'
  }))
  const validation = {
    validation_date: new Date(now.getTime() - 120_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    status: 'pass',
    validation_success_rate: 99.2,
    environment: 'production',
    release,
    checks: {
      smoke_tests: { status: 'pass', tests_run: 4 * n, tests_passed: 4 * n, tests_failed: 0, duration_seconds: 30 + n * 0.5 },
      health_checks: { status: 'pass', services_checked: n, services_healthy: n, services_unhealthy: 0 },
      service_verifications: { status: 'pass', endpoints_verified: n, endpoints_healthy: n, endpoints_unhealthy: 0 }
    },
    metrics_snapshot: { api_latency_p95: 95, api_latency_p99: 99, error_rate: 0.01, throughput: 10 * n },
    services
  }
  const report = [
    `# Deployment Report: fleet ${release.tag}`,
    '',
    '## Release Summary',
    '',
    `- **Tag**: ${release.tag}`,
    `- **Commit**: \`${release.commit}\``,
    `- **Strategy**: ${release.deployment_type} (25% of hosts at a time)`,
    '- **Environment**: production',
    '- **Deployed by**: release captain, change CHG-3000',
    '',
    '## Services',
    '',
    '| Service | Critical | Change | Endpoints |',
    '|---|---|---|---|',
    ...services.map((x) => `| ${x.name} | ${x.critical ? 'yes' : 'no'} | ${x.new ? 'new' : 'changed'} | ${x.endpoints.join(', ')} |`),
    '',
    '## New Endpoints',
    '',
    ...services.filter((x) => x.new).map((x) => `- ${x.endpoints[0]} (${x.name} health check)`),
    '',
    '## Known Risks',
    '',
    '| Risk | Severity | Component | Mitigation |',
    '|---|---|---|---|',
    `| ${s(2)} is new and has no production load history | High | ${s(2)} | Burn-rate alerts on ${s(2)} availability; feature flag to route back |`,
    `| ${s(1)} retries may double-submit if ${s(2)} times out | Medium | ${s(1)} | Idempotency keys; alert on the duplicate counter |`,
    '',
    '## Timeline',
    '',
    '- 13:58 UTC — Change CHG-3000 approved',
    '- 14:05 UTC — Rollout started (25% of hosts)',
    '- 14:20 UTC — Rollout complete',
    '- 14:40 UTC — Soak window closed, all metrics within SLO',
    '- 14:42 UTC — Post-deployment validation passed (99.2%)',
    ''
  ].join('\n')
  const healthLog = [
    '---',
    `release: ${release.tag}`,
    'environment: production',
    'soak_window: 30 minutes',
    '---',
    '',
    `# Deployment Health Log — fleet ${release.tag}`,
    '',
    `Rolling deploy of ${n} services from 14:05 UTC. Logged by the release captain.`,
    '',
    '## Soak Window',
    '',
    '30 minutes (14:10–14:40 UTC), full traffic.',
    '',
    '## Health Metrics',
    '',
    'Metrics status: within SLO',
    '',
    '| Metric | Value | Threshold | Status |',
    '|---|---|---|---|',
    `| p95 latency (${s(1)}) | 95ms | 300ms | ✅ |`,
    `| p99 latency (${s(1)}) | 99ms | 800ms | ✅ |`,
    '| Error rate (all services) | 1% | 2% | ✅ |',
    `| Throughput | ${10 * n} req/s | — | ✅ |`,
    '',
    '## Anomalies',
    '',
    `- 14:12 UTC — ${s(2)} p99 rose to 780ms for two minutes while connection pools warmed up — Decision: continue soak, watch pool saturation`,
    '',
    '## Escalations',
    '',
    `- 14:13 UTC — paged the ${s(2)} on-call about the p99 rise; acknowledged in 2 minutes (owner: @${s(2)}-oncall)`,
    ''
  ].join('\n')
  return { validation, report, healthLog }
}

/**
 * Writes the fleet workspace into dir (a fresh folder) and returns { rules, alerts, records, slos }.
 * ports: Map(example port -> chosen port) for the Alertmanager and the on-call simulator;
 * backendUrl: the metrics backend (Prometheus or VictoriaMetrics, the same config for both).
 * No synthetic probes: the synthetic signal is a grouped query like the others, so the requests
 * are the protocol's own and do not grow with the services.
 */
export function writeFleetWorkspace(dir, { services: n, slos: sloCount, ports, backendUrl, exporterPort, drill = false }) {
  cpSync(examples, dir, { recursive: true })
  renameExample(dir, n)
  rewritePorts(dir, ports)
  const configFile = join(dir, 'sre-monitoring.yml')
  const doc = YAML.parseDocument(readFileSync(configFile, 'utf8'))
  doc.setIn(['backends', 'prometheus', 'url'], backendUrl)
  // The rules API answers 3,750 rules and the coverage query spans the lookback: on a busy
  // 2-core machine they can take longer than the example's 10 s.
  doc.setIn(['backends', 'prometheus', 'timeout-seconds'], 30)
  doc.set(
    'services',
    doc.createNode(
      Array.from({ length: n }, (_, k) => ({
        name: fleetServiceName(k + 1, n),
        ...(isCriticalService(k + 1) ? { critical: true } : {}),
        ...(k < 2 ? { owner: `${fleetServiceName(k + 1, n)}-oncall` } : {})
      }))
    )
  )
  doc.setIn(
    ['signals', 'synthetic'],
    doc.createNode({ kind: 'promql', backend: 'prometheus', query: 'http_request_duration_seconds_count' })
  )
  doc.set(
    'slos',
    doc.createNode(
      Array.from({ length: sloCount }, (_, k) => {
        const { name, service } = slo(k, n)
        return {
          name,
          service,
          objective: 99.9,
          window: '30d',
          backend: 'prometheus',
          'error-query': `sum(rate(http_requests_total{service="${service}",code=~"5.."}[$window]))`,
          'total-query': `sum(rate(http_requests_total{service="${service}"}[$window]))`,
          // The example's dashboard shows the first two services' availability with this threshold.
          ...(k < 2 ? { 'dashboard-threshold': 99.9 } : {})
        }
      })
    )
  )
  doc.setIn(['alerting', 'rule-files'], doc.createNode(['rules/fleet.yml']))
  // The detection drill runs promtool over days of input per SLO: without drill, promtool is
  // pointed at nothing and the drill reports itself not run (it is not required).
  if (!drill) doc.setIn(['alerting', 'promtool'], join(dir, 'no-promtool'))
  writeFileSync(configFile, doc.toString())

  const rules = fleetRules(n, sloCount)
  writeFileSync(join(dir, 'rules', 'fleet.yml'), rules.text)

  const critical = Array.from({ length: n }, (_, k) => k + 1).filter((i) => i > 3 && isCriticalService(i))
  const dashboardFile = join(dir, 'dashboards', 'shop-overview.json')
  const dashboard = JSON.parse(readFileSync(dashboardFile, 'utf8'))
  const nextId = Math.max(0, ...dashboard.panels.map((x) => x.id ?? 0)) + 1
  dashboard.panels.push(
    ...critical.map((i, k) => ({
      id: nextId + k,
      type: 'timeseries',
      title: `${fleetServiceName(i, n)} request rate (req/s)`,
      gridPos: { h: 6, w: 8, x: (k % 3) * 8, y: 100 + Math.floor(k / 3) * 6 },
      datasource: { type: 'prometheus', uid: 'prometheus' },
      targets: [{ refId: 'A', expr: `sum(rate(http_requests_total{service="${fleetServiceName(i, n)}"}[5m]))` }],
      fieldConfig: { defaults: { unit: 'reqps' }, overrides: [] }
    }))
  )
  writeFileSync(dashboardFile, JSON.stringify(dashboard, null, 2) + '\n')

  const ev = fleetEvidence(n, exporterPort)
  writeFileSync(join(dir, 'evidence', 'post-deployment-validation.json'), JSON.stringify(ev.validation, null, 2) + '\n')
  writeFileSync(join(dir, 'evidence', 'DEPLOYMENT-REPORT.md'), ev.report)
  writeFileSync(join(dir, 'evidence', 'deployment-health-log.md'), ev.healthLog)
  return {
    rulesFile: join(dir, 'rules', 'fleet.yml'),
    alerts: rules.alerts,
    records: rules.records,
    slos: sloCount,
    panels: dashboard.panels.length
  }
}
