/**
 * The run's own cost: every request (through util/http.ts and the Octokit hook) and every wait,
 * attributed to the phase that made it without threading a parameter through every call: the
 * phase and the recorder travel in an AsyncLocalStorage. Outside a recorded run nothing is kept.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { RunStats, Tally } from '../artifacts/contracts/run-stats.js'
import { byText } from '../util/order.js'

export type { RunStats, Tally } from '../artifacts/contracts/run-stats.js'

/** One finished call as util/http.ts or the Octokit hook saw it. */
export interface RequestRecord {
  backend: string
  kind: string
  ms: number
  bytes: number
  /** The final HTTP status; undefined when no answer came (network error, timeout, size cap). */
  status?: number
}

interface Scope {
  stats: RunStatsRecorder
  phase: string
}

const scope = new AsyncLocalStorage<Scope>()

/** Phases in the order of the protocol; others follow in the order first seen. */
export const PHASE_ORDER = [
  'evidence',
  'instrumentation',
  'audit',
  'no-data-diagnosis',
  'baseline',
  'previous-baseline',
  'claims',
  'activation',
  'approval',
  'rule-alignment',
  'drill',
  'dashboards',
  'alert-tests',
  'runbook',
  'assurance',
  'tuning',
  'backtest',
  'slo-attainment',
  'handoff'
]

/** The protocol's step names (ProtocolRun.step) and the phase each one's requests count under. */
const STEP_PHASES: Record<string, string> = {
  'instrumentation audit': 'audit',
  'baseline capture': 'baseline',
  'previous baseline': 'previous-baseline',
  'approval lookup': 'approval',
  'alert rule alignment': 'rule-alignment',
  'detection drill': 'drill',
  'dashboard check': 'dashboards',
  'alert path test': 'alert-tests',
  'runbook update': 'runbook',
  'alert tuning': 'tuning',
  'alert backtest': 'backtest',
  'SLO attainment': 'slo-attainment'
}

export const phaseOfStep = (step: string): string | undefined => STEP_PHASES[step]

/** Run fn with its requests and waits counted by `stats`, under `phase`. */
export function withRunStats<T>(stats: RunStatsRecorder, phase: string, fn: () => T): T {
  return scope.run({ stats, phase }, fn)
}

/** Run fn with its requests counted under `phase` (inside a recorded run; else just run it). */
export function inPhase<T>(phase: string | undefined, fn: () => T): T {
  const s = scope.getStore()
  if (!s || !phase) return fn()
  return scope.run({ stats: s.stats, phase }, fn)
}

export function currentRunStats(): RunStatsRecorder | undefined {
  return scope.getStore()?.stats
}

export const currentPhase = (): string | undefined => scope.getStore()?.phase

/** Record a finished request in the current run, if any. */
export function recordRequest(r: RequestRecord): void {
  requestRecorder()?.(r)
}

/** Where a request started now would be recorded (the run and phase of this moment), if in a run. */
export function requestRecorder(): ((r: RequestRecord) => void) | undefined {
  const s = scope.getStore()
  return s ? (r) => s.stats.request(s.phase, r) : undefined
}

/** Record the samples a query reported (or that it reported none: undefined). */
export function recordSamples(backend: string, samples: { total: number; peak?: number } | undefined): void {
  const s = scope.getStore()
  s?.stats.samples(s.phase, backend, samples)
}

/** Record a wait (not work) that ran from `startedAt` to now. */
export function recordWait(what: string, startedAt: number, endedAt = Date.now()): void {
  const s = scope.getStore()
  s?.stats.wait(s.phase, what, startedAt, endedAt)
}

/** Sleep for ms, recorded as a wait. */
export async function waitFor(what: string, ms: number): Promise<void> {
  if (ms <= 0) return
  const started = Date.now()
  await new Promise((r) => setTimeout(r, ms))
  recordWait(what, started)
}

