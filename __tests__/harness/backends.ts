/**
 * Real Prometheus and Alertmanager for the tests: installed from Debian when missing, started on
 * free loopback ports, polled until ready (never a fixed sleep), stopped after.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function which(bin: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' })
  return r.status === 0 ? r.stdout.trim() : undefined
}

/** Install the live backends from Debian (scripts/install-backends.sh) if they are not on PATH. */
export function ensureBackendsInstalled(): void {
  if (which('prometheus') && which('prometheus-alertmanager') && which('promtool')) return
  if (process.env.SRE_TEST_NO_INSTALL) throw new Error('prometheus not installed and SRE_TEST_NO_INSTALL is set')
  const r = spawnSync('bash', [join(process.cwd(), 'scripts', 'install-backends.sh'), 'core'], { stdio: 'inherit', timeout: 300_000 })
  if (r.status !== 0) throw new Error('could not install prometheus from Debian')
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
  })
}

/** Poll fn until it returns a truthy value; throw with the last error after timeoutMs. */
export async function waitFor<T>(fn: () => Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    try {
      const v = await fn()
      if (v) return v
    } catch (err) {
      last = err
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`)
}

export interface RunningBackend {
  url: string
  port: number
  dir: string
  process: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

function startProcess(bin: string, args: string[], dir: string, port: number): RunningBackend {
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()))
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
    rmSync(dir, { recursive: true, force: true })
  }
  return { url: `http://127.0.0.1:${port}`, port, dir, process: child, output: () => out, stop }
}

async function waitReady(b: RunningBackend, what: string): Promise<void> {
  await waitFor(
    async () => {
      if (b.process.exitCode !== null) throw new Error(`${what} exited: ${b.output().slice(-2000)}`)
      const r = await fetch(`${b.url}/-/ready`)
      return r.ok
    },
    20_000,
    `${what} ready`
  )
}

export interface PrometheusOptions {
  /** scrape_configs and the rest of prometheus.yml after `global`; a function is given the port Prometheus will listen on. */
  configYaml?: string | ((port: number) => string)
  /** Rule files: name -> content; listed in rule_files. */
  rules?: Record<string, string>
  /** A TSDB folder prepared with promtool (backfilled history). */
  storageDir?: string
  retention?: string
}

export async function startPrometheus(opts: PrometheusOptions = {}): Promise<RunningBackend> {
  ensureBackendsInstalled()
  const dir = mkdtempSync(join(tmpdir(), 'prom-'))
  const port = await freePort()
  const ruleNames = Object.keys(opts.rules ?? {})
  for (const [name, content] of Object.entries(opts.rules ?? {})) writeFileSync(join(dir, name), content)
  const config = [
    'global:',
    '  scrape_interval: 1s',
    '  evaluation_interval: 1s',
    ruleNames.length ? `rule_files:\n${ruleNames.map((n) => `  - ${join(dir, n)}`).join('\n')}` : '',
    typeof opts.configYaml === 'function' ? opts.configYaml(port) : (opts.configYaml ?? '')
  ].join('\n')
  writeFileSync(join(dir, 'prometheus.yml'), config)
  const b = startProcess(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${opts.storageDir ?? join(dir, 'data')}`,
      `--storage.tsdb.retention.time=${opts.retention ?? '3650d'}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--web.enable-lifecycle',
      '--log.level=warn'
    ],
    dir,
    port
  )
  await waitReady(b, 'prometheus')
  return b
}

export async function startAlertmanager(configYaml: string): Promise<RunningBackend> {
  ensureBackendsInstalled()
  const dir = mkdtempSync(join(tmpdir(), 'am-'))
  const port = await freePort()
  writeFileSync(join(dir, 'alertmanager.yml'), configYaml)
  const b = startProcess(
    'prometheus-alertmanager',
    [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn'
    ],
    dir,
    port
  )
  await waitReady(b, 'alertmanager')
  return b
}

/** Instant query helper for tests. */
export async function promQuery(url: string, query: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>> {
  const r = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(query)}`)
  const body = (await r.json()) as { data?: { result?: Array<{ metric: Record<string, string>; value: [number, string] }> } }
  return body.data?.result ?? []
}

/** Write OpenMetrics text into TSDB blocks in a new folder, for a Prometheus with history. */
export function backfill(openMetrics: string): string {
  ensureBackendsInstalled()
  const dir = mkdtempSync(join(tmpdir(), 'tsdb-'))
  const file = join(dir, 'history.om')
  writeFileSync(file, openMetrics.endsWith('# EOF\n') ? openMetrics : `${openMetrics}# EOF\n`)
  const data = join(dir, 'data')
  const r = spawnSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', file, data, '--max-block-duration=192h'], {
    encoding: 'utf8'
  })
  if (r.status !== 0) throw new Error(`promtool backfill failed: ${r.stderr}`)
  return data
}

/** A real VictoriaMetrics (single-node, Debian's `victoria-metrics`) on a free loopback port. */
export async function startVictoriaMetrics(): Promise<RunningBackend> {
  const dir = mkdtempSync(join(tmpdir(), 'vm-'))
  const port = await freePort()
  const b = startProcess(
    'victoria-metrics',
    [
      `-storageDataPath=${join(dir, 'data')}`,
      `-httpListenAddr=127.0.0.1:${port}`,
      '-retentionPeriod=100y',
      // Serve the newest samples at once (the default hides the last 30 s) and never from a cache
      // filled before an import.
      '-search.latencyOffset=0s',
      '-search.disableCache',
      '-loggerLevel=ERROR'
    ],
    dir,
    port
  )
  await waitFor(
    async () => {
      if (b.process.exitCode !== null) throw new Error(`victoria-metrics exited: ${b.output().slice(-2000)}`)
      return (await fetch(`${b.url}/health`)).ok
    },
    20_000,
    'victoria-metrics ready'
  )
  return b
}

/**
 * Import OpenMetrics text (timestamps in seconds, as promtool backfills it) into VictoriaMetrics
 * through its Prometheus-text import API (timestamps in milliseconds), then flush so that queries
 * see it.
 */
export async function importIntoVictoriaMetrics(vm: RunningBackend, openMetrics: string): Promise<void> {
  const lines: string[] = []
  for (const line of openMetrics.split('\n')) {
    if (!line || line.startsWith('#')) continue
    const cut = line.lastIndexOf(' ')
    lines.push(`${line.slice(0, cut)} ${Math.round(Number(line.slice(cut + 1)) * 1000)}`)
  }
  // In chunks: one request per few MB keeps the import within the server's request-size limit.
  for (let i = 0; i < lines.length; i += 50_000) {
    const r = await fetch(`${vm.url}/api/v1/import/prometheus`, { method: 'POST', body: lines.slice(i, i + 50_000).join('\n') + '\n' })
    if (!r.ok) throw new Error(`victoria-metrics import: HTTP ${r.status} ${await r.text()}`)
  }
  const f = await fetch(`${vm.url}/internal/force_flush`)
  if (!f.ok) throw new Error(`victoria-metrics flush: HTTP ${f.status}`)
}
