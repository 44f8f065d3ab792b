/**
 * Command-line entry: runs the same protocol core outside GitHub Actions. Without a GitHub token
 * nothing is uploaded or filed; the issues that would be filed are written to a file.
 */
import { stat, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { runLabel } from '../github/context.js'
import { LocalGitHubPort } from '../protocol/local-port.js'
import { INPUT_DEFAULTS as D } from '../settings/defaults.js'
import { FAIL_ON, MODES } from '../settings/inputs.js'
import { runProtocolGuarded } from '../protocol/run.js'
import { renderSummary, renderTerminal } from '../report/summary.js'
import { safeLine } from '../util/log.js'
import { neutraliseLog, redact, registerConfigFileSecrets } from '../util/redact.js'
import { GENERATOR, VERSION } from '../version.js'
import { CliLogger, type CliStream } from './output.js'
import { styleFor } from './style.js'
import { nearest } from './suggest.js'

const USAGE = `Usage: sre-monitoring [options]

Runs Protocol 12 (post-deployment monitoring) on a deploy's evidence and writes the package.

  --evidence DIR        Protocol 11 evidence folder (default ${D['evidence-path']})
  --config FILE         config file (default ${D.config})
  --output DIR          package folder (default ${D['output-dir']})
  --workspace DIR       repository root; other paths are relative to it (default: current folder)
  --mode MODE           post-deploy or assurance (default ${D.mode})
  --alert-tests BOOL    send synthetic alerts (default ${D['alert-tests']})
  --approved-by NAMES   approvers, comma separated
  --on-call-owner NAME  on-call owner of the monitoring configuration
  --summary-file FILE   also write the Markdown job summary there
  --deliver-to DIR      deliver the package and the Protocol 13 handoff event to this folder
  --fail-on WHEN        gate (exit 1 when a gate fails) or never (default ${D['fail-on']})
  -v, --verbose         debug lines
  -h, --help            this text
  --version             the version

Colour on a terminal; NO_COLOR turns it off, FORCE_COLOR on.
Exit status: 0 all gates pass (or --fail-on never), 1 a gate failed, 2 bad usage or invalid input.`

export const CLI_OPTIONS = {
  evidence: { type: 'string', default: D['evidence-path'] },
  config: { type: 'string', default: D.config },
  output: { type: 'string', default: D['output-dir'] },
  workspace: { type: 'string', default: '.' },
  mode: { type: 'string', default: D.mode },
  'alert-tests': { type: 'string', default: D['alert-tests'] },
  'approved-by': { type: 'string' },
  'on-call-owner': { type: 'string' },
  'summary-file': { type: 'string' },
  'deliver-to': { type: 'string' },
  'fail-on': { type: 'string', default: D['fail-on'] },
  verbose: { type: 'boolean', short: 'v', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false }
} as const

const FLAGS = Object.keys(CLI_OPTIONS).map((k) => `--${k}`)
const VALUES: Record<string, readonly string[]> = {
  mode: MODES,
  'alert-tests': ['true', 'false'],
  'fail-on': FAIL_ON
}

export interface CliIo {
  stdout: CliStream
  stderr: CliStream
  env: NodeJS.ProcessEnv
  cwd: string
}

/** Bad usage or invalid input: said once, in the command line's words, with exit status 2. */
class UsageError extends Error {}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: CLI_OPTIONS, strict: true, allowPositionals: false }).values
  } catch (err) {
    const e = err as { code?: string; message: string }
    const flag = /'(-{1,2}[^' ]+)/.exec(e.message)?.[1]
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) {
      const guess = nearest(
        flag.replace(/^-+/, '').split('=')[0]!,
        FLAGS.map((f) => f.slice(2))
      )
      throw new UsageError(`unknown flag ${flag}${guess ? `; did you mean --${guess}?` : ''}`)
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
      const name = flag.replace(/^-+/, '')
      throw new UsageError(
        /argument missing/.test(e.message)
          ? `${flag} needs a value`
          : `${flag} takes no value (${name === 'verbose' || name === 'help' || name === 'version' ? 'it is a switch' : e.message}))`
      )
    }
    if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      const word = /'([^']+)'/.exec(e.message)?.[1] ?? ''
      const guess = nearest(
        word.replace(/\..*$/, ''),
        FLAGS.map((f) => f.slice(2))
      )
      throw new UsageError(`unexpected argument ${word}: every option is a --flag${guess ? `; did you mean --${guess}?` : ''}`)
    }
    throw new UsageError(e.message)
  }
}

