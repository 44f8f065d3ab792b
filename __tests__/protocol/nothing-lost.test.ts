/**
 * Nothing is lost: whatever goes wrong (bad config, bad evidence, an output folder that cannot be
 * written, an output path that is a file, a crashed phase), the run ends with the gates, a package
 * holding gate-results.json, a manifest saying what is missing and why, and the requirements file
 * saying what was refused, delivered where configured; the action's summary and outputs tell it,
 * and the error is printed once.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { runAction } from '../../src/action/run-action.js'
import { ANNOUNCE, runProtocol, type RunOptions } from '../../src/protocol/run.js'
import { defaultSteps } from '../../src/protocol/steps.js'
import { validateAgainst } from '../../src/package/schemas.js'
import type { Settings } from '../../src/settings/inputs.js'
import { MemoryLogger } from '../harness/memory-logger.js'
import { exampleWorkspace, runOptions } from '../harness/context.js'

/** A run that sends no alerts and files no issues, with its own runner temp folder. */
const options = (dir: string, log: MemoryLogger, over: Partial<RunOptions> = {}): RunOptions =>
  runOptions(dir, log, {
    alertTestsApproved: false,
    fileIssues: false,
    env: { RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'sre-runner-temp-')) },
    runId: 'lost-1',
    ...over
  })

/** The package in `dir`: gate results, a valid incomplete manifest with reasons, the requirements file. */
function expectPackage(
  dir: string,
  refusedText: RegExp
): { manifest: { status: string; missing: Array<{ name: string; reason: string }>; refused_input?: string[] } } {
  const gates = JSON.parse(readFileSync(join(dir, 'gate-results.json'), 'utf8'))
  expect(validateAgainst('gate-results.schema.json', gates).errors).toEqual([])
  expect(gates).toMatchObject({ status: 'fail', final: true })
  const manifest = JSON.parse(readFileSync(join(dir, 'monitoring-package-manifest.json'), 'utf8'))
  expect(validateAgainst('monitoring-package-manifest.schema.json', manifest).errors).toEqual([])
  expect(manifest.status).toBe('incomplete')
  expect(manifest.missing.length).toBeGreaterThan(0)
  for (const m of manifest.missing) expect(m.reason.length).toBeGreaterThan(0)
  const req = readFileSync(join(dir, 'monitoring-requirements.md'), 'utf8')
  expect(req).toMatch(refusedText)
  // What the run cost up to where it stopped, in the package and listed in the manifest.
  const stats = JSON.parse(readFileSync(join(dir, 'run-stats.json'), 'utf8'))
  expect(validateAgainst('run-stats.schema.json', stats).errors).toEqual([])
  expect(stats.complete).toBe(false)
  expect(manifest.artifacts.map((a: { name: string }) => a.name)).toContain('run-stats.json')
  return { manifest }
}

const times = (log: MemoryLogger, text: string): number => log.lines.filter((l) => l.message.includes(text)).length

