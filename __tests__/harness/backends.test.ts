import { promQuery, startAlertmanager, startPrometheus, waitFor, type RunningBackend } from './backends.js'

describe('test harness backends', () => {
  const running: RunningBackend[] = []
  afterEach(async () => {
    await Promise.all(running.splice(0).map((b) => b.stop()))
  })

  test('prometheus scrapes itself: the up series of its own job is 1', async () => {
    const prom = await startPrometheus({
      configYaml: (port) => `scrape_configs:\n  - job_name: self\n    static_configs:\n      - targets: ['127.0.0.1:${port}']\n`
    })
    running.push(prom)
    // Target discovery takes a few seconds: wait for the series to exist, then read its value.
    const up = await waitFor(async () => (await promQuery(prom.url, 'up{job="self"}'))[0], 30_000, 'up{job="self"}')
    expect(up.metric).toEqual({ __name__: 'up', job: 'self', instance: `127.0.0.1:${prom.port}` })
    expect(up.value[1]).toBe('1')
    // Scraped samples of its own metrics are queryable too: the scrape brought data, not only `up`.
    const own = await promQuery(prom.url, 'prometheus_build_info{job="self"}')
    expect(own).toHaveLength(1)
  })

  test('alertmanager answers with the config it was started with', async () => {
    const am = await startAlertmanager('route:\n  receiver: harness-default\nreceivers:\n  - name: harness-default\n')
    running.push(am)
    const status = (await (await fetch(`${am.url}/api/v2/status`)).json()) as { config: { original: string } }
    expect(status.config.original).toContain('harness-default')
  })
})
