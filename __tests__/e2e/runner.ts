/**
 * Runs `dist/index.js` the way the Actions runner runs a `node24` action: a child process with the
 * action's inputs as `INPUT_<NAME>` variables (upper case, dashes kept, every declared input set,
 * defaults filled in), the runner's file commands (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, ...) and the
 * run's context variables, and nothing inherited from the test process. Then reads back what the
 * runner would: outputs, step summary, workflow commands in stdout, exit code.
 */
import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { EXAMPLES, GITHUB_TOKEN, REPOSITORY, ROOT, type E2eStack } from './stack.js'

export const ACTION_ENTRY = join(ROOT, 'dist', 'index.js')
/** The commit the example evidence names; the run is for it. */
const RELEASE_SHA = '3f9c2ab71d4e5c08a6b2f1e9d7c3a5b4e6f80912'

export interface Workspace {
  dir: string
  /** Where the action writes the package (output-dir resolved in the workspace). */
  packageDir: string
}

/**
 * A checkout of the example, with every loopback address rewritten to the stack's ports: the
 * backends in the config, the receivers in alertmanager.yml, the probe endpoints in the evidence.
 * `edit` changes files of this copy (relative path -> new content from old).
 */
export function prepareWorkspace(root: string, stack: E2eStack, edit: Record<string, (text: string) => string> = {}): Workspace {
  const dir = mkdtempSync(join(root, 'workspace-'))
  cpSync(EXAMPLES, dir, { recursive: true })
  const rewrites: Array<[string, string]> = [
    ['http://127.0.0.1:19090', stack.prometheus.url],
    ['http://127.0.0.1:19093', stack.alertmanager.url],
    ['http://127.0.0.1:19099', stack.oncall.url],
    ['127.0.0.1:18080', `127.0.0.1:${stack.exporterPorts.checkout}`],
    ['127.0.0.1:18081', `127.0.0.1:${stack.exporterPorts.payments}`],
    ['127.0.0.1:18082', `127.0.0.1:${stack.exporterPorts.catalog}`]
  ]
  for (const file of [
    'sre-monitoring.yml',
    'alertmanager.yml',
    'evidence/post-deployment-validation.json',
    'evidence/DEPLOYMENT-REPORT.md',
    'evidence/deployment-health-log.md'
  ]) {
    const path = join(dir, file)
    let text = readFileSync(path, 'utf8')
    for (const [from, to] of rewrites) text = text.replaceAll(from, to)
    writeFileSync(path, text)
  }
  for (const [file, change] of Object.entries(edit)) {
    const path = join(dir, file)
    const before = readFileSync(path, 'utf8')
    const after = change(before)
    if (after === before) throw new Error(`the edit of ${file} changed nothing`)
    writeFileSync(path, after)
  }
  return { dir, packageDir: join(dir, '.artifacts', 'monitoring') }
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  properties: Record<string, string>
  message: string
}

export interface ActionRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** stdout lines as the log shows them: workflow commands the runner consumes are left out. */
  logLines: string[]
  outputs: Record<string, string>
  outputFileText: string
  summary: string
  annotations: Annotation[]
  /** Values registered with ::add-mask::. */
  masked: string[]
  durationMs: number
}

export interface RunArgs {
  stack: E2eStack
  workspace: Workspace
  /** Temp root for the runner's files. */
  root: string
  runId: number
  runAttempt?: number
  /** ACTIONS_RUNTIME_TOKEN of the job (from the artifact stand-in). */
  runtimeToken: string
  /** Inputs by their action.yml names; the rest take their action.yml defaults. */
  inputs?: Record<string, string>
  /** The node binary that runs the action (the runner's node24). */
  node?: string
  /** The triggering event; by default a workflow_dispatch on main. */
  event?: RunEvent
  timeoutMs?: number
}

export interface RunEvent {
  /** GITHUB_EVENT_NAME */
  name: string
  /** The webhook payload the runner writes to GITHUB_EVENT_PATH. */
  payload: Record<string, unknown>
  /** GITHUB_REF, e.g. refs/pull/7/merge for a pull request. */
  ref: string
  /** GITHUB_HEAD_REF and GITHUB_BASE_REF, which the runner sets for pull request events only. */
  headRef?: string
  baseRef?: string
}

const WORKFLOW_DISPATCH: RunEvent = {
  name: 'workflow_dispatch',
  payload: {
    inputs: {},
    ref: 'refs/heads/main',
    repository: { full_name: REPOSITORY, name: 'shop', owner: { login: 'acme' } },
    sender: { login: 'release-captain' },
    workflow: '.github/workflows/monitoring.yml'
  },
  ref: 'refs/heads/main'
}

/** The declared inputs with their defaults, `${{ github.token }}` resolved as the runner does. */
function inputsFromActionYml(token: string): Record<string, string> {
  const doc = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }
  const out: Record<string, string> = {}
  for (const [name, spec] of Object.entries(doc.inputs)) out[name] = String(spec.default ?? '').replace('${{ github.token }}', token)
  return out
}