describe('nothing is lost', () => {
  test('bad config: gates, manifest (incomplete, refused input), requirements saying what was refused, delivered; the error printed once', async () => {
    const dir = exampleWorkspace((c) => c.replace('freshness: 5m', 'freshness: five minutes'))
    const log = new MemoryLogger()
    const result = await runProtocol(options(dir, log))
    expect(result.status).toBe('fail')
    const [g1, g2, g3, g4] = result.gates
    expect(g1!.reasons[0]).toMatch(/^invalid input: .*sre-monitoring\.yml:\d+ at \/freshness: expected a duration/)
    for (const g of [g2, g3, g4]) expect(g!.reasons).toEqual(['not evaluated: see gate 1'])
    const { manifest } = expectPackage(join(dir, 'out'), /Not derived: the input was refused\.[\s\S]*\/freshness: expected a duration/)
    expect(manifest.refused_input!.join('\n')).toContain('/freshness')
    expect(manifest.missing.find((m) => m.name === 'instrumentation-audit.json')!.reason).toBe(
      'not produced: the input was refused (see refused_input)'
    )
    for (const f of ['gate-results.json', 'monitoring-package-manifest.json', 'monitoring-requirements.md'])
      expect(existsSync(join(dir, 'delivered', f))).toBe(true)
    // The one error, printed once (not once per gate).
    const message = log.lines.find((l) => l.level === 'error' && l.message.includes('/freshness'))!.message
    expect(times(log, message)).toBe(1)
  })

  test('bad evidence: the same, naming the evidence file', async () => {
    const dir = exampleWorkspace()
    writeFileSync(join(dir, 'evidence', 'post-deployment-validation.json'), '{"gate": "G11", ')
    const log = new MemoryLogger()
    const result = await runProtocol(options(dir, log))
    expect(result.gates[0]!.reasons[0]).toContain('post-deployment-validation.json')
    expectPackage(join(dir, 'out'), /Not derived: the input was refused\.[\s\S]*post-deployment-validation\.json/)
    expect(existsSync(join(dir, 'delivered', 'monitoring-package-manifest.json'))).toBe(true)
  })

  const asRoot = process.getuid?.() === 0
  test.each([
    // Root ignores file modes: a folder in sysfs is one even root cannot create.
    [
      'an output folder that cannot be written',
      (out: string) => {
        if (asRoot) return '/sys/sre-monitoring-out'
        mkdirSync(out)
        chmodSync(out, 0o555)
        return 'out'
      }
    ],
    [
      'an output path that is a file',
      (out: string) => {
        writeFileSync(out, 'not a folder')
        return 'out'
      }
    ],
    [
      'an output path under a file',
      (out: string) => {
        writeFileSync(out, 'not a folder')
        return 'out/package'
      }
    ]
  ])('%s: said once with the path and the cause; the package is written elsewhere and delivered', async (_what, prepare) => {
    const dir = exampleWorkspace()
    const outputDir = prepare(join(dir, 'out'))
    const log = new MemoryLogger()
    const result = await runProtocol(options(dir, log, { outputDir }))
    const said = log.lines.filter((l) => l.message.startsWith('Output folder '))
    expect(said).toHaveLength(1)
    expect(said[0]!.message).toMatch(
      /^Output folder \/.+ cannot be written \((EACCES|ENOTDIR|EEXIST|EPERM)[^)]*\); the package is written to .+sre-monitoring-package-lost-1 instead$/
    )
    expect(result.packageDir).toContain('sre-monitoring-package-lost-1')
    expect(existsSync(join(result.packageDir, 'gate-results.json'))).toBe(true)
    const manifest = JSON.parse(readFileSync(join(result.packageDir, 'monitoring-package-manifest.json'), 'utf8'))
    expect(validateAgainst('monitoring-package-manifest.schema.json', manifest).errors).toEqual([])
    expect(existsSync(join(dir, 'delivered', 'monitoring-package-manifest.json'))).toBe(true)
    expect(result.errors.filter((e) => e.includes('not written'))).toEqual([])
  })

  test('a crashed phase: the gates before it are kept, the crash is said once, the package is finished', async () => {
    const dir = exampleWorkspace()
    const log = new MemoryLogger()
    const steps = { ...defaultSteps, alignment: async () => ({ alignment: null as never }) }
    const result = await runProtocol(options(dir, log, { steps }))
    const [g1, g2, g3, g4] = result.gates
    expect(g1!.checks.length).toBeGreaterThan(0)
    expect(g2!.reasons[0]).toMatch(/^phase 2 crashed: /)
    expect(g3!.reasons).toEqual(['not evaluated: see gate 2'])
    expect(g4!.reasons).toEqual(['not evaluated: see gate 2'])
    expect(log.lines.filter((l) => l.message.startsWith('phase 2 crashed'))).toHaveLength(1)
    const { manifest } = expectPackage(join(dir, 'out'), /^# Monitoring requirements/)
    // What phase 1 wrote is listed; what the crash stopped is missing with the reason.
    expect(manifest.missing.map((m) => m.name)).toContain('observability-schedule.json')
    expect(existsSync(join(dir, 'delivered', 'instrumentation-audit.json'))).toBe(true)
  })
})

