import * as actionsCore from '@actions/core'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { workflowCore, type ActionsCore } from '../../src/action/workflow.js'

// The action talks to the runner through src/action/workflow.ts; what it writes must be what
// @actions/core writes for the same call, so the runner reads it the same way.

const awkward = ['plain', 'a%b', 'line\nbreak', 'cr\r\nlf', '%0A literal', 'key: value, more', '::error::inside', '', 'ünïcödé ✓']
const props: actionsCore.AnnotationProperties[] = [
  {},
  { title: 'T: a, b' },
  { file: 'src/a,b.ts', startLine: 3, endLine: 4, startColumn: 1, endColumn: 9 },
  { title: '', file: undefined },
  { title: '100%\nsure' }
]

function stdoutOf(fn: () => void): string {
  const chunks: string[] = []
  const write = process.stdout.write
  process.stdout.write = ((c: string | Uint8Array) => {
    chunks.push(String(c))
    return true
  }) as typeof process.stdout.write
  try {
    fn()
  } finally {
    process.stdout.write = write
  }
  return chunks.join('')
}

function withEnv<T>(vars: Record<string, string | undefined>, fn: () => T): T {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]))
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  try {
    return fn()
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}

const both = (call: (core: ActionsCore) => void): [string, string] => [
  stdoutOf(() => call(workflowCore)),
  stdoutOf(() => call(actionsCore))
]

describe('workflow commands as @actions/core writes them', () => {
  const exitCode = process.exitCode
  afterEach(() => {
    process.exitCode = exitCode
  })

  test('annotations, log lines, masks and the failure: the same bytes, escaping included', () => {
    for (const m of awkward) {
      for (const p of props) {
        for (const kind of ['error', 'warning', 'notice'] as const) {
          const [ours, theirs] = both((c) => c[kind](m, p))
          expect(ours).toBe(theirs)
        }
      }
      for (const call of [(c: ActionsCore) => c.info(m), (c: ActionsCore) => c.debug(m), (c: ActionsCore) => c.setSecret(m)]) {
        const [ours, theirs] = both(call)
        expect(ours).toBe(theirs)
      }
      const [ours, theirs] = both((c) => c.setFailed(m))
      expect(ours).toBe(theirs)
      expect(process.exitCode).toBe(1)
    }
    const [ours, theirs] = both((c) => c.error(new Error('boom: 50%')))
    expect(ours).toBe(theirs)
  })

  test('outputs without $GITHUB_OUTPUT: the set-output command, escaped the same way', () => {
    withEnv({ GITHUB_OUTPUT: undefined }, () => {
      for (const m of awkward) {
        const [ours, theirs] = both((c) => c.setOutput('na,me:x', m))
        expect(ours).toBe(theirs)
      }
      const [ours, theirs] = both((c) => c.setOutput('gates', [{ id: 1, reasons: ['a\nb'] }]))
      expect(ours).toBe(theirs)
    })
  })

  test('outputs to $GITHUB_OUTPUT: the same heredoc entries (delimiters aside), and a missing file refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sre-output-'))
    try {
      const file = (n: string): string => join(dir, n)
      writeFileSync(file('ours'), '')
      writeFileSync(file('theirs'), '')
      for (const m of awkward) {
        withEnv({ GITHUB_OUTPUT: file('ours') }, () => workflowCore.setOutput('status', m))
        withEnv({ GITHUB_OUTPUT: file('theirs') }, () => actionsCore.setOutput('status', m))
      }
      const plain = (n: string): string => readFileSync(file(n), 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIM')
      expect(plain('ours')).toBe(plain('theirs'))
      expect(readFileSync(file('ours'), 'utf8')).toMatch(/^status<<ghadelimiter_[0-9a-f-]{36}\n/)
      withEnv({ GITHUB_OUTPUT: file('missing') }, () => {
        expect(() => workflowCore.setOutput('a', 'b')).toThrow(/Missing file at path/)
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('getInput reads INPUT_<NAME> (spaces as underscores, upper case), trimmed', () => {
    withEnv({ 'INPUT_EVIDENCE-PATH': '  some/dir \n', INPUT_A_B: 'x' }, () => {
      for (const name of ['evidence-path', 'a b', 'absent']) expect(workflowCore.getInput(name)).toBe(actionsCore.getInput(name))
    })
  })

  test('the job summary is appended (or overwritten) in $GITHUB_STEP_SUMMARY; without it, the same refusal', async () => {
    await withEnv({ GITHUB_STEP_SUMMARY: undefined }, async () => {
      await expect(workflowCore.summary.addRaw('x').write()).rejects.toThrow(
        /Unable to find environment variable for \$GITHUB_STEP_SUMMARY/
      )
      workflowCore.summary.emptyBuffer()
    })
    const dir = mkdtempSync(join(tmpdir(), 'sre-summary-'))
    try {
      const file = join(dir, 'summary.md')
      writeFileSync(file, 'before\n')
      const saved = process.env.GITHUB_STEP_SUMMARY
      process.env.GITHUB_STEP_SUMMARY = file
      try {
        await workflowCore.summary.addRaw('## one', true).addRaw('| a | b |').write()
        expect(readFileSync(file, 'utf8')).toBe('before\n## one\n| a | b |')
        expect(workflowCore.summary.stringify()).toBe('')
        await workflowCore.summary.addRaw('only').write({ overwrite: true })
        expect(readFileSync(file, 'utf8')).toBe('only')
      } finally {
        if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY
        else process.env.GITHUB_STEP_SUMMARY = saved
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
