/**
 * The azurite blob emulator on a free loopback port, started as `node .../blob/main.js` so the PID
 * we stop is the server itself.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { freePort, waitFor } from '../harness/backends.js'

/** Azurite's well-known development account. */
export const AZURITE_ACCOUNT = 'devstoreaccount1'
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

export interface Azurite {
  /** e.g. http://127.0.0.1:41234/devstoreaccount1 */
  accountUrl: string
  port: number
  process: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

export async function startAzurite(): Promise<Azurite> {
  const require = createRequire(import.meta.url)
  const main = join(dirname(require.resolve('azurite/package.json')), 'dist/src/blob/main.js')
  const port = await freePort()
  const child = spawn(
    process.execPath,
    [
      main,
      '--inMemoryPersistence',
      '--skipApiVersionCheck',
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      '--disableTelemetry',
      '--silent'
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let out = ''
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()))
  const accountUrl = `http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((r) => child.once('exit', () => r()))
    child.kill('SIGTERM')
    // Azurite takes several seconds to shut down after SIGTERM; nothing of it needs keeping.
    const timer = setTimeout(() => child.kill('SIGKILL'), 1500)
    await exited
    clearTimeout(timer)
  }
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`azurite exited: ${out}`)
        const res = await fetch(`${accountUrl}?comp=list`)
        await res.arrayBuffer()
        return res.status > 0
      },
      20_000,
      'azurite blob service'
    )
  } catch (err) {
    await stop()
    throw err
  }
  return { accountUrl, port, process: child, output: () => out, stop }
}
