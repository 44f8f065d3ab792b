// The example's live monitoring stack on loopback: demo service exporters, a real Prometheus
// (with the example's alert rules) and a real Alertmanager (Debian packages, installed when
// missing), and the on-call simulator. Used by `npm run example` and `npm run bench`.
import { spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startOnCallSimulator } from './oncall-simulator.mjs'

const here = dirname(fileURLToPath(import.meta.url))
// The stop of every stack started and not yet stopped (a stack still starting included), so a
// signal handler can stop them all.
const stacks = new Set()

export function stopAllDemoStacks() {
  return Promise.all([...stacks].map((stop) => stop()))
}

const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0

export function ensureVictoriaMetrics() {
  if (has('victoria-metrics') && has('vmalert')) return
  throw new Error('victoria-metrics and vmalert are not installed: run scripts/install-backends.sh (Debian package victoria-metrics)')
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

export function ensureBackends() {
  if (has('prometheus') && has('prometheus-alertmanager')) return
  console.error('Installing prometheus and prometheus-alertmanager from Debian (needs root or sudo, and the Debian mirror)...')
  const script = fileURLToPath(new URL('../install-backends.sh', import.meta.url))
  const r = spawnSync('bash', [script, 'core'], { stdio: 'inherit' })
  if (r.status !== 0) throw new Error('Prometheus and Alertmanager are not installed and could not be installed')
}

async function poll(what, fn, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  let last
  while (Date.now() < deadline) {
    try {
      if (await fn()) return
    } catch (err) {
      last = err
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`)
}

function start(cmd, args, procs) {
  // A stack stopped while it was still starting starts nothing more.
  if (procs.closed) throw new Error('the demo stack was stopped while starting')
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (out += d))
  child.output = () => out
  procs.push(child)
  return child
}

/**
 * exporters: [{ port, services: [names], args: [extra demo-exporter flags] }]
 * metrics: 'prometheus' (default) or 'victoriametrics': VictoriaMetrics scraping the exporters
 * itself (-promscrape.config), with vmalert evaluating the rule files against it, writing the
 * alert state (ALERTS) and recorded series back into it and serving /api/v1/rules through it
 * (-vmalert.proxyURL), so both answer the same API on prometheusPort.
 * Returns { prometheusUrl, alertmanagerUrl, oncall, stop }.
 */
export async function startDemoStack({
  exporters,
  prometheusPort,
  alertmanagerPort,
  oncallPort,
  alertmanagerConfig,
  ruleFiles = [],
  ackDelayMs = 1500,
  metrics = 'prometheus',
  scrapeIntervalSeconds = 1,
  evaluationIntervalSeconds = 1,
  warmScrapes = 1,
  onStep = () => {}
}) {
  onStep('checking that prometheus and prometheus-alertmanager are installed')
  ensureBackends()
  onStep(`on-call simulator on :${oncallPort}`)
  const oncall = await startOnCallSimulator({ port: oncallPort, ackDelayMs })
  const dir = mkdtempSync(join(tmpdir(), 'sre-demo-'))
  const procs = []
  const running = (p) => p.exitCode === null && p.signalCode === null
  let stopping
  // Idempotent: a signal handler and the caller may both stop the stack.
  const stop = () => (stopping ??= stopNow())
  const stopNow = async () => {
    procs.closed = true
    for (const p of procs) if (running(p)) p.kill('SIGTERM')
    // A backend that ignores SIGTERM for 10 s is killed, so stopping always ends.
    await Promise.all(
      procs.map((p) =>
        running(p)
          ? new Promise((r) => {
              const force = setTimeout(() => p.kill('SIGKILL'), 10_000)
              p.once('exit', () => r(clearTimeout(force)))
            })
          : undefined
      )
    )
    await oncall.stop()
    rmSync(dir, { recursive: true, force: true })
    stacks.delete(stop)
  }
  stacks.add(stop)
  try {
    onStep(`${exporters.length} demo service exporter(s)`)
    for (const e of exporters) {
      const child = start(
        process.execPath,
        [join(here, 'demo-exporter.mjs'), '--port', String(e.port), '--services', e.services.join(','), ...(e.args ?? [])],
        procs
      )
      await poll(
        `demo exporter on ${e.port}`,
        async () => {
          if (child.exitCode !== null) throw new Error(child.output())
          return /listening/.test(child.output())
        },
        10_000
      )
    }
    const rules = ruleFiles.map((f, i) => {
      const to = join(dir, `rules-${i}.yml`)
      writeFileSync(to, readFileSync(f))
      return to
    })
    writeFileSync(join(dir, 'alertmanager.yml'), alertmanagerConfig)
    writeFileSync(
      join(dir, 'prometheus.yml'),
      [
        `global: { scrape_interval: ${scrapeIntervalSeconds}s${metrics === 'prometheus' ? `, evaluation_interval: ${evaluationIntervalSeconds}s` : ''} }`,
        rules.length && metrics === 'prometheus' ? `rule_files: [${rules.map((r) => JSON.stringify(r)).join(', ')}]` : '',
        metrics === 'prometheus'
          ? `alerting: { alertmanagers: [ { static_configs: [ { targets: ['127.0.0.1:${alertmanagerPort}'] } ] } ] }`
          : '',
        'scrape_configs:',
        `  - job_name: shop`,
        `    static_configs: [ { targets: [${exporters.map((e) => `'127.0.0.1:${e.port}'`).join(', ')}] } ]`
      ].join('\n') + '\n'
    )
    onStep(`Alertmanager on :${alertmanagerPort} and ${metrics === 'prometheus' ? 'Prometheus' : 'VictoriaMetrics'} on :${prometheusPort}`)
    const am = start(
      'prometheus-alertmanager',
      [
        `--config.file=${join(dir, 'alertmanager.yml')}`,
        `--storage.path=${join(dir, 'am')}`,
        `--web.listen-address=127.0.0.1:${alertmanagerPort}`,
        '--cluster.listen-address=',
        '--log.level=warn'
      ],
      procs
    )
    const prometheusUrl = `http://127.0.0.1:${prometheusPort}`
    const alertmanagerUrl = `http://127.0.0.1:${alertmanagerPort}`
    const waitReady = [['alertmanager', `${alertmanagerUrl}/-/ready`, am]]
    if (metrics === 'prometheus') {
      const prom = start(
        'prometheus',
        [
          `--config.file=${join(dir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${join(dir, 'tsdb')}`,
          `--web.listen-address=127.0.0.1:${prometheusPort}`,
          '--log.level=warn'
        ],
        procs
      )
      waitReady.push(['prometheus', `${prometheusUrl}/-/ready`, prom])
    } else if (metrics === 'victoriametrics') {
      ensureVictoriaMetrics()
      const vmalertPort = await freePort()
      const vm = start(
        'victoria-metrics',
        [
          `-storageDataPath=${join(dir, 'vm')}`,
          `-httpListenAddr=127.0.0.1:${prometheusPort}`,
          `-promscrape.config=${join(dir, 'prometheus.yml')}`,
          `-vmalert.proxyURL=http://127.0.0.1:${vmalertPort}`,
          '-retentionPeriod=1',
          // Serve the newest samples at once (the default hides the last 30 s).
          '-search.latencyOffset=0s',
          '-loggerLevel=ERROR'
        ],
        procs
      )
      waitReady.push(['victoria-metrics', `${prometheusUrl}/health`, vm])
      if (rules.length) {
        const vmalert = start(
          'vmalert',
          [
            ...rules.map((r) => `-rule=${r}`),
            `-datasource.url=${prometheusUrl}`,
            `-remoteWrite.url=${prometheusUrl}`,
            `-notifier.url=${alertmanagerUrl}`,
            `-evaluationInterval=${evaluationIntervalSeconds}s`,
            `-httpListenAddr=127.0.0.1:${vmalertPort}`,
            '-loggerLevel=ERROR'
          ],
          procs
        )
        waitReady.push(['vmalert', `http://127.0.0.1:${vmalertPort}/-/ready`, vmalert])
      }
    } else throw new Error(`metrics backend ${metrics}: expected prometheus or victoriametrics`)
    for (const [name, url, child] of waitReady) {
      await poll(
        `${name} ready`,
        async () => {
          if (child.exitCode !== null) throw new Error(child.output())
          return (await fetch(url)).ok
        },
        20_000
      )
    }
    // Prometheus discovers targets every 5 s: wait until every exporter has been scraped.
    onStep('waiting for Prometheus to scrape every exporter (it discovers targets every 5 s)')
    await poll(
      'every exporter scraped',
      async () => {
        const r = await (await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent('sum(up{job="shop"})')}`)).json()
        return Number(r.data?.result?.[0]?.value?.[1] ?? 0) === exporters.length
      },
      30_000
    )
    if (warmScrapes > 1) {
      onStep(`waiting for ${warmScrapes} scrapes of every exporter`)
      await poll(
        `${warmScrapes} scrapes of every exporter`,
        async () => {
          const q = `min(count_over_time(up{job="shop"}[10m]))`
          const r = await (await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(q)}`)).json()
          return Number(r.data?.result?.[0]?.value?.[1] ?? 0) >= warmScrapes
        },
        30_000 + warmScrapes * scrapeIntervalSeconds * 2000
      )
    }
    if (rules.length) {
      // vmalert loads its rule files a moment after it is ready; the run reads them through the backend.
      await poll(
        'the rule groups served at /api/v1/rules',
        async () => ((await (await fetch(`${prometheusUrl}/api/v1/rules`)).json()).data?.groups?.length ?? 0) > 0,
        30_000
      )
    }
    return { prometheusUrl, alertmanagerUrl, oncall, stop }
  } catch (err) {
    await stop()
    throw err
  }
}
