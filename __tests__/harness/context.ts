/**
 * The one way tests build what the phases take: a RunContext from plain config (defaults filled
 * in by the real schema), resolved services and evidence, with a memory logger and a fresh
 * workspace; and the RunOptions of a whole protocol run over a copy of the example.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { configSchema, type Config } from '../../src/config/schema.js'
import type { Evidence } from '../../src/evidence/model.js'
import type { ResolvedService, RunContext } from '../../src/model/monitoring-model.js'
import { LocalGitHubPort } from '../../src/protocol/local-port.js'
import type { RunOptions } from '../../src/protocol/run.js'
import { MemoryLogger } from './memory-logger.js'

export function service(name: string, extra: Partial<ResolvedService> = {}): ResolvedService {
  return { name, critical: false, new: false, selector: { service: name }, endpoints: [], sources: ['config'], risks: [], ...extra }
}

/** Evidence that passed intake and claims nothing: no services, metrics, anomalies or risks. */
export function emptyEvidence(): Evidence {
  return {
    dir: '/nonexistent',
    validation: { validationDate: '2026-11-01T00:00:00Z', status: 'pass', successRate: 1, checks: [], metricsSnapshot: {}, services: [] },
    healthLog: { metrics_status: 'within_slo', metrics: [], anomalies: [], escalations: [] },
    report: { release: { tag: 'v2.4.0' }, services: [], new_endpoints: [], risks: [], timeline: [] },
    files: []
  }
}

export interface ContextOptions {
  services?: ResolvedService[]
  evidence?: Evidence
  /** Whether synthetic alerts may be sent (alert-tests input); true by default. */
  approved?: boolean
  /** A new temporary folder by default. */
  workspace?: string
  env?: NodeJS.ProcessEnv
  /** A fixed clock; the real one by default. */
  now?: Date
}

/** A RunContext: config from a plain object, a memory logger, a fresh workspace. */
export function makeContext(config: Record<string, unknown> = {}, opts: ContextOptions = {}): RunContext & { log: MemoryLogger } {
  const parsed: Config = configSchema.parse({ version: 1, ...config })
  const ev = opts.evidence ?? emptyEvidence()
  const workspace = opts.workspace ?? mkdtempSync(join(tmpdir(), 'sre-ws-'))
  const now = opts.now
  return {
    config: parsed,
    evidence: ev,
    model: {
      environment: parsed.environment,
      release: { ...ev.report.release },
      serviceLabel: parsed['service-label'],
      services: opts.services ?? [],
      slos: parsed.slos
    },
    mode: 'post-deploy',
    alertTestsApproved: opts.approved ?? true,
    outputDir: join(workspace, '.artifacts', 'monitoring'),
    workspace,
    env: opts.env ?? {},
    log: new MemoryLogger(),
    now: () => (now ? new Date(now) : new Date()),
    runId: `test-${Math.random().toString(36).slice(2, 8)}`
  }
}

/**
 * A copy of the bundled example whose backends point at a closed port (nothing answers), with
 * short timeouts and no retries; `edit` changes its sre-monitoring.yml further.
 */
export function exampleWorkspace(edit: (config: string) => string = (c) => c): string {
  const dir = mkdtempSync(join(tmpdir(), 'sre-run-'))
  cpSync('examples', dir, { recursive: true })
  const file = join(dir, 'sre-monitoring.yml')
  let config = readFileSync(file, 'utf8').replace(/127\.0\.0\.1:190\d\d/g, '127.0.0.1:9')
  config = config.replace(/timeout-seconds: 10/, 'timeout-seconds: 1').replace(/retries: 2/, 'retries: 0')
  writeFileSync(file, edit(config))
  return dir
}

/** The options of a protocol run over the workspace `dir`, its GitHub side kept on disk. */
export function runOptions(dir: string, log: MemoryLogger, over: Partial<RunOptions> = {}): RunOptions {
  const now = (): Date => new Date()
  return {
    evidenceDir: 'evidence',
    configPath: 'sre-monitoring.yml',
    outputDir: 'out',
    workspace: dir,
    mode: 'post-deploy',
    alertTestsApproved: true,
    approvedBy: 'alice (SRE lead)',
    onCallOwner: 'payments-oncall',
    packageArtifact: 'monitoring-package',
    fileIssues: true,
    env: {},
    log,
    now,
    runId: `test-${Math.random().toString(36).slice(2, 8)}`,
    generator: 'sre-monitoring-action@test',
    github: new LocalGitHubPort(join(dir, 'out'), now, log, join(dir, 'delivered')),
    ...over
  }
}
