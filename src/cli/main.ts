
/**
 * Command-line entry: runs the same protocol core outside GitHub Actions. Without a GitHub token
 * nothing is uploaded or filed; the issues that would be filed are written to a file.
 */
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { LocalGitHubPort } from '../protocol/local-port.js'
import { runProtocol } from '../protocol/run.js'
import { renderSummary, renderTerminal } from '../report/summary.js'
import { TerminalLogger } from '../util/loggers.js'
import { neutraliseLog, redact, registerConfigFileSecrets } from '../util/redact.js'
import { GENERATOR } from '../version.js'

const USAGE = `Usage: sre-monitoring [options]

Runs Protocol 12 (post-deployment monitoring) on a deploy's evidence and writes the package.

  --evidence DIR        Protocol 11 evidence folder (default .artifacts/deployment)
  --config FILE         config file (default .github/sre-monitoring.yml)
  --output DIR          package folder (default .artifacts/monitoring)
  --workspace DIR       repository root; other paths are relative to it (default: current folder)
  --mode MODE           post-deploy (default) or assurance
  --alert-tests BOOL    send synthetic alerts (default true)
  --approved-by NAMES   approvers, comma separated
  --on-call-owner NAME  on-call owner of the monitoring configuration
  --summary-file FILE   also write the Markdown job summary there
  --deliver-to DIR      deliver the package and the Protocol 13 handoff event to this folder
  --fail-on WHEN        gate (default: exit 1 when a gate fails) or never
  -v, --verbose         debug lines
  -h, --help            this text

Exit status: 0 all gates pass (or --fail-on never), 1 a gate failed, 2 bad usage.`

export async function main(argv: string[]): Promise<number> {
  let args
  try {
    args = parseArgs({
      args: argv,
      options: {
        evidence: { type: 'string', default: '.artifacts/deployment' },
        config: { type: 'string', default: '.github/sre-monitoring.yml' },
        output: { type: 'string', default: '.artifacts/monitoring' },
        workspace: { type: 'string', default: '.' },
        mode: { type: 'string', default: 'post-deploy' },
        'alert-tests': { type: 'string', default: 'true' },
        'approved-by': { type: 'string' },
        'on-call-owner': { type: 'string' },
        'summary-file': { type: 'string' },
        'deliver-to': { type: 'string' },
        'fail-on': { type: 'string', default: 'gate' },
        verbose: { type: 'boolean', short: 'v', default: false },
        help: { type: 'boolean', short: 'h', default: false }
      },
      strict: true
    }).values
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`)
    return 2
  }
  if (args.help) {
    process.stdout.write(USAGE + '\n')
    return 0
  }
  const mode = args.mode
  if (mode !== 'post-deploy' && mode !== 'assurance') {
    process.stderr.write(`--mode must be post-deploy or assurance, found ${mode}\n`)
    return 2
  }
  if (!/^(true|false)$/.test(args['alert-tests'] ?? '') || !/^(gate|never)$/.test(args['fail-on'] ?? '')) {
    process.stderr.write('--alert-tests takes true or false; --fail-on takes gate or never\n')
    return 2
  }
  const workspace = resolve(args.workspace ?? '.')
  const log = new TerminalLogger(undefined, args.verbose)
  await registerConfigFileSecrets(resolve(workspace, args.config ?? '.github/sre-monitoring.yml'), process.env, (s) => log.setSecret(s))
  const now = (): Date => new Date()
  const outputDir = resolve(workspace, args.output ?? '.artifacts/monitoring')
  const result = await runProtocol({
    evidenceDir: args.evidence ?? '.artifacts/deployment',
    configPath: args.config ?? '.github/sre-monitoring.yml',
    outputDir,
    workspace,
    mode,
    alertTestsApproved: args['alert-tests'] === 'true',
    approvedBy: args['approved-by'],
    onCallOwner: args['on-call-owner'],
    packageArtifact: args['deliver-to'] ? 'monitoring-package' : undefined,
    fileIssues: true,
    env: process.env,
    log,
    now,
    runId: `local-${Date.now()}`,
    generator: GENERATOR,
    github: new LocalGitHubPort(outputDir, now, log, args['deliver-to'] ? resolve(args['deliver-to']) : undefined)
  })
  // Both leave the process: redacted, and the terminal text neutralised like every log line.
  if (args['summary-file']) await writeFile(resolve(args['summary-file']), redact(renderSummary(result, {})))
  process.stdout.write('\n' + neutraliseLog(redact(renderTerminal(result))) + '\n')
  return result.status === 'fail' && args['fail-on'] === 'gate' ? 1 : 0
}

