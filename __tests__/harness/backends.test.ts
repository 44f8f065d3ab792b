import { startPrometheus, startAlertmanager, type RunningBackend } from './backends.js'

describe('test harness backends', () => {
  const running: RunningBackend[] = []
  afterAll(async () => {
    await Promise.all(running.map((b) => b.stop()))
  })

  test('prometheus scrapes itself and alertmanager answers', async () => {
    const prom = await startPrometheus()
    running.push(prom)
    await prom.stop()
    const prom2 = await startPrometheus({
      configYaml: `scrape_configs:\n  - job_name: self\n    static_configs:\n      - targets: ['127.0.0.1:${prom.port}']\n`
    })
    running.push(prom2)
    const am = await startAlertmanager('route:\n  receiver: default\nreceivers:\n  - name: default\n')
    running.push(am)
    const status = (await (await fetch(`${am.url}/api/v2/status`)).json()) as { config: { original: string } }
    expect(status.config.original).toContain('default')
    expect(prom2.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })
})
