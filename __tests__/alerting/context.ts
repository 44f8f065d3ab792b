import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { configSchema, type Config } from '../../src/config/schema.js'
import type { Evidence } from '../../src/evidence/model.js'
import type { ResolvedService, RunContext } from '../../src/model/monitoring-model.js'
import { MemoryLogger } from '../../src/util/log.js'

export function service(name: string, opts: Partial<ResolvedService> = {}): ResolvedService {
  return {
    name,
    critical: false,
    new: false,
    selector: { service: name },
    endpoints: [],
    sources: ['config'],
    risks: [],
    ...opts
  }
}

export function evidence(): Evidence {
  return {
    dir: '/nonexistent',
    validation: { validationDate: '2026-11-01T00:00:00Z', status: 'pass', successRate: 1, checks: [], metricsSnapshot: {}, services: [] },
    healthLog: { metricsStatus: 'within_slo', metrics: [], anomalies: [], escalations: [] },
    report: { release: { tag: 'v2.4.0' }, services: [], newEndpoints: [], risks: [], timeline: [] },
    files: []
  }
}

/** A RunContext for tests: config from a plain object, a memory logger, a fresh workspace. */
export function makeContext(
  config: Record<string, unknown>,
  opts: { services?: ResolvedService[]; approved?: boolean; workspace?: string; env?: NodeJS.ProcessEnv } = {}
): RunContext & { log: MemoryLogger } {
  const parsed: Config = configSchema.parse({ version: 1, ...config })
  const workspace = opts.workspace ?? mkdtempSync(join(tmpdir(), 'sre-ws-'))
  return {
    config: parsed,
    evidence: evidence(),
    model: {
      environment: parsed.environment,
      release: { tag: 'v2.4.0' },
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
    now: () => new Date(),
    runId: 'run-1'
  }
}
