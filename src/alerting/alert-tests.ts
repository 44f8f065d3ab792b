import { randomBytes } from 'node:crypto'
import type { RunContext } from '../model/monitoring-model.js'
import { HttpAckSource } from './providers/ack-source.js'
import { AlertmanagerProvider } from './providers/alertmanager/index.js'
import { conclude, errorMessage, newTestRecord, SYNTHETIC_ALERT_NAME } from './providers/common.js'
import { PagerDutyProvider } from './providers/pagerduty/index.js'
import type { AlertProvider, PlannedAlertTest } from './providers/types.js'
import { WebhookProvider } from './providers/webhook/index.js'
import type { AlertTest, AlertTestResults } from './types.js'

export const VALIDATION_REQUEST = '[VALIDATION REQUEST] - Monitoring instrumentation verified. Approve activation of alert tests? (yes/no)'
export const TRIGGERING_MESSAGE = 'Triggering synthetic alerts to confirm notification pathways...'
export const NOT_APPROVED_REASON = 'alert tests not approved'

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'route'

/**
 * The provider that carries the synthetic alerts: `alerting.provider`, or the first configured of
 * Alertmanager, PagerDuty, webhook. With Alertmanager, `alerting.webhook.ack-url` is where the
 * acknowledgement is read from.
 */
export function selectProvider(ctx: RunContext): AlertProvider | { missing: string } {
  const cfg = ctx.config.alerting
  const name = cfg.provider ?? (cfg.alertmanager ? 'alertmanager' : cfg.pagerduty ? 'pagerduty' : cfg.webhook ? 'webhook' : undefined)
  if (!name) return { missing: 'no alerting provider configured (alerting.alertmanager, alerting.pagerduty or alerting.webhook)' }
  if (name === 'alertmanager') {
    if (!cfg.alertmanager) return { missing: 'alerting.provider is alertmanager but alerting.alertmanager is not configured' }
    return new AlertmanagerProvider(ctx, cfg.alertmanager, cfg.webhook ? new HttpAckSource(ctx, cfg.webhook) : undefined)
  }
  if (name === 'pagerduty') {
    if (!cfg.pagerduty) return { missing: 'alerting.provider is pagerduty but alerting.pagerduty is not configured' }
    return new PagerDutyProvider(ctx, cfg.pagerduty)
  }
  if (!cfg.webhook) return { missing: 'alerting.provider is webhook but alerting.webhook is not configured' }
  return new WebhookProvider(ctx, cfg.webhook, new HttpAckSource(ctx, cfg.webhook))
}

function overall(tests: AlertTest[]): AlertTestResults['overall_status'] {
  if (tests.length === 0 || tests.every((t) => t.status === 'not_run')) return 'not_run'
  if (tests.some((t) => t.status === 'failed')) return 'failed'
  if (tests.some((t) => t.status !== 'passed')) return 'error'
  return 'passed'
}

const compliance = (tests: AlertTest[]): number =>
  tests.length === 0 ? 0 : Math.round((1000 * tests.filter((t) => t.sla_met).length) / tests.length) / 10

/**
 * Gate 2's evidence: one synthetic alert per configured route through the real paging path, with
 * where it was delivered, when a person acknowledged it, and whether that was within the SLA.
 * Every alert is resolved afterwards. Nothing is sent unless the run approved alert tests.
 */
export async function runAlertTests(ctx: RunContext): Promise<AlertTestResults> {
  const cfg = ctx.config.alerting
  const sla = cfg['ack-sla-seconds']
  const approved = ctx.alertTestsApproved
  ctx.log.info(VALIDATION_REQUEST)
  ctx.log.info(`Answer: ${approved ? 'yes' : 'no'} (input alert-tests=${approved ? 'true' : 'false'})`)

  const test_date = ctx.now().toISOString()
  const plan = (deadline: number): PlannedAlertTest[] =>
    cfg.routes.map((route) => ({
      test_id: `sre-${slug(ctx.runId)}-${slug(route.name)}-${randomBytes(4).toString('hex')}`,
      route,
      alert_name: SYNTHETIC_ALERT_NAME,
      sla_seconds: sla,
      deadline
    }))
  const base = { test_date, approved, sla_target_seconds: sla, source: 'built-in' as const }
  const provider = selectProvider(ctx)
  const providerName = 'missing' in provider ? (cfg.provider ?? 'alertmanager') : provider.name

  if (!approved) {
    const tests = plan(0).map((p) => ({ ...newTestRecord(p, providerName), reason: NOT_APPROVED_REASON }))
    return { ...base, tests, overall_status: 'not_run', sla_compliance: 0, not_verified_reason: `${NOT_APPROVED_REASON} (input alert-tests is false): no synthetic alert was sent` }
  }
  if (cfg.routes.length === 0) {
    return { ...base, tests: [], overall_status: 'not_run', sla_compliance: 0, not_verified_reason: 'no alert routes configured (alerting.routes)' }
  }
  if ('missing' in provider) {
    const tests = plan(0).map((p) => ({ ...newTestRecord(p, providerName), reason: provider.missing }))
    return { ...base, tests, overall_status: 'not_run', sla_compliance: 0, not_verified_reason: provider.missing }
  }

  ctx.log.info(TRIGGERING_MESSAGE)
  const deadline = Date.now() + (sla + cfg['wait-margin-seconds']) * 1000
  // Routes run side by side: each waits up to the SLA, so in turn they would multiply it.
  const tests = await Promise.all(
    plan(deadline).map(async (p) => {
      try {
        return await provider.run(p)
      } catch (err) {
        const t = newTestRecord(p, provider.name)
        t.status = 'error'
        t.reason = `unexpected failure of the ${provider.name} alert test: ${errorMessage(err)}`
        return conclude(t)
      }
    })
  )
  for (const t of tests) {
    const line = `Alert test ${t.route} (${t.provider}): ${t.status} - ${t.reason}`
    if (t.status === 'passed') ctx.log.info(line)
    else ctx.log.error(line, { title: 'Alert path' })
  }
  return { ...base, tests, overall_status: overall(tests), sla_compliance: compliance(tests) }
}
