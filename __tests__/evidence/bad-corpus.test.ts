import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadConfig, parseConfig } from '../../src/config/load.js'
import { loadEvidence, parseDeploymentReport, parseHealthLog, parseValidation } from '../../src/evidence/load.js'
import { InputError, InputErrors } from '../../src/util/errors.js'

const BAD = '__tests__/fixtures/bad'

interface Case {
  file: string
  parser: 'validation' | 'healthLog' | 'report' | 'config' | 'configFile'
  field: string
  expected: string
  found: string
  line?: number
  suggestion?: string
  /** The whole message, `{file}` standing for the path. */
  message?: string
  /** A credential in the file: no part of it may appear in the error. */
  secret?: string
}

const { cases } = JSON.parse(readFileSync(path.join(BAD, 'cases.json'), 'utf8')) as { cases: Case[] }

const PARSERS: Record<Exclude<Case['parser'], 'configFile'>, (text: string, file: string) => unknown> = {
  validation: parseValidation,
  healthLog: parseHealthLog,
  report: parseDeploymentReport,
  config: parseConfig
}

function errorsOf(fn: () => unknown): { thrown: Error; errors: InputError[] } {
  try {
    fn()
  } catch (err) {
    if (err instanceof InputErrors) return { thrown: err, errors: err.errors }
    if (err instanceof InputError) return { thrown: err, errors: [err] }
    throw err
  }
  throw new Error('expected an InputError, but the file was accepted')
}

async function asyncErrorsOf(fn: () => Promise<unknown>): Promise<{ thrown: Error; errors: InputError[] }> {
  try {
    await fn()
  } catch (err) {
    if (err instanceof InputErrors) return { thrown: err, errors: err.errors }
    if (err instanceof InputError) return { thrown: err, errors: [err] }
    throw err
  }
  throw new Error('expected an InputError, but the evidence was accepted')
}

/** The one error of the list that matches the case: it names file, field, expected and found. */
function matching(errors: InputError[], c: Case, file: string): InputError | undefined {
  return errors.find(
    (e) =>
      e.file === file &&
      e.field.includes(c.field) &&
      e.expected.includes(c.expected) &&
      e.found.includes(c.found) &&
      (c.line === undefined || e.message.startsWith(`${file}:${c.line} `) || e.message.startsWith(`${file}:${c.line}:`))
  )
}

describe('bad input corpus', () => {
  test('the corpus has at least 25 files and every file has a case', () => {
    const files = readdirSync(BAD).filter((f) => f !== 'cases.json')
    expect(files.length).toBeGreaterThanOrEqual(25)
    expect(files.sort()).toEqual(cases.map((c) => c.file).sort())
  })

  test.each(cases.map((c) => [c.file, c] as const))('%s', async (_name, c) => {
    const file = path.join(BAD, c.file)
    const { thrown, errors } =
      c.parser === 'configFile'
        ? await asyncErrorsOf(() => loadConfig(file))
        : errorsOf(() => PARSERS[c.parser as Exclude<Case['parser'], 'configFile'>](readFileSync(file, 'utf8'), file))
    const hit = matching(errors, c, file)
    if (!hit) throw new Error(`no error matched ${JSON.stringify(c)}; got:\n${thrown.message}`)
    // The message a user reads says all of it, without a stack trace.
    const says = c.message === undefined ? [c.expected] : []
    for (const fragment of [c.line !== undefined ? `${file}:${c.line}` : file, c.field, ...says, c.found, c.suggestion ?? '']) {
      expect(hit.message).toContain(fragment)
      expect(thrown.message).toContain(fragment)
    }
    if (c.message !== undefined) expect(hit.message).toBe(c.message.replace('{file}', file))
    if (c.suggestion !== undefined) expect(hit.suggestion).toBe(c.suggestion)
    if (c.secret !== undefined) {
      // Not the secret, nor any 6 characters of it in a row.
      for (let i = 0; i + 6 <= c.secret.length; i++) expect(thrown.message).not.toContain(c.secret.slice(i, i + 6))
    }
  })
})

