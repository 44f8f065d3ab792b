/**
 * Everything the bundled action talks to in an end-to-end run, on free loopback ports: the
 * example's monitoring stack (demo service exporters, a real Prometheus with the example's alert
 * rules, a real Alertmanager routing to the on-call simulator) and GitHub (the REST stand-in, the
 * artifact results service stand-in and azurite for the blobs). One stack serves every case.
 *
 * The stack is built from __tests__/harness rather than scripts/lib/demo-stack.mjs: the demo stack
 * scrapes every exporter into one job, and the failing-traces case needs a second, degraded
 * traces pipeline beside the healthy one (see DEGRADED_TRACES_METRIC).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startAzurite, type Azurite } from '../standins/azurite.js'
import { ArtifactServiceStandIn } from '../standins/artifact-service.js'
import { startGitHubApi, type GitHubApiStandIn } from '../standins/github-api.js'
import { promQuery, startAlertmanager, startPrometheus, waitFor, type RunningBackend } from '../harness/backends.js'
import { OnCallSimulator } from '../../scripts/lib/oncall-simulator.mjs'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const EXAMPLES = join(ROOT, 'examples')
export const REPOSITORY = 'acme/shop'
/** The job's token: allowed what the action's workflow grants it. */
export const GITHUB_TOKEN = 'ghs_e2eJobToken7f3a9c1d5e8b2f4a6c0d9e1b3a5c'

/**
 * The traces of the degraded exporter (`--no-traces payments`), renamed at scrape time so they
 * sit beside the healthy `spans_total` in the same Prometheus. A config whose traces signal
 * queries this metric sees checkout and catalog traced and payments not.
 */
export const DEGRADED_TRACES_METRIC = 'degraded_spans_total'

export interface DemoExporter {
  port: number
  services: string[]
  process: ChildProcess
  output: () => string
}

export interface E2eStack {
  /** Probe endpoint port of each service's exporter (what the evidence names). */
  exporterPorts: Record<'checkout' | 'payments' | 'catalog', number>
  prometheus: RunningBackend
  alertmanager: RunningBackend
  oncall: OnCallSimulator
  azurite: Azurite
  artifacts: ArtifactServiceStandIn
  github: GitHubApiStandIn
  stop: () => Promise<void>
}

async function startExporter(services: string[], extraArgs: string[] = []): Promise<DemoExporter> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'scripts', 'lib', 'demo-exporter.mjs'), '--port', '0', '--services', services.join(','), ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let out = ''
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()))
  const port = await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`demo exporter exited: ${out}`)
      const m = /listening (\d+)/.exec(out)
      return m ? Number(m[1]) : undefined
    },
    10_000,
    `demo exporter for ${services.join(',')}`
  )
  return { port, services, process: child, output: () => out }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}

/** The example's alertmanager.yml with its receivers pointed at the simulator. */
export function alertmanagerConfigFor(oncallUrl: string): string {
  return readFileSync(join(EXAMPLES, 'alertmanager.yml'), 'utf8').replaceAll('http://127.0.0.1:19099', oncallUrl)
}

