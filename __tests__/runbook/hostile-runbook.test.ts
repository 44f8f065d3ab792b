import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
  existsSync,
  statSync,
  chmodSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runbookBegin, updateRunbook, type RunbookSection } from '../../src/runbook/update.js'
import { InputError, InputErrors } from '../../src/util/errors.js'
import { makeContext, service } from '../harness/context.js'

const section: RunbookSection = {
  alignment: { checked_at: '2026-11-01T00:00:00.000Z', rule_sources: [], findings: [], burn_rates: [] },
  dashboards: { checked_at: '2026-11-01T00:00:00.000Z', dashboards: [], services_without_dashboard: [] },
  onCallOwner: 'payments-sre'
}

const END = '<!-- sre-monitoring:end -->'
const OURS = runbookBegin('v2.4.0')
const OTHER = runbookBegin('v2.3.0')

function setup(text: string | Buffer) {
  const ctx = makeContext({}, { services: [service('checkout', { critical: true })] })
  ctx.now = () => new Date('2026-11-01T12:00:00.000Z')
  const dir = join(ctx.workspace, 'RUNBOOKS')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'monitoring-runbook.md')
  writeFileSync(file, text)
  return { ctx, file, dir }
}

async function refused(ctx: ReturnType<typeof setup>['ctx']): Promise<InputError[]> {
  try {
    await updateRunbook(ctx, section)
  } catch (err) {
    if (err instanceof InputErrors) return err.errors
    if (err instanceof InputError) return [err]
    throw err
  }
  throw new Error('the runbook was accepted')
}

/** Markers that leave the file untouched, each reported at its line. */
const untouched: Array<[string, string, Array<[number, RegExp]>]> = [
  [
    'a begin without its end, followed by another release',
    `# Ops\n\n${OURS}\nmine\n\n${OTHER}\ntheirs\n${END}\n\nTeam notes\n`,
    [[6, /a begin marker inside the section opened at line 3 \(nested sections\)/]]
  ],
  [
    'nested begin markers',
    `${OTHER}\nA\n${OURS}\nB\n${END}\nC\n${END}\n`,
    [
      [3, /begin marker inside the section opened at line 1/],
      [7, /end marker with no begin/]
    ]
  ],
  ['an unterminated section at the end', `# Ops\n${OURS}\nhalf a section\n`, [[2, /never closed/]]],
  ['an end marker with no begin', `# Ops\n${END}\nnotes\n`, [[2, /end marker with no begin/]]],
  [
    'a damaged marker line',
    `# Ops\n<!-- sre-monitoring:begin -->\nnotes\n${END}\n`,
    [
      [2, /damaged marker/],
      [4, /end marker with no begin/]
    ]
  ],
  [
    'an end hidden in a code fence that never closes',
    `# Ops\n${OURS}\nx\n\`\`\`sh\n${END}\nnotes\n`,
    [[2, /code fence opened at line 4 is never closed/]]
  ]
]

describe('a runbook with unusual markers is left untouched and the lines are named', () => {
  test.each(untouched)('%s', async (_name, text, expected) => {
    const { ctx, file } = setup(text)
    const before = readFileSync(file)
    const errors = await refused(ctx)
    expect(errors.map((e) => [e.line, e.found])).toEqual(expected.map(([line, re]) => [line, expect.stringMatching(re)]))
    for (const e of errors) {
      expect(e.file).toBe('RUNBOOKS/monitoring-runbook.md')
      expect(e.field).toBe('runbook.path')
      expect(e.message).toContain(
        `RUNBOOKS/monitoring-runbook.md:${e.line} at runbook.path: expected well-formed sre-monitoring markers (the runbook was left untouched)`
      )
    }
    expect(readFileSync(file).equals(before)).toBe(true)
  })
})

describe('only a well-formed pair for this release, outside code fences, is replaced', () => {
  test("a marker quoted inside a code fence is the team's text", async () => {
    const quoted = `# Ops\n\nHow the action marks its section:\n\n\`\`\`markdown\n${OURS}\nexample\n${END}\n\`\`\`\n\n~~~\n${OURS}\n~~~\n`
    const { ctx, file } = setup(quoted)
    expect((await updateRunbook(ctx, section)).changed).toBe(true)
    const after = readFileSync(file, 'utf8')
    expect(after.startsWith(quoted)).toBe(true)
    expect(after.slice(quoted.length)).toMatch(new RegExp(`^\\n${OURS}\\n## Release v2\\.4\\.0`))
    // A second run replaces the section it wrote, and nothing in the fences.
    ctx.now = () => new Date('2026-11-02T12:00:00.000Z')
    await updateRunbook(ctx, section)
    const again = readFileSync(file, 'utf8')
    expect(again.startsWith(quoted)).toBe(true)
    expect(again.split(OURS).length).toBe(4)
    expect(again).toContain('2026-11-02T12:00:00.000Z')
  })

  test('a marker quoted in a sentence or inline code is prose', async () => {
    const text = `# Ops\nThe action writes \`${OURS}\` and \`${END}\` around its section.\n`
    const { ctx, file } = setup(text)
    await updateRunbook(ctx, section)
    expect(readFileSync(file, 'utf8').startsWith(text)).toBe(true)
  })

  test("another release's section and the text around ours are kept byte for byte", async () => {
    const head = `# Ops  \n\n${OTHER}\nold release, edited by hand\n${END}\n\n`
    const tail = `\n\nTeam notes after\n`
    const { ctx, file } = setup(`${head}${OURS}\nstale\n${END}${tail}`)
    await updateRunbook(ctx, section)
    const after = readFileSync(file, 'utf8')
    expect(after.startsWith(`${head}${OURS}\n## Release v2.4.0`)).toBe(true)
    expect(after.endsWith(`${END}${tail}`)).toBe(true)
    expect(after).not.toContain('stale')
  })
})

