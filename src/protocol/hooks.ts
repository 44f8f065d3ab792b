import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { validateAgainst } from '../package/schemas.js'

export interface HookOutcome<T> {
  /** How the seed's `[AUTOMATION] ... executed: {status}` line reports it. */
  status: string
  data?: T
  error?: string
}

/**
 * Run one of the seed's automation hooks (audit-command, alert-test-command, tuning-command): a
 * shell command that writes the artifact to $SRE_MONITORING_OUTPUT. What it writes is checked
 * against the artifact's schema like any built-in result; a command that fails, times out or
 * writes an invalid file produces no artifact.
 */
export async function runHook<T>(args: {
  command: string
  outputFile: string
  schemaFile?: string
  cwd: string
  env: NodeJS.ProcessEnv
  timeoutSeconds: number
  parse?: (text: string) => T
}): Promise<HookOutcome<T>> {
  const exit = await new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) => {
    const child = spawn('sh', ['-c', args.command], {
      cwd: args.cwd,
      env: { ...args.env, SRE_MONITORING_OUTPUT: args.outputFile },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000)
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), args.timeoutSeconds * 1000)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stderr })
    })
    child.on('error', (err) => {
      clearTimeout(timer)
      resolve({ code: null, signal: null, stderr: err.message })
    })
  })
  if (exit.signal === 'SIGKILL')
    return { status: `failed (timed out after ${args.timeoutSeconds} s)`, error: `command timed out after ${args.timeoutSeconds} s` }
  if (exit.code !== 0) {
    const detail = exit.stderr.trim().split('\n').slice(-3).join(' | ')
    return {
      status: `failed (exit ${exit.code ?? exit.signal})`,
      error: `command exited ${exit.code ?? exit.signal}${detail ? `: ${detail}` : ''}`
    }
  }
  let text: string
  try {
    text = await readFile(args.outputFile, 'utf8')
  } catch {
    return { status: 'failed (no output written)', error: `command succeeded but wrote nothing to ${args.outputFile}` }
  }
  if (!args.schemaFile) return { status: 'success', data: (args.parse ? args.parse(text) : text) as T }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    return { status: 'failed (output is not JSON)', error: `${args.outputFile}: ${(err as Error).message}` }
  }
  const check = validateAgainst(args.schemaFile, data)
  if (!check.valid) {
    return {
      status: 'failed (output fails its schema)',
      error: `${args.outputFile} fails ${args.schemaFile}: ${check.errors.slice(0, 5).join('; ')}`
    }
  }
  return { status: 'success', data: data as T }
}
