// Installs Prometheus and Alertmanager once, before jest starts its workers: suites running in
// parallel must not race each other for the package manager's lock.
import { spawnSync } from 'node:child_process'

const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0

export default function globalSetup() {
  if (has('prometheus') && has('prometheus-alertmanager') && has('promtool')) return
  if (process.env.SRE_TEST_NO_INSTALL) return
  console.log('\nInstalling prometheus and prometheus-alertmanager from Debian for the live suites...')
  const r = spawnSync(
    'sh',
    ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus prometheus-alertmanager'],
    { stdio: 'inherit', timeout: 300_000 }
  )
  if (r.status !== 0) console.log('WARNING: Prometheus/Alertmanager could not be installed: the live suites will fail.')
}
