#!/usr/bin/env node
// Runs the action's main job on the bundled example: the shop release v2.4.0 in examples/,
// against a live monitoring stack on loopback (real Prometheus and Alertmanager, demo service
// exporters, an on-call person who acknowledges after 1.5 s). The package is written to
// .artifacts/example/monitoring and delivered to .artifacts/example/delivered.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startDemoStack } from './lib/demo-stack.mjs'
import { exampleJobArgs } from './lib/example-job.mjs'

const root = resolve(import.meta.dirname, '..')
const out = join(root, '.artifacts', 'example')
const workspace = join(out, 'workspace')
rmSync(out, { recursive: true, force: true })
// Work on a copy: the run updates the runbook, and the example in the repository stays as it is.
cpSync(join(root, 'examples'), workspace, { recursive: true })

// Say what is happening from the first moment: starting the stack takes several seconds.
const tty = process.stderr.isTTY
const colour = process.env.NO_COLOR
  ? false
  : process.env.FORCE_COLOR !== undefined
    ? !/^(0|false)$/i.test(process.env.FORCE_COLOR)
    : tty && process.env.TERM !== 'dumb'
const dim = (s) => (colour ? `\u001b[2m${s}\u001b[22m` : s)
const started = Date.now()
let step = ''
const secs = () => `${((Date.now() - started) / 1000).toFixed(1)} s`
const ticker = tty ? setInterval(() => process.stderr.write(`\r\u001b[2K${dim(`… ${step} (${secs()})`)}`), 250) : undefined
const onStep = (text) => {
  step = text
  if (tty) process.stderr.write(`\r\u001b[2K${dim(`… ${step} (${secs()})`)}`)
  else process.stderr.write(`example: ${text}\n`)
}
process.stderr.write(
  `Starting the example's monitoring stack on loopback (real Prometheus and Alertmanager, demo exporters, an on-call simulator)...\n`
)
const stack = await startDemoStack({
  onStep,
  exporters: [
    { port: 18080, services: ['checkout'] },
    { port: 18081, services: ['payments'] },
    { port: 18082, services: ['catalog'] }
  ],
  prometheusPort: 19090,
  alertmanagerPort: 19093,
  oncallPort: 19099,
  alertmanagerConfig: readFileSync(join(workspace, 'alertmanager.yml'), 'utf8'),
  ruleFiles: [join(workspace, 'rules', 'slo-alerts.yml')].filter(existsSync)
})
clearInterval(ticker)
process.stderr.write(
  `${tty ? '\r\u001b[2K' : ''}Stack ready in ${secs()}: Prometheus :19090, Alertmanager :19093, on-call :19099. Running the main job (node dist/cli.js)...\n`
)
if (process.argv.includes('--stack-only')) {
  // For a workflow that runs the action itself (uses: ./) against the stack: keep it up until
  // SIGTERM, and say when it is ready.
  writeFileSync(join(out, 'stack-ready'), `${process.pid}\n`)
  console.log('example stack ready: Prometheus :19090, Alertmanager :19093, on-call :19099')
  await new Promise((resolve) => {
    process.once('SIGTERM', resolve)
    process.once('SIGINT', resolve)
  })
  await stack.stop()
  process.exit(0)
}
let status
try {
  const args = exampleJobArgs(workspace, out, { extra: process.argv.slice(2).filter((a) => a !== '--stack-only') })
  // Asynchronous: the on-call simulator answers from this process while the job runs.
  const child = spawn(process.execPath, args, { stdio: 'inherit' })
  status = await new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)))
} finally {
  await stack.stop()
}
console.log(`Job summary (Markdown): ${join(out, 'summary.md')}`)
process.exit(status)
