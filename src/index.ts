/**
 * The one bundle's entry. `node dist/index.js` (how the runner starts the action) runs the
 * action; `dist/cli.js` marks the command line and imports this file. Each path loads only
 * its own modules.
 */
const entry = globalThis as { __SRE_MONITORING_CLI__?: boolean }

if (entry.__SRE_MONITORING_CLI__) {
  const { main } = await import('./cli/main.js')
  process.exitCode = await main(process.argv.slice(2))
} else {
  const { run } = await import('./main.js')
  await run()
}