/** Requests in flight to one backend, as the concurrency bound saw them. */
export function recordInFlight(backend: string, inFlight: number): void {
  scope.getStore()?.stats.inFlight(backend, inFlight)
}

interface Cell {
  count: number
  errors: number
  rejected: number
  total_ms: number
  max_ms: number
  bytes: number
  samples: number
  samplesReported: number
  peak: number
  probes: number
}

const newCell = (): Cell => ({
  count: 0,
  errors: 0,
  rejected: 0,
  total_ms: 0,
  max_ms: 0,
  bytes: 0,
  samples: 0,
  samplesReported: 0,
  peak: 0,
  probes: 0
})

function add(into: Cell, c: Cell): void {
  into.count += c.count
  into.errors += c.errors
  into.rejected += c.rejected
  into.total_ms += c.total_ms
  into.max_ms = Math.max(into.max_ms, c.max_ms)
  into.bytes += c.bytes
  into.samples += c.samples
  into.samplesReported += c.samplesReported
  into.peak = Math.max(into.peak, c.peak)
  into.probes += c.probes
}

const tally = (c: Cell): Tally => ({
  count: c.count,
  errors: c.errors,
  rejected: c.rejected,
  total_ms: Math.round(c.total_ms),
  max_ms: Math.round(c.max_ms),
  bytes: c.bytes,
  samples: c.samplesReported ? c.samples : null,
  peak_samples: c.samplesReported ? c.peak : null
})

const PROBE = 'probe'

/** Counts of one run. Cheap to feed: a map lookup and a few additions per request. */
export class RunStatsRecorder {
  readonly startedAt: number
  /** phase \0 backend -> cell; probes kept in their own cells (kind probe). */
  private readonly cells = new Map<string, Cell>()
  private readonly kinds = new Map<string, string>()
  private readonly waits = new Map<string, { count: number; total: number; max: number }>()
  private readonly waitSpans: Array<[number, number]> = []
  private readonly maxInFlight = new Map<string, number>()
  /** Backends that answered a query without samples. */
  private readonly unreported = new Set<string>()
  private readonly phasesSeen: string[] = []

  constructor(
    private readonly concurrency: () => number,
    startedAt = Date.now()
  ) {
    this.startedAt = startedAt
  }

  private cell(phase: string, backend: string): Cell {
    const key = `${phase}\0${backend}`
    let c = this.cells.get(key)
    if (!c) {
      c = newCell()
      this.cells.set(key, c)
      if (!this.phasesSeen.includes(phase)) this.phasesSeen.push(phase)
    }
    return c
  }

  request(phase: string, r: RequestRecord): void {
    if (!this.kinds.has(r.backend)) this.kinds.set(r.backend, r.kind)
    const c = this.cell(phase, r.backend)
    c.count++
    if (r.kind === PROBE) c.probes++
    if (r.status === undefined || r.status >= 500 || r.status === 429) c.errors++
    else if (r.status >= 400) c.rejected++
    c.total_ms += r.ms
    c.max_ms = Math.max(c.max_ms, r.ms)
    c.bytes += r.bytes
  }

  samples(phase: string, backend: string, s: { total: number; peak?: number } | undefined): void {
    if (!s) {
      this.unreported.add(backend)
      return
    }
    const c = this.cell(phase, backend)
    c.samples += s.total
    c.samplesReported++
    c.peak = Math.max(c.peak, s.peak ?? 0)
  }

  wait(phase: string, what: string, startedAt: number, endedAt: number): void {
    const ms = Math.max(0, endedAt - startedAt)
    const key = `${phase}\0${what}`
    const w = this.waits.get(key) ?? { count: 0, total: 0, max: 0 }
    w.count++
    w.total += ms
    w.max = Math.max(w.max, ms)
    this.waits.set(key, w)
    if (!this.phasesSeen.includes(phase)) this.phasesSeen.push(phase)
    if (ms > 0) this.waitSpans.push([startedAt, endedAt])
  }

