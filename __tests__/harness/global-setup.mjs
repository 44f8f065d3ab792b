// Installs the live backends once, before jest starts its workers: suites running in parallel
// must not race each other for the package manager's lock.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const script = fileURLToPath(new URL('../../scripts/install-backends.sh', import.meta.url))

export default function globalSetup() {
  if (process.env.SRE_TEST_NO_INSTALL) return
  const r = spawnSync('bash', [script, 'all'], { stdio: 'inherit', timeout: 600_000 })
  if (r.status !== 0) console.log('WARNING: the live backends could not all be installed: the live suites will fail.')
}
