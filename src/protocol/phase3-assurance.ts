/** Phase 3: the ongoing checks' schedule, alert tuning, SLO attainment, scorecard, backlog; gate 3. */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MonitoringApprovalRecord } from '../approval/record.js'
import { backtestAlerts, BACKTEST_FILE, emptyBacktest } from '../assurance/backtest/backtest.js'
import { withBacktest } from '../assurance/backtest/feed.js'
import { correlateAlerts, emptyTuning } from '../assurance/correlate-alerts.js'
import { buildSchedule, findAssuranceWorkflows } from '../assurance/schedule.js'
import { sloAttainment } from '../assurance/slo-attainment.js'
import type { ObservabilitySchedule, SloAttainment, TuningReport } from '../assurance/types.js'
import { evaluateAssuranceGate } from '../gates/gates.js'
import type { GateResult } from '../gates/types.js'
import type { BacklogItem } from '../model/backlog.js'
import { renderBacklog } from '../report/backlog.js'
import { renderScorecard } from '../report/scorecard.js'
import { renderTuningReport } from '../report/tuning.js'
import { ANNOUNCE, announceGate } from './announce.js'
import { collectBacklog, gapFingerprints } from './backlog.js'
import { runHook } from './hooks.js'
import { qualityBacklog } from './quality-audit.js'
import type { InstrumentationPhase } from './phase1-instrumentation.js'
import type { ActivationPhase } from './phase2-activation.js'
import type { ProtocolRun } from './run-state.js'
import { FILES } from '../artifacts/files.js'

export interface AssurancePhase {
  schedule: ObservabilitySchedule
  tuning: TuningReport
  tuningWritten: boolean
  approval: MonitoringApprovalRecord
  backlog: BacklogItem[]
  /** improvement-backlog.md really reached the package. */
  backlogWritten: boolean
  slos: SloAttainment[]
  gate: GateResult
}

export async function assurancePhase(run: ProtocolRun, p1: InstrumentationPhase, p2: ActivationPhase): Promise<AssurancePhase> {
  const { opts, log, steps, now } = run
  const { config, ctx, model, audit, baseline } = p1
  const { alignment, dashboards, alertTests } = p2
  log.info(ANNOUNCE.phase3)
  // SLO attainment and the backtest's queries need nothing of what comes first: they start now.
  const slosLive = run.startStep('SLO attainment', () => sloAttainment(ctx, (backend) => steps.prometheus(ctx, backend)))
  const schedule: ObservabilitySchedule = buildSchedule({
    config,
    workflows: await findAssuranceWorkflows(opts.workspace),
    onCallOwner: opts.onCallOwner,
    now: now()
  })
  await run.writeJson(FILES.observabilitySchedule, schedule)

  log.info(ANNOUNCE.correlating)
  const correlate = (): Promise<TuningReport> =>
    run.step(
      'alert tuning',
      () => correlateAlerts(ctx, (backend) => steps.prometheus(ctx, backend), opts.github),
      (reason) => emptyTuning(now(), config, reason)
    )
  // The live correlation always runs; a tuning-command's report is added to it, never in its place.
  const tuningLive = correlate()
  // The rules in force over the same lookback and incidents: the rules' queries go out while the
  // incidents are read, and each rule is judged once they are.
  const backtestLive = run.startStep('alert backtest', () =>
    backtestAlerts({
      ctx,
      prometheus: (backend) => steps.prometheus(ctx, backend),
      incidents: tuningLive.then((t) => t.incidents.map((m) => m.incident)),
      incidentSources: tuningLive.then((t) => t.sources),
      alignment
    })
  )
  let tuning = await tuningLive
  let hookSection = ''
  const tuningCommand = config.hooks['tuning-command']
  if (tuningCommand) {
    log.info(`Live check (built-in): ${tuning.from_real_data ? 'success' : 'incomplete (see alert-tuning-report.md)'}`)
    const dir = await mkdtemp(join(tmpdir(), 'sre-hook-'))
    const hook = await runHook<string>({
      command: tuningCommand,
      outputFile: join(dir, FILES.alertTuningReport),
      cwd: opts.workspace,
      env: opts.env,
      timeoutSeconds: config.hooks['timeout-seconds']
    }).finally(() => rm(dir, { recursive: true, force: true }).catch(() => undefined))
    log.info(ANNOUNCE.automation('aggregate_coverage.py', `${hook.status} (tuning-command)`))
    hookSection =
      hook.data && hook.data.trim()
        ? `\n\n## From tuning-command\n\nAdded by the configured tuning-command; the figures above are from the live correlation and decide gate 3.\n\n${hook.data.trim()}\n`
        : `\n\n## From tuning-command\n\nThe configured tuning-command produced nothing usable: ${hook.error ?? hook.status}.\n`
  } else {
    log.info(ANNOUNCE.automation('aggregate_coverage.py', tuning.from_real_data ? 'success' : 'incomplete (see alert-tuning-report.md)'))
  }
  const backtest = await backtestLive.settle((reason) => emptyBacktest(now(), config.incidents.lookback, 'error', reason))
  await run.writeJson(BACKTEST_FILE, backtest)
  log.info(
    `Alert backtest: ${backtest.status}, ${backtest.summary.evaluated} of ${backtest.summary.rules} rule(s) evaluated with ${backtest.requests.total} request(s), ${backtest.summary.proposals} proposal(s), ${backtest.summary.disagreements.length} disagreement(s) with ALERTS`
  )
  tuning = withBacktest(tuning, backtest)
  const drillSection = p2.drill ? (await import('../report/drill.js')).renderDrillSection(p2.drill) : ''
  const tuningWritten =
    (await run.writeText(FILES.alertTuningReport, renderTuningReport(tuning) + drillSection + hookSection)) !== undefined

  const approval = p2.approval
  const quality = qualityBacklog(p1.qualityAudit, audit)
  const backlog = [
    ...collectBacklog({
      audit,
      baseline,
      alignment,
      dashboards,
      alertTests,
      schedule,
      tuning,
      approvalMissing: approval.status !== 'approved',
      config
    }),
    ...quality
  ]
  const slos = await slosLive.settle(() => [])
  await run.writeText(
    FILES.scorecard,
    renderScorecard({
      release: model.release.tag ?? 'untagged',
      now: now(),
      slos,
      audit,
      alertTests,
      tuning,
      backlog,
      gates: [p1.gate, p2.gate],
      baseline
    })
  )
  const backlogFile = await run.writeText(FILES.improvementBacklog, renderBacklog(backlog, now()))
  // Gate 3 reads the backlog back from the file it wrote: the artifact is what must list the gaps.
  const backlogText = backlogFile ? await readFile(backlogFile.path, 'utf8').catch(() => undefined) : undefined
  const listed = backlogText === undefined ? [] : backlog.filter((b) => backlogText.includes(b.fingerprint))
  const gate = evaluateAssuranceGate({
    schedule,
    tuning,
    tuningWritten,
    backlog: listed,
    backlogWritten: backlogText !== undefined,
    gapFingerprints: [...gapFingerprints(audit, alignment, alertTests), ...quality.map((q) => q.fingerprint)],
    thresholds: config.gates
  })
  announceGate(log, gate)
  return { schedule, tuning, tuningWritten, approval, backlog, backlogWritten: backlogText !== undefined, slos, gate }
}