function checkValue(name: string, value: string): void {
  const allowed = VALUES[name]!
  if (allowed.includes(value)) return
  const guess = nearest(value, allowed)
  throw new UsageError(`--${name} takes ${allowed.join(' or ')}, found ${value}${guess ? `; did you mean ${guess}?` : ''}`)
}

async function mustExist(flag: string, path: string, shown: string, kind: 'file' | 'folder', workspace: string): Promise<void> {
  const st = await stat(path).catch(() => undefined)
  const where = shown.startsWith('/') ? '' : ` in ${workspace}`
  if (!st) {
    const hint =
      flag === '--config'
        ? 'pass --config FILE, or run from the repository root (or give it with --workspace DIR)'
        : 'pass --evidence DIR: the folder with the deploy evidence (post-deployment-validation.json and the rest)'
    throw new UsageError(`${flag} ${shown}: no such ${kind}${where}; ${hint}`)
  }
  if (kind === 'file' && !st.isFile()) throw new UsageError(`${flag} ${shown}: a folder, expected a file`)
  if (kind === 'folder' && !st.isDirectory()) throw new UsageError(`${flag} ${shown}: a file, expected a folder`)
}

export async function main(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }
): Promise<number> {
  const errStyle = styleFor(io.env, !!io.stderr.isTTY)
  const outStyle = styleFor(io.env, !!io.stdout.isTTY)
  const usageError = (message: string): number => {
    io.stderr.write(`${errStyle.red('sre-monitoring:')} ${safeLine(message)}\nRun sre-monitoring --help for the flags.\n`)
    return 2
  }
  let args
  try {
    args = parse(argv)
    if (args.help) {
      io.stdout.write(USAGE + '\n')
      return 0
    }
    if (args.version) {
      io.stdout.write(`sre-monitoring ${VERSION} (${GENERATOR})\n`)
      return 0
    }
    for (const name of Object.keys(VALUES)) checkValue(name, String(args[name as keyof typeof args]))
    const workspace = resolve(io.cwd, args.workspace)
    const ws = await stat(workspace).catch(() => undefined)
    if (!ws?.isDirectory()) throw new UsageError(`--workspace ${args.workspace}: no such folder`)
    await mustExist('--config', resolve(workspace, args.config), args.config, 'file', workspace)
    await mustExist('--evidence', resolve(workspace, args.evidence), args.evidence, 'folder', workspace)
  } catch (err) {
    if (err instanceof UsageError) return usageError(err.message)
    throw err
  }

  const workspace = resolve(io.cwd, args.workspace)
  const log = new CliLogger(io.stderr, errStyle, args.verbose)
  await registerConfigFileSecrets(resolve(workspace, args.config), io.env, (s) => log.setSecret(s))
  const now = (): Date => new Date()
  const outputDir = resolve(workspace, args.output)
  // A crash still ends with the gates and the summary.
  const result = await runProtocolGuarded({
    evidenceDir: args.evidence,
    configPath: args.config,
    outputDir,
    workspace,
    mode: args.mode as 'post-deploy' | 'assurance',
    alertTestsApproved: args['alert-tests'] === 'true',
    approvedBy: args['approved-by'],
    onCallOwner: args['on-call-owner'],
    packageArtifact: args['deliver-to'] ? D['package-artifact'] : undefined,
    fileIssues: true,
    env: io.env,
    log,
    now,
    runId: runLabel(io.env),
    generator: GENERATOR,
    github: new LocalGitHubPort(outputDir, now, log, args['deliver-to'] ? resolve(io.cwd, args['deliver-to']) : undefined)
  }).finally(() => log.close())
  // Both leave the process: redacted, and the terminal text neutralised like every log line.
  if (args['summary-file']) {
    await writeFile(resolve(io.cwd, args['summary-file']), redact(renderSummary(result, {}))).catch((err: Error) =>
      io.stderr.write(
        `${errStyle.red('sre-monitoring:')} summary not written to ${args['summary-file']}: ${neutraliseLog(redact(err.message))}\n`
      )
    )
  }
  if (!result.model) {
    // The config or the evidence could not be read: the errors above say where; nothing was checked.
    io.stderr.write(
      `${errStyle.red('sre-monitoring:')} invalid input (the error(s) above): nothing was checked. Package with gate-results.json: ${result.packageDir}\n`
    )
    return 2
  }
  io.stdout.write('\n' + neutraliseLog(redact(renderTerminal(result, outStyle))) + '\n')
  return result.status === 'fail' && args['fail-on'] === 'gate' ? 1 : 0
}
