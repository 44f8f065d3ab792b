import { randomBytes } from 'node:crypto'
import type { RunContext } from '../model/monitoring-model.js'
import { createHttpClient } from '../util/http.js'
import { HttpAckSource } from './providers/ack-source.js'
import { AlertmanagerProvider } from './providers/alertmanager/index.js'
import { decideAttempt, errorMessage, newAttempt, routeRecord, SYNTHETIC_ALERT_NAME } from './providers/common.js'
import { GrafanaOnCallProvider } from './providers/grafana-oncall/index.js'
import { OpsgenieProvider } from './providers/opsgenie/index.js'
import { PagerDutyProvider } from './providers/pagerduty/index.js'
import type { AckPolicy, AlertProvider, AlertProviderContext, PlannedAlertTest, RouteConfig } from './providers/types.js'
import { WebhookProvider } from './providers/webhook/index.js'
import type { AlertAttempt, AlertTest, AlertTestResults, ProviderName } from './types.js'

export const VALIDATION_REQUEST = '[VALIDATION REQUEST] - Monitoring instrumentation verified. Approve activation of alert tests? (yes/no)'
export const TRIGGERING_MESSAGE = 'Triggering synthetic alerts to confirm notification pathways...'
export const NOT_APPROVED_REASON = 'alert tests not approved'

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'route'

/**
 * The provider that carries the synthetic alerts: `alerting.provider`, or the first configured of
 * Alertmanager, PagerDuty, Opsgenie, Grafana OnCall, webhook. With Alertmanager,
 * `alerting.webhook.ack-url` is where delivery and acknowledgement are read from.
 */
function providerContext(run: RunContext): AlertProviderContext {
  return { env: run.env, log: run.log, now: run.now, runId: run.runId, http: createHttpClient({ env: run.env, log: run.log }) }
}

export function selectProvider(run: RunContext): AlertProvider | { missing: string } {
  // The providers' config is read here; the providers themselves get only the narrow context.
  const ctx = providerContext(run)
  const cfg = run.config.alerting
  const name =
    cfg.provider ??
    (cfg.alertmanager
      ? 'alertmanager'
      : cfg.pagerduty
        ? 'pagerduty'
        : cfg.opsgenie
          ? 'opsgenie'
          : cfg['grafana-oncall']
            ? 'grafana-oncall'
            : cfg.webhook
              ? 'webhook'
              : undefined)
  if (!name)
    return {
      missing:
        'no alerting provider configured (alerting.alertmanager, alerting.pagerduty, alerting.opsgenie, alerting.grafana-oncall or alerting.webhook)'
    }
  const absent = (key: string): { missing: string } => ({ missing: `alerting.provider is ${name} but alerting.${key} is not configured` })
  try {
    if (name === 'alertmanager') {
      if (!cfg.alertmanager) return absent('alertmanager')
      return new AlertmanagerProvider(ctx, cfg.alertmanager, cfg.webhook ? new HttpAckSource(ctx, cfg.webhook) : undefined)
    }
    if (name === 'pagerduty') return cfg.pagerduty ? new PagerDutyProvider(ctx, cfg.pagerduty) : absent('pagerduty')
    if (name === 'opsgenie') return cfg.opsgenie ? new OpsgenieProvider(ctx, cfg.opsgenie) : absent('opsgenie')
    if (name === 'grafana-oncall')
      return cfg['grafana-oncall'] ? new GrafanaOnCallProvider(ctx, cfg['grafana-oncall']) : absent('grafana-oncall')
    if (!cfg.webhook) return absent('webhook')
    const url = cfg.webhook.url
    if (!url) return { missing: 'alerting.provider is webhook but alerting.webhook.url (where the alert is posted) is not set' }
    return new WebhookProvider(ctx, { ...cfg.webhook, url }, new HttpAckSource(ctx, cfg.webhook))
  } catch (err) {
    return { missing: `the ${name} provider cannot start: ${errorMessage(err)}` }
  }
}

function overall(tests: AlertTest[]): AlertTestResults['overall_status'] {
  if (tests.length === 0 || tests.every((t) => t.status === 'not_run')) return 'not_run'
  if (tests.some((t) => t.status === 'failed')) return 'failed'
  if (tests.some((t) => t.status !== 'passed')) return 'error'
  return 'passed'
}

const compliance = (tests: AlertTest[]): number =>
  tests.length === 0 ? 0 : Math.round((1000 * tests.filter((t) => t.sla_met).length) / tests.length) / 10

/** The labels a synthetic alert carries: the route's (which may set alertname), plus its test id. */
export function alertLabels(route: RouteConfig, testId: string): Record<string, string> {
  return { alertname: SYNTHETIC_ALERT_NAME, ...route.labels, test_id: testId, synthetic: 'true' }
}

export interface AlertTestOptions {
  /**
   * Routes to test in place of `alerting.routes`, e.g. with the exact labels of a fired rule.
   * Each route's `labels` are sent as they are (alertname included), plus test_id and synthetic.
   */
  routes?: RouteConfig[]
}

/** Signals that cancel a run; the alerts out at that moment are cleaned up before the run goes on. */
const CANCEL_SIGNALS = ['SIGTERM', 'SIGINT'] as const

/**
 * Gate 2's evidence: one synthetic alert per route through the real paging path, with three facts
 * each (routed, delivered, acknowledged), a rerun with a fresh test id when an attempt fails, and
 * every alert cleaned up afterwards, also on failure or cancellation. Nothing is sent unless the
 * run approved alert tests.
 */