  inFlight(backend: string, n: number): void {
    if (n > (this.maxInFlight.get(backend) ?? 0)) this.maxInFlight.set(backend, n)
  }

  /** Milliseconds covered by at least one wait (overlapping waits once). */
  private waitedMs(): number {
    const spans = [...this.waitSpans].sort((a, b) => a[0] - b[0])
    let total = 0
    let end = -Infinity
    for (const [s, e] of spans) {
      if (e <= end) continue
      total += e - Math.max(s, end)
      end = e
    }
    return Math.round(total)
  }

  private orderedPhases(): string[] {
    const known = PHASE_ORDER.filter((p) => this.phasesSeen.includes(p))
    return [...known, ...this.phasesSeen.filter((p) => !PHASE_ORDER.includes(p))]
  }

  /** The run-stats.json document as of now. */
  snapshot(args: { now: number; runId: string; environment: string; complete: boolean; covers: string }): RunStats {
    const split = [...this.cells.entries()].map(([key, c]) => {
      const [phase, backend] = key.split('\0') as [string, string]
      return { phase, backend, kind: this.kinds.get(backend) ?? backend, c }
    })
    const isProbe = (x: { kind: string }): boolean => x.kind === PROBE
    const sum = (xs: Cell[]): Cell => xs.reduce((acc, c) => (add(acc, c), acc), newCell())
    const waitsOf = (phase: string): number =>
      [...this.waits.entries()].filter(([k]) => k.split('\0')[0] === phase).reduce((n, [, w]) => n + w.total, 0)

    const phases = this.orderedPhases().map((phase) => {
      const mine = split.filter((x) => x.phase === phase)
      const work = sum(mine.filter((x) => !isProbe(x)).map((x) => x.c))
      const probes = sum(mine.filter(isProbe).map((x) => x.c))
      return { phase, ...tally(work), probes: probes.count, wait_ms: Math.round(waitsOf(phase)) }
    })
    const backendNames = [...new Set(split.map((x) => x.backend))].sort()
    const backends = backendNames.map((backend) => {
      const c = sum(split.filter((x) => x.backend === backend).map((x) => x.c))
      const kind = this.kinds.get(backend) ?? backend
      return {
        backend,
        kind,
        ...tally(c),
        max_in_flight: this.maxInFlight.get(backend) ?? 0,
        samples_source: c.samplesReported
          ? `stats=all (totalQueryableSamples), ${c.samplesReported} of the queries`
          : this.unreported.has(backend)
            ? 'not reported'
            : 'no queries'
      }
    })
    const order = this.orderedPhases()
    const requests = split
      .filter((x) => !isProbe(x))
      .sort((a, b) => order.indexOf(a.phase) - order.indexOf(b.phase) || byText(a.backend, b.backend))
      .map((x) => ({ phase: x.phase, backend: x.backend, kind: x.kind, ...tally(x.c) }))
    const waits = [...this.waits.entries()]
      .map(([key, w]) => {
        const [phase, what] = key.split('\0') as [string, string]
        return { phase, what, count: w.count, total_ms: Math.round(w.total), max_ms: Math.round(w.max) }
      })
      .sort((a, b) => order.indexOf(a.phase) - order.indexOf(b.phase) || byText(a.what, b.what))
    const wall = Math.max(0, Math.round(args.now - this.startedAt))
    const waited = Math.min(wall, this.waitedMs())
    return {
      schema_version: 1,
      generated_at: new Date(args.now).toISOString(),
      run_id: args.runId,
      environment: args.environment,
      complete: args.complete,
      covers: args.covers,
      wall_ms: wall,
      wait_ms: waited,
      work_ms: wall - waited,
      backend_concurrency: this.concurrency(),
      totals: tally(sum(split.filter((x) => !isProbe(x)).map((x) => x.c))),
      probes: tally(sum(split.filter(isProbe).map((x) => x.c))),
      phases,
      backends,
      requests,
      waits
    }
  }
}
