// The example's live monitoring stack on loopback: demo service exporters, a real Prometheus
// (with the example's alert rules) and a real Alertmanager (Debian packages, installed when
// missing), and the on-call simulator. Used by `npm run example` and `npm run bench`.
import { spawn, spawnSync } from 'node:child_process'
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
        'global: { scrape_interval: 1s, evaluation_interval: 1s }',
        rules.length ? `rule_files: [${rules.map((r) => JSON.stringify(r)).join(', ')}]` : '',
        `alerting: { alertmanagers: [ { static_configs: [ { targets: ['127.0.0.1:${alertmanagerPort}'] } ] } ] }`,
        'scrape_configs:',
        `  - job_name: shop`,
        `    static_configs: [ { targets: [${exporters.map((e) => `'127.0.0.1:${e.port}'`).join(', ')}] } ]`
      ].join('\n') + '\n'
    )
    onStep(`Alertmanager on :${alertmanagerPort} and Prometheus on :${prometheusPort}`)
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
    const prometheusUrl = `http://127.0.0.1:${prometheusPort}`
    const alertmanagerUrl = `http://127.0.0.1:${alertmanagerPort}`
    for (const [name, url, child] of [
      ['alertmanager', alertmanagerUrl, am],
      ['prometheus', prometheusUrl, prom]
    ]) {
      await poll(
        `${name} ready`,
        async () => {
          if (child.exitCode !== null) throw new Error(child.output())
          return (await fetch(`${url}/-/ready`)).ok
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
    return { prometheusUrl, alertmanagerUrl, oncall, stop }
  } catch (err) {
    await stop()
    throw err
  }
}