export async function runAlertTests(ctx: RunContext, opts: AlertTestOptions = {}): Promise<AlertTestResults> {
  const cfg = ctx.config.alerting
  const routes = opts.routes ?? cfg.routes
  const sla = cfg['ack-sla-seconds']
  // The protocol asks the seed's validation request and records the answer before this runs.
  const approved = ctx.alertTestsApproved

  const test_date = ctx.now().toISOString()
  const policy: AckPolicy = {
    slaSeconds: sla,
    skewSeconds: cfg['clock-skew-seconds'],
    ignore: cfg['ack-ignore'].map((p) => new RegExp(p, 'i'))
  }
  const controller = new AbortController()
  const baseId = (route: RouteConfig): string => `sre-${slug(ctx.runId)}-${slug(route.name)}-${randomBytes(4).toString('hex')}`
  const plan = (route: RouteConfig, attempt: number, test_id: string, deadline: number): PlannedAlertTest => ({
    test_id,
    attempt,
    route,
    labels: alertLabels(route, test_id),
    alert_name: route.labels.alertname ?? SYNTHETIC_ALERT_NAME,
    sla_seconds: sla,
    deadline,
    policy,
    signal: controller.signal
  })
  const base = { test_date, approved, sla_target_seconds: sla, source: 'built-in' as const }
  const provider = selectProvider(ctx)
  const providerName: ProviderName = 'missing' in provider ? (cfg.provider ?? 'alertmanager') : provider.name
  const notRun = (reason: string): AlertTest[] =>
    routes.map((route) => {
      const p = plan(route, 1, baseId(route), 0)
      const a = newAttempt(p)
      a.reason = reason
      return { ...routeRecord(p, providerName, [a]), reason }
    })

  if (!approved) {
    return {
      ...base,
      tests: notRun(NOT_APPROVED_REASON),
      overall_status: 'not_run',
      sla_compliance: 0,
      not_verified_reason: `${NOT_APPROVED_REASON} (${ctx.alertTestsAnswer ?? 'input alert-tests is false'}): no synthetic alert was sent`
    }
  }
  if (routes.length === 0) {
    return {
      ...base,
      tests: [],
      overall_status: 'not_run',
      sla_compliance: 0,
      not_verified_reason: 'no alert routes configured (alerting.routes)'
    }
  }
  if ('missing' in provider) {
    return { ...base, tests: notRun(provider.missing), overall_status: 'not_run', sla_compliance: 0, not_verified_reason: provider.missing }
  }

  ctx.log.info(TRIGGERING_MESSAGE)
  let cancelledBy: string | undefined
  const onSignal = (sig: NodeJS.Signals): void => {
    if (cancelledBy) return
    cancelledBy = sig
    ctx.log.warning(`${sig} received: ending the alert tests and cleaning up every synthetic alert before the run goes on.`)
    controller.abort()
  }
  for (const s of CANCEL_SIGNALS) process.on(s, onSignal)
  const attemptMs = (sla + cfg['wait-margin-seconds']) * 1000
  ctx.log.progress?.(`waiting for ${routes.length} route(s) to be delivered and acknowledged`, Date.now() + attemptMs)
  let tests: AlertTest[]
  try {
    // Routes run side by side: each waits up to the SLA, so in turn they would multiply it.
    tests = await Promise.all(
      routes.map(async (route) => {
        const attempts: AlertAttempt[] = []
        const first = baseId(route)
        for (let n = 1; n <= 1 + cfg.retries; n++) {
          const p = plan(route, n, n === 1 ? first : `${first}-r${n - 1}`, Date.now() + attemptMs)
          let a: AlertAttempt
          try {
            a = await provider.run(p)
          } catch (err) {
            a = newAttempt(p)
            a.facts.routed.status = 'error'
            a.facts.routed.detail = `unexpected failure of the ${provider.name} alert test: ${errorMessage(err)}`
            decideAttempt(a, route.name)
          }
          attempts.push(a)
          if (a.outcome === 'passed' || controller.signal.aborted) break
        }
        return routeRecord(plan(route, 1, first, 0), provider.name, attempts)
      })
    )
  } finally {
    for (const s of CANCEL_SIGNALS) process.off(s, onSignal)
    ctx.log.progress?.(undefined)
  }
  for (const t of tests) {
    const cleanup = (t.attempts ?? []).every((x) => x.cleanup.resolved || x.triggered_at === null)
      ? ''
      : ` Not cleaned up: ${(t.attempts ?? [])
          .filter((x) => !x.cleanup.resolved && x.triggered_at)
          .map((x) => `${x.test_id} (${x.cleanup.detail})`)
          .join('; ')}.`
    if (t.status === 'passed') ctx.log.info(t.reason)
    else ctx.log.error(`${t.reason}${cleanup}`, { title: `Alert path ${t.route}` })
  }
  const results: AlertTestResults = { ...base, tests, overall_status: overall(tests), sla_compliance: compliance(tests) }
  if (cancelledBy) {
    results.cancelled = true
    results.not_verified_reason = `the run was cancelled (${cancelledBy}) while the alert tests ran; every synthetic alert was cleaned up (see each attempt's cleanup)`
    reraiseLater(cancelledBy as NodeJS.Signals)
  }
  return results
}

/**
 * After the cleanup, a cancelled process still ends: unless someone else handles the signal, it
 * is raised again once the run had a moment to write its package.
 */
function reraiseLater(sig: NodeJS.Signals): void {
  if (process.listenerCount(sig) > 0) return
  setTimeout(() => {
    if (process.listenerCount(sig) === 0) process.kill(process.pid, sig)
  }, 15_000).unref()
}
