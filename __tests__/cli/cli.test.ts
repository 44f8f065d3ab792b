/**
 * The command line as a new user meets it: in a fresh folder, with typos, without a config, with
 * a bad config, on a terminal and in a pipe.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main, type CliIo } from '../../src/cli/main.js'
import { CliLogger, fmtDuration } from '../../src/cli/output.js'
import { COLOURS, colourWanted, PLAIN } from '../../src/cli/style.js'
import { nearest } from '../../src/cli/suggest.js'
import { VERSION } from '../../src/version.js'

class Capture {
  text = ''
  constructor(readonly isTTY = false) {}
  write(s: string): boolean {
    this.text += s
    return true
  }
}

function io(cwd: string, env: NodeJS.ProcessEnv = {}, tty = false): CliIo & { out: Capture; err: Capture } {
  const out = new Capture(tty)
  const err = new Capture(tty)
  return { stdout: out, stderr: err, env, cwd, out, err }
}

const fresh = (): string => mkdtempSync(join(tmpdir(), 'sre-cli-'))
function workspace(config: string): string {
  const dir = fresh()
  cpSync('examples/evidence', join(dir, 'evidence'), { recursive: true })
  writeFileSync(join(dir, 'sre-monitoring.yml'), config)
  return dir
}
const count = (text: string, part: string): number => text.split(part).length - 1

describe('sre-monitoring command line', () => {
  test('--version and --help answer and exit 0', async () => {
    const a = io(fresh())
    expect(await main(['--version'], a)).toBe(0)
    expect(a.out.text).toBe(`sre-monitoring ${VERSION} (sre-monitoring-action@${VERSION})\n`)
    const b = io(fresh())
    expect(await main(['--help'], b)).toBe(0)
    expect(b.out.text).toContain('Exit status: 0 all gates pass (or --fail-on never), 1 a gate failed, 2 bad usage or invalid input.')
  })

  test.each([
    [['--confg', 'x.yml'], 'unknown flag --confg; did you mean --config?'],
    [['--evidense=dir'], 'unknown flag --evidense; did you mean --evidence?'],
    [['--verbos'], 'unknown flag --verbos; did you mean --verbose?'],
    [['--zzzzzz'], 'unknown flag --zzzzzz'],
    [['--config'], '--config needs a value'],
    [['config.yml'], 'unexpected argument config.yml: every option is a --flag; did you mean --config?'],
    [['--mode', 'asurance'], '--mode takes post-deploy or assurance, found asurance; did you mean assurance?'],
    [['--alert-tests', 'yes'], '--alert-tests takes true or false, found yes'],
    [['--fail-on', 'nevr'], '--fail-on takes gate or never, found nevr; did you mean never?']
  ])('bad usage %j: one line saying what and what was meant, exit 2, no usage dump', async (argv, message) => {
    const a = io(fresh())
    expect(await main(argv, a)).toBe(2)
    expect(a.err.text).toBe(`sre-monitoring: ${message}\nRun sre-monitoring --help for the flags.\n`)
    expect(a.out.text).toBe('')
  })

  test('a fresh folder without a config: exit 2, said once, in flags (not action inputs)', async () => {
    const dir = fresh()
    const a = io(dir)
    expect(await main([], a)).toBe(2)
    expect(a.err.text).toBe(
      `sre-monitoring: --config .github/sre-monitoring.yml: no such file in ${dir}; pass --config FILE, or run from the repository root (or give it with --workspace DIR)\nRun sre-monitoring --help for the flags.\n`
    )
    expect(a.err.text).not.toMatch(/\binput\b/)
  })

  test('no evidence folder: exit 2 naming --evidence', async () => {
    const dir = workspace('version: 1\n')
    const a = io(dir)
    expect(await main(['--config', 'sre-monitoring.yml', '--evidence', 'nowhere'], a)).toBe(2)
    expect(a.err.text).toContain(`sre-monitoring: --evidence nowhere: no such folder in ${dir}; pass --evidence DIR`)
  })

  test('an invalid config: exit 2, each error said once, nothing checked', async () => {
    const dir = workspace('version: 1\nfreshnes: 5m\n')
    const a = io(dir)
    expect(await main(['--config', 'sre-monitoring.yml', '--evidence', 'evidence'], a)).toBe(2)
    const lines = a.err.text.split('\n').filter((l) => l.includes('freshnes'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^error: .*sre-monitoring\.yml:2/)
    expect(a.err.text).toContain('sre-monitoring: invalid input (the error(s) above): nothing was checked.')
    expect(a.out.text).toBe('')
  })

  test('a failing gate: exit 1, what failed first; --fail-on never: exit 0; plain text in a pipe', async () => {
    const config = 'version: 1\nservices:\n  - name: checkout\n    critical: true\n'
    const dir = workspace(config)
    const a = io(dir)
    expect(await main(['--config', 'sre-monitoring.yml', '--evidence', 'evidence', '--alert-tests', 'false', '--output', 'out'], a)).toBe(1)
    expect(a.out.text).toMatch(/^\nMonitoring is NOT in place\.\n/)
    expect(a.out.text).toContain(
      'What failed and what to do:\n  x instrumentation audit: not verified against live telemetry: no telemetry backends are configured'
    )
    expect(a.out.text + a.err.text).not.toContain('\u001b[')
    // The audit's one cause is said once for all the signals it left unchecked.
    expect(count(a.out.text, 'no telemetry backends are configured')).toBe(1)
    const b = io(dir)
    expect(
      await main(
        ['--config', 'sre-monitoring.yml', '--evidence', 'evidence', '--alert-tests', 'false', '--output', 'out', '--fail-on', 'never'],
        b
      )
    ).toBe(0)
    // FORCE_COLOR colours a pipe too; NO_COLOR wins over a terminal.
    const c = io(dir, { FORCE_COLOR: '1' })
    expect(await main(['--config', 'sre-monitoring.yml', '--evidence', 'evidence', '--alert-tests', 'false', '--output', 'out'], c)).toBe(1)
    expect(c.out.text).toContain(COLOURS.red(COLOURS.bold('Monitoring is NOT in place.')))
    expect(c.err.text).toContain(COLOURS.bold('[PHASE 1 START] - Reviewing deployment evidence to map monitoring requirements...'))
  }, 60_000)

  test('colour follows NO_COLOR, FORCE_COLOR and the terminal', () => {
    expect(colourWanted({}, true)).toBe(true)
    expect(colourWanted({}, false)).toBe(false)
    expect(colourWanted({ TERM: 'dumb' }, true)).toBe(false)
    expect(colourWanted({ NO_COLOR: '1' }, true)).toBe(false)
    expect(colourWanted({ NO_COLOR: '1', FORCE_COLOR: '1' }, false)).toBe(false)
    expect(colourWanted({ FORCE_COLOR: '1' }, false)).toBe(true)
    expect(colourWanted({ FORCE_COLOR: '0' }, true)).toBe(false)
  })

  test('on a terminal, a wait ticks with the time it took and the time left; in a pipe it is said once', () => {
    let now = 1_000_000
    const tty = new Capture(true)
    const log = new CliLogger(tty, PLAIN, false, () => now, 3_600_000)
    log.info('Triggering synthetic alerts to confirm notification pathways...')
    log.progress('waiting for 2 route(s) to be delivered and acknowledged', now + 330_000)
    now += 500
    log.tick()
    expect(tty.text).toBe('Triggering synthetic alerts to confirm notification pathways...\n') // under a second: quiet
    now += 4_500
    log.tick()
    expect(tty.text).toMatch(/\r\u001b\[2K… waiting for 2 route\(s\) to be delivered and acknowledged: 5 s, at most 5 m 25 s left$/)
    log.info('Alert test payments-page (alertmanager): passed')
    expect(tty.text).toMatch(/left\r\u001b\[2KAlert test payments-page \(alertmanager\): passed\n$/) // the status line is cleared first
    log.progress(undefined)
    now += 3_000
    log.tick()
    expect(tty.text).toMatch(/… working: 3 s since the last line$/)
    log.close()

    const pipe = new Capture(false)
    const plain = new CliLogger(pipe, PLAIN, false, () => now)
    plain.progress('waiting for 1 route(s) to be delivered and acknowledged', now + 90_000)
    plain.tick()
    expect(pipe.text).toBe('waiting for 1 route(s) to be delivered and acknowledged (at most 1 m 30 s)...\n')
    plain.close()
    expect(fmtDuration(61_000)).toBe('1 m 01 s')
  })

  test('a backend cause repeated by many errors is printed once, then counted', () => {
    const err = new Capture(false)
    const log = new CliLogger(err, PLAIN)
    for (const s of ['checkout', 'payments', 'catalog'])
      log.error(`backend error: ${s}/metrics: backend error: prometheus: unreachable (ECONNREFUSED) (POST http://127.0.0.1:9/api/v1/query)`)
    log.error('[ERROR] Monitoring approval not recorded.')
    log.error('[ERROR] Monitoring approval not recorded.')
    log.close()
    expect(count(err.text, 'ECONNREFUSED')).toBe(2) // the first line, and the count naming the cause
    expect(count(err.text, 'Monitoring approval not recorded')).toBe(1)
    expect(err.text).toContain(
      '(2 more line(s) with the same cause, prometheus: unreachable (ECONNREFUSED), left out; the summary below says it once)'
    )
  })

  test('suggestions only when close', () => {
    expect(nearest('confg', ['config', 'evidence'])).toBe('config')
    expect(nearest('out', ['output', 'evidence'])).toBe('output')
    expect(nearest('banana', ['config', 'evidence'])).toBeUndefined()
  })
})