/** The runner's env name for an input: `INPUT_` + name upper-cased, spaces to underscores, dashes kept. */
export const inputVariable = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`

export async function runAction(args: RunArgs): Promise<ActionRun> {
  const { stack, workspace, runId } = args
  const attempt = args.runAttempt ?? 1
  const files = mkdtempSync(join(args.root, `runner-${runId}-${attempt}-`))
  const fileCommands = ['output', 'step_summary', 'env', 'path', 'state'].map((n) => [n, join(files, `${n}.txt`)] as const)
  for (const [, path] of fileCommands) writeFileSync(path, '')
  const file = Object.fromEntries(fileCommands) as Record<string, string>
  const runnerTemp = join(files, 'runner-temp')
  mkdirSync(runnerTemp)
  const event = args.event ?? WORKFLOW_DISPATCH
  const eventPath = join(files, 'event.json')
  writeFileSync(eventPath, JSON.stringify(event.payload))

  const inputs = { ...inputsFromActionYml(GITHUB_TOKEN), 'evidence-path': 'evidence', config: 'sre-monitoring.yml', ...args.inputs }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace.dir,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_RUN_ID: String(runId),
    GITHUB_RUN_NUMBER: '17',
    GITHUB_RUN_ATTEMPT: String(attempt),
    GITHUB_WORKFLOW: 'monitoring',
    GITHUB_WORKFLOW_REF: `${REPOSITORY}/.github/workflows/monitoring.yml@${event.ref}`,
    GITHUB_JOB: 'protocol-12',
    GITHUB_ACTION: 'sre-monitoring',
    GITHUB_ACTOR: 'release-captain',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: RELEASE_SHA,
    GITHUB_REF: event.ref,
    ...(event.headRef !== undefined ? { GITHUB_HEAD_REF: event.headRef } : {}),
    ...(event.baseRef !== undefined ? { GITHUB_BASE_REF: event.baseRef } : {}),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: stack.github.url,
    GITHUB_GRAPHQL_URL: `${stack.github.url}/graphql`,
    GITHUB_OUTPUT: file.output!,
    GITHUB_STEP_SUMMARY: file.step_summary!,
    GITHUB_ENV: file.env!,
    GITHUB_PATH: file.path!,
    GITHUB_STATE: file.state!,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    ACTIONS_RUNTIME_TOKEN: args.runtimeToken,
    ACTIONS_RESULTS_URL: `${stack.artifacts.url}/`
  }
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value

  const started = Date.now()
  const child = spawn(args.node ?? process.execPath, [ACTION_ENTRY], { cwd: workspace.dir, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const timeoutMs = args.timeoutMs ?? 150_000
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the action did not finish within ${timeoutMs} ms; stdout so far:\n${stdout.slice(-4000)}`))
    }, timeoutMs)
    child.on('error', reject)
    child.on('close', (c, s) => {
      clearTimeout(timer)
      resolve({ code: c, signal: s })
    })
  })
  const outputFileText = readFileSync(file.output!, 'utf8')
  const lines = stdout.split(/\r?\n/)
  return {
    code,
    signal,
    stdout,
    stderr,
    logLines: lines.filter((l) => !l.startsWith('::add-mask::')),
    outputs: parseOutputFile(outputFileText),
    outputFileText,
    summary: readFileSync(file.step_summary!, 'utf8'),
    annotations: parseAnnotations(lines),
    masked: lines.filter((l) => l.startsWith('::add-mask::')).map((l) => l.slice('::add-mask::'.length)),
    durationMs: Date.now() - started
  }
}

/**
 * The GITHUB_OUTPUT file as the runner reads it: `name=value` lines, or `name<<DELIMITER` followed
 * by the value's lines and a line that is exactly DELIMITER. Malformed content throws, as it fails
 * the step on the runner.
 */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line === '') continue
    const eq = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (heredoc >= 0 && (eq < 0 || heredoc < eq)) {
      const name = line.slice(0, heredoc)
      const delimiter = line.slice(heredoc + 2)
      if (!name || !delimiter) throw new Error(`GITHUB_OUTPUT line ${i + 1}: bad heredoc header ${JSON.stringify(line)}`)
      const value: string[] = []
      let closed = false
      for (i++; i < lines.length; i++) {
        if (lines[i] === delimiter) {
          closed = true
          break
        }
        value.push(lines[i]!)
      }
      if (!closed) throw new Error(`GITHUB_OUTPUT: output ${name} has no closing delimiter ${delimiter}`)
      out[name] = value.join('\n')
    } else if (eq > 0) {
      out[line.slice(0, eq)] = line.slice(eq + 1)
    } else {
      throw new Error(`GITHUB_OUTPUT line ${i + 1} is neither name=value nor name<<delimiter: ${JSON.stringify(line)}`)
    }
  }
  return out
}

const unescapeData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProperty = (s: string): string =>
  s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')

/** `::error title=...,file=...::message` workflow commands, unescaped. */
export function parseAnnotations(lines: string[]): Annotation[] {
  const out: Annotation[] = []
  for (const line of lines) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!m) continue
    const properties: Record<string, string> = {}
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const at = pair.indexOf('=')
      properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1))
    }
    out.push({ level: m[1] as Annotation['level'], properties, message: unescapeData(m[3]!) })
  }
  return out
}

/** Every file under dir, as paths relative to it. */
export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else out.push(relative(dir, p))
    }
  }
  walk(dir)
  return out.sort()
}