describe('the file keeps its encoding', () => {
  test('a Latin-1 runbook stays byte for byte outside the section, never rewritten with U+FFFD', async () => {
    const head = Buffer.from('# Betriebshandbuch\n\nZuständig: Jürgen, Çağla\n\n', 'latin1')
    const { ctx, file } = setup(head)
    ctx.config.assurance.owner = 'José'
    expect((await updateRunbook(ctx, section)).changed).toBe(true)
    const after = readFileSync(file)
    expect(after.subarray(0, head.length).equals(head)).toBe(true)
    expect(after.includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(false)
    const rest = after.subarray(head.length).toString('latin1')
    expect(rest).toMatch(/^<!-- sre-monitoring:begin release=v2\.4\.0 -->\n/)
    expect([...rest].every((c) => c.charCodeAt(0) < 0x80)).toBe(true)
    // Nothing changed: nothing written.
    expect((await updateRunbook(ctx, section)).changed).toBe(false)
  })

  test('a UTF-8 byte order mark is kept', async () => {
    const { ctx, file } = setup(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Ops\n')]))
    await updateRunbook(ctx, section)
    const after = readFileSync(file)
    expect([...after.subarray(0, 9)]).toEqual([0xef, 0xbb, 0xbf, ...Buffer.from('# Ops\n')])
  })

  test('a UTF-16 runbook is refused and left as it is', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Ops\n', 'utf16le')])
    const { ctx, file } = setup(utf16)
    const [e] = await refused(ctx)
    expect(e!.found).toContain('UTF-16 or binary content')
    expect(readFileSync(file).equals(utf16)).toBe(true)
  })
})

describe('the write is atomic and stays in the workspace', () => {
  test('a temporary file in the same folder is renamed over the runbook; its mode is kept; nothing is left behind', async () => {
    const { ctx, file, dir } = setup('# Ops\n')
    chmodSync(file, 0o640)
    const inode = statSync(file).ino
    await updateRunbook(ctx, section)
    expect(statSync(file).ino).not.toBe(inode)
    expect(statSync(file).mode & 0o777).toBe(0o640)
    expect(readdirSync(dir)).toEqual(['monitoring-runbook.md'])
  })

  test('a runbook folder that is a link to outside the workspace is refused; nothing is written there', async () => {
    const ctx = makeContext({}, { services: [service('checkout')] })
    const outside = mkdtempSync(join(tmpdir(), 'outside-'))
    symlinkSync(outside, join(ctx.workspace, 'RUNBOOKS'))
    const [e] = await refused(ctx)
    expect(e!.field).toBe('runbook.path')
    expect(e!.message).toContain('which goes through a symbolic link that leads outside the workspace')
    expect(readdirSync(outside)).toEqual([])
  })

  test('a runbook file that is a link to a file outside is refused and the outside file is untouched', async () => {
    const ctx = makeContext({}, { services: [service('checkout')] })
    const outside = join(mkdtempSync(join(tmpdir(), 'outside-')), 'passwd')
    writeFileSync(outside, 'root:x:0:0:root:/root:/bin/bash\n')
    mkdirSync(join(ctx.workspace, 'RUNBOOKS'))
    symlinkSync(outside, join(ctx.workspace, 'RUNBOOKS', 'monitoring-runbook.md'))
    const [e] = await refused(ctx)
    expect(e!.message).not.toContain('root:x')
    expect(readFileSync(outside, 'utf8')).toBe('root:x:0:0:root:/root:/bin/bash\n')
  })

  test('a link to a runbook inside the workspace is followed: the real file is written, the link stays', async () => {
    const ctx = makeContext({}, { services: [service('checkout')] })
    mkdirSync(join(ctx.workspace, 'docs'))
    writeFileSync(join(ctx.workspace, 'docs', 'runbook.md'), '# Ops\n')
    mkdirSync(join(ctx.workspace, 'RUNBOOKS'))
    symlinkSync('../docs/runbook.md', join(ctx.workspace, 'RUNBOOKS', 'monitoring-runbook.md'))
    await updateRunbook(ctx, section)
    expect(lstatSync(join(ctx.workspace, 'RUNBOOKS', 'monitoring-runbook.md')).isSymbolicLink()).toBe(true)
    expect(readFileSync(join(ctx.workspace, 'docs', 'runbook.md'), 'utf8')).toContain(OURS)
  })

  test('a new runbook is created with its folders', async () => {
    const ctx = makeContext({ runbook: { path: 'ops/deep/runbook.md' } }, { services: [service('checkout')] })
    expect(await updateRunbook(ctx, section)).toEqual({ path: 'ops/deep/runbook.md', changed: true })
    expect(existsSync(join(ctx.workspace, 'ops', 'deep', 'runbook.md'))).toBe(true)
  })
})