export async function startE2eStack(): Promise<E2eStack> {
  const stops: Array<() => Promise<void>> = []
  const stop = async (): Promise<void> => {
    // Reverse order of start; every part is stopped even if one of them fails to.
    const errors: unknown[] = []
    for (const s of stops.reverse()) await s().catch((e: unknown) => errors.push(e))
    if (errors.length) throw new Error(`stopping the stack: ${errors.map(String).join('; ')}`)
  }
  try {
    const oncall = await new OnCallSimulator({ ackDelayMs: () => 500 }).start()
    stops.push(() => oncall.stop())
    const alertmanager = await startAlertmanager(alertmanagerConfigFor(oncall.url))
    stops.push(() => alertmanager.stop())

    const exporters: DemoExporter[] = []
    stops.push(() => Promise.all(exporters.map((e) => stopProcess(e.process))).then(() => undefined))
    for (const service of ['checkout', 'payments', 'catalog']) exporters.push(await startExporter([service]))
    const degraded = await startExporter(['checkout', 'payments', 'catalog'], ['--no-traces', 'payments'])
    exporters.push(degraded)
    const healthy = exporters.slice(0, 3)

    const prometheus = await startPrometheus({
      rules: { 'slo-alerts.yml': readFileSync(join(EXAMPLES, 'rules', 'slo-alerts.yml'), 'utf8') },
      configYaml: [
        `alerting: { alertmanagers: [ { static_configs: [ { targets: ['127.0.0.1:${alertmanager.port}'] } ] } ] }`,
        'scrape_configs:',
        '  - job_name: shop',
        `    static_configs: [ { targets: [${healthy.map((e) => `'127.0.0.1:${e.port}'`).join(', ')}] } ]`,
        // Only the degraded exporter's traces are kept, under their own name: its other series
        // would double the healthy fleet's traffic.
        '  - job_name: shop-degraded-traces',
        `    static_configs: [ { targets: ['127.0.0.1:${degraded.port}'] } ]`,
        '    metric_relabel_configs:',
        "      - { source_labels: [__name__], regex: 'spans_total', action: keep }",
        `      - { source_labels: [__name__], regex: 'spans_total', target_label: __name__, replacement: '${DEGRADED_TRACES_METRIC}' }`
      ].join('\n')
    })
    stops.push(() => prometheus.stop())
    // Prometheus discovers targets after a few seconds: wait until every signal of every service
    // has been scraped, so the first case does not race the first scrape.
    await waitFor(
      async () => {
        const counts = await Promise.all(
          ['http_requests_total', 'log_lines_total', 'spans_total', DEGRADED_TRACES_METRIC].map(
            async (m) => (await promQuery(prometheus.url, `count(count by (service) (${m}))`))[0]?.value[1]
          )
        )
        return counts.join(',') === '3,3,3,2'
      },
      30_000,
      'every exporter scraped'
    )
    // The exporters count one error per hundred requests, so a service's first 5xx shows up only
    // after some seconds. Until then the live error ratio reads 0 and the evidence's error-rate
    // claim looks right; after, it is refuted, and the 1% error ratio (10x the 99.9% SLOs' budget)
    // sets off the example's burn-rate alerts (page and ticket, checkout and payments), which the
    // alert tuning correlates with incidents. Wait for that settled state, so that a run and its
    // re-run see the same live data and file the same backlog.
    await waitFor(
      async () =>
        (await promQuery(prometheus.url, 'count(sum by (service) (rate(http_requests_total{job="shop",code=~"5.."}[5m])) > 0)'))[0]
          ?.value[1] === '3',
      60_000,
      'a 5xx rate for every service'
    )
    await waitFor(
      async () =>
        (await promQuery(prometheus.url, 'count(ALERTS{alertstate="firing", alertname=~".+ErrorBudgetBurn.*"})'))[0]?.value[1] === '4',
      60_000,
      'the burn-rate alerts of both SLOs firing'
    )

    // The example's 5m baseline window judges a figure only over at least a thirtieth of it (10 s)
    // of data: below that every claim is `insufficient data` and files no backlog item. On a busy
    // machine the alerts above can fire within seconds of the first scrape, so also wait until the
    // data spans twice that minimum; otherwise a first run judges nothing and its re-run (with more
    // data) files the refuted claims as new issues.
    await waitFor(
      async () =>
        Number(
          (await promQuery(prometheus.url, 'time() - min(min_over_time(timestamp(http_requests_total{job="shop"})[5m:1s]))'))[0]?.value[1]
        ) >= 20,
      60_000,
      '20 s of data in the baseline window'
    )

    const azurite = await startAzurite()
    stops.push(() => azurite.stop())
    const artifacts = new ArtifactServiceStandIn(azurite.accountUrl)
    await artifacts.start()
    stops.push(() => artifacts.stop())
    const github = await startGitHubApi()
    stops.push(() => github.stop())
    github.artifacts = artifacts
    // What a monitoring workflow grants: issues (backlog), actions read (approvals, artifacts),
    // contents write (repository_dispatch), pull requests (the comment).
    github.grant(GITHUB_TOKEN, { issues: 'write', actions: 'read', contents: 'write', pull_requests: 'write' })

    const port = (s: string): number => healthy.find((e) => e.services.includes(s))!.port
    return {
      exporterPorts: { checkout: port('checkout'), payments: port('payments'), catalog: port('catalog') },
      prometheus,
      alertmanager,
      oncall,
      azurite,
      artifacts,
      github,
      stop
    }
  } catch (err) {
    await stop().catch(() => undefined)
    throw err
  }
}