describe('bad evidence folders', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'evidence-'))
    cpSync('examples/evidence', dir, { recursive: true })
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  test('a huge file is refused from its size, before it is read', async () => {
    const file = path.join(dir, 'deployment-health-log.md')
    // Sparse: 64 MiB on paper, nothing on disk.
    truncateSync(file, 64 * 1024 * 1024)
    const started = Date.now()
    const { errors } = await asyncErrorsOf(() => loadEvidence(dir, { maxBytes: 20 * 1024 * 1024 }))
    expect(Date.now() - started).toBeLessThan(2000)
    expect(errors).toHaveLength(1)
    expect(errors[0]!.file).toBe(file)
    expect(errors[0]!.expected).toContain('at most 20.0 MiB (20971520 bytes)')
    expect(errors[0]!.found).toBe('a file of 64.0 MiB (67108864 bytes)')
  })

  test('a missing file names the file and the folder', async () => {
    rmSync(path.join(dir, 'DEPLOYMENT-REPORT.md'))
    const { thrown, errors } = await asyncErrorsOf(() => loadEvidence(dir, { maxBytes: 1e6 }))
    expect(errors).toHaveLength(1)
    expect(thrown.message).toContain(`the evidence file DEPLOYMENT-REPORT.md in the evidence folder ${dir}`)
    expect(thrown.message).toContain('no such file (the folder has deployment-health-log.md, post-deployment-validation.json)')
  })

  test('a missing folder', async () => {
    const missing = path.join(dir, 'nope')
    const { thrown } = await asyncErrorsOf(() => loadEvidence(missing, { maxBytes: 1e6 }))
    expect(thrown.message).toBe(
      `${missing}: expected an evidence folder holding post-deployment-validation.json, deployment-health-log.md, DEPLOYMENT-REPORT.md (set the evidence input), found no such folder`
    )
  })

  test('a folder in place of a file', async () => {
    rmSync(path.join(dir, 'post-deployment-validation.json'))
    mkdirSync(path.join(dir, 'post-deployment-validation.json'))
    const { thrown } = await asyncErrorsOf(() => loadEvidence(dir, { maxBytes: 1e6 }))
    expect(thrown.message).toContain('expected post-deployment-validation.json to be a file, found a directory')
  })

  test('bytes that are not UTF-8', async () => {
    writeFileSync(path.join(dir, 'DEPLOYMENT-REPORT.md'), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x00, 0x41]))
    const { thrown } = await asyncErrorsOf(() => loadEvidence(dir, { maxBytes: 1e6 }))
    expect(thrown.message).toContain(
      'DEPLOYMENT-REPORT.md:1: expected UTF-8 text, found bytes that are not valid UTF-8 (byte 0xFF at byte offset 2;'
    )
  })

  test('problems in several files are reported together', async () => {
    cpSync(path.join(BAD, 'validation-placeholder.json'), path.join(dir, 'post-deployment-validation.json'))
    cpSync(path.join(BAD, 'health-missing-metrics.md'), path.join(dir, 'deployment-health-log.md'))
    rmSync(path.join(dir, 'DEPLOYMENT-REPORT.md'))
    const { thrown, errors } = await asyncErrorsOf(() => loadEvidence(dir, { maxBytes: 1e6 }))
    expect(thrown).toBeInstanceOf(InputErrors)
    expect(errors.map((e) => path.basename(e.file)).sort()).toEqual([
      'DEPLOYMENT-REPORT.md',
      'deployment-health-log.md',
      'post-deployment-validation.json'
    ])
  })

  test('files from different releases are refused', async () => {
    const report = path.join(dir, 'DEPLOYMENT-REPORT.md')
    writeFileSync(report, readFileSync(report, 'utf8').replace('**Tag**: v2.4.0', '**Tag**: v2.3.9'))
    const { thrown } = await asyncErrorsOf(() => loadEvidence(dir, { maxBytes: 1e6 }))
    expect(thrown.message).toContain('at /release/tag: expected the release tag of DEPLOYMENT-REPORT.md (v2.3.9)')
    expect(thrown.message).toContain('found "v2.4.0"')
  })
})