describe('steps started early', () => {
  test('the rule alignment starts with the audit, and its failure is said once, in phase 2, after gate 1', async () => {
    const dir = exampleWorkspace()
    const log = new MemoryLogger()
    let startedBeforeAudit: boolean | undefined
    let auditDone = false
    const steps = {
      ...defaultSteps,
      audit: async (...args: Parameters<typeof defaultSteps.audit>) => {
        const a = await defaultSteps.audit(...args)
        auditDone = true
        return a
      },
      alignment: async () => {
        startedBeforeAudit = !auditDone
        throw new Error('rules unreadable')
      }
    }
    const result = await runProtocol(options(dir, log, { steps }))
    expect(startedBeforeAudit).toBe(true)
    const at = (text: string): number => log.lines.findIndex((l) => l.message.includes(text))
    expect(log.lines.filter((l) => /^alert rule alignment failed: .*rules unreadable/.test(l.message))).toHaveLength(1)
    expect(at('alert rule alignment failed')).toBeGreaterThan(at(ANNOUNCE.phase2))
    expect(at(ANNOUNCE.phase2)).toBeGreaterThan(0)
    expect(result.gates[1]!.status).toBe('fail')
  })
})

describe('the action: summary and outputs tell the story whatever went wrong', () => {
  // @actions/core keeps the first summary file it was given: one for all the cases here.
  const summaryFile = join(mkdtempSync(join(tmpdir(), 'sre-summary-')), 'step-summary')
  const act = async (dir: string, outputDir = 'out'): Promise<{ outputs: string; summary: string; log: string }> => {
    const outputFile = join(dir, 'github-output')
    writeFileSync(outputFile, '')
    writeFileSync(summaryFile, '')
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'sre-rt-'))
    }
    const saved = { ...process.env }
    Object.assign(process.env, { GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile })
    const stdout: string[] = []
    const write = process.stdout.write.bind(process.stdout)
    process.stdout.write = ((chunk: string | Uint8Array) => {
      stdout.push(String(chunk))
      return true
    }) as typeof process.stdout.write
    const settings = {
      evidencePath: 'evidence',
      config: 'sre-monitoring.yml',
      outputDir,
      mode: 'post-deploy',
      backlogIssues: false,
      alertTests: false,
      failOn: 'gate',
      approvedBy: 'alice'
    } as Settings
    try {
      await runAction(settings, core, env)
    } finally {
      process.stdout.write = write
      process.env = saved
    }
    return { outputs: readFileSync(outputFile, 'utf8'), summary: readFileSync(summaryFile, 'utf8'), log: stdout.join('') }
  }

  test('bad config: gates output, status output and the summary are set; the error is logged once', async () => {
    const dir = exampleWorkspace((c) => c.replace('freshness: 5m', 'freshness: five minutes'))
    const { outputs, summary, log } = await act(dir)
    expect(outputs).toMatch(/status<<[\s\S]*fail/)
    expect(outputs).toContain('invalid input')
    expect(summary).toContain('freshness')
    expect(log.split('\n').filter((l) => l.startsWith('::error') && l.includes('/freshness'))).toHaveLength(1)
  })

  test('output path is a file: the summary and the outputs still tell the story, package-dir points at the package', async () => {
    const dir = exampleWorkspace()
    writeFileSync(join(dir, 'out'), 'a file')
    const { outputs, summary, log } = await act(dir)
    expect(outputs).toMatch(/package-dir<<[\s\S]*sre-monitoring-package-/)
    expect(outputs).toMatch(/gates<<[\s\S]*Instrumentation Coverage Gate/)
    expect(summary.length).toBeGreaterThan(200)
    expect(log.split('\n').filter((l) => l.includes('cannot be written ('))).toHaveLength(1)
  })
})
