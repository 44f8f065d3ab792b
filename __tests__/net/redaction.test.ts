/**
 * The redactor and the log: known secrets in every form they can take in a message, and text
 * from outside that tries to issue workflow commands.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as realCore from '@actions/core'
import { guardCore } from '../../src/action/guarded-core.js'
import { parseConfigFile } from '../../src/config/load.js'
import { PackageWriter } from '../../src/package/writer.js'
import { MemoryLogger } from '../harness/memory-logger.js'
import { ActionsLogger, TerminalLogger } from '../../src/util/loggers.js'
import {
  neutraliseLog,
  Redactor,
  registerConfigFileSecrets,
  registerConfigSecrets,
  secrets,
  userinfoSecrets
} from '../../src/util/redact.js'

describe('the redactor', () => {
  const r = new Redactor()
  const token = 'tok_4Kq9Zr2Lw8Xv6Nb3Jm5Pd7'
  r.add(token)
  r.add('p@ss w0rd/"quoted"')
  r.add('pass')

  test('a package of repeated strings: every copy of a key or value is redacted, and a secret added later is masked in the next walk', () => {
    const local = new Redactor()
    local.add('first-secret-value')
    const row = (i: number) => ({ query: 'up{token="first-secret-value"}', ['key-first-secret-value']: i, later: 'x-second-secret-value' })
    const rows = Array.from({ length: 3 }, (_, i) => row(i))
    expect(local.redactDeep(rows)).toEqual(
      Array.from({ length: 3 }, (_, i) => ({ query: 'up{token="***"}', 'key-***': i, later: 'x-second-secret-value' }))
    )
    local.add('second-secret-value')
    expect(local.redactDeep(rows).map((x) => x.later)).toEqual(['x-***', 'x-***', 'x-***'])
  })

  test.each([
    ['as it is', `401: token ${token} is not valid`, '401: token *** is not valid'],
    ['URL-encoded', `GET /x?key=${encodeURIComponent('p@ss w0rd/"quoted"')}`, 'GET /x?key=***'],
    ['JSON-escaped', JSON.stringify({ echo: 'p@ss w0rd/"quoted"' }), '{"echo":"***"}'],
    ['cut short with an ellipsis', `found the string "${token.slice(0, 14)}..."`, 'found the string "***..."'],
    ['in URL userinfo it never saw', 'fetch https://bob:other-secret@prom.example/api failed', 'fetch https://***@prom.example/api failed'],
    ['a GitHub token by its form', 'echo ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'echo ***'],
    ['an Authorization header echoed', 'request had Authorization: Bearer abc.def.ghi', 'request had Authorization: Bearer ***'],
    ['a long bearer token anywhere', 'use Bearer eyJhbGciOiJIUzI1NiJ9.payload', 'use Bearer ***']
  ])('masks a secret %s', (_what, input, expected) => {
    expect(r.redact(input)).toBe(expected)
  })

  test('a short secret is masked in the log but left in files, where it would destroy words', () => {
    expect(r.redactLog('gate pass')).toBe('gate ***')
    expect(r.redact('gate pass')).toBe('gate pass')
  })

  test('redactDeep keeps the shape, numbers and booleans, and masks keys too', () => {
    expect(r.redactDeep({ a: [token, 1, true, null], [token]: { b: `x${token}` } })).toEqual({
      a: ['***', 1, true, null],
      '***': { b: 'x***' }
    })
  })

  test('redactDeep copies only what it changes; the rest is the same object, and the input is never changed', () => {
    const clean = { items: [{ id: 1, name: 'svc-1' }], meta: { at: '2026-12-02T00:00:00Z' } }
    expect(r.redactDeep(clean)).toBe(clean)
    const input = { keep: { n: 1 }, list: [{ ok: true }, { bad: `x${token}` }], after: 'y' }
    const out = r.redactDeep(input)
    expect(out).toEqual({ keep: { n: 1 }, list: [{ ok: true }, { bad: 'x***' }], after: 'y' })
    expect(out).not.toBe(input)
    expect(out.keep).toBe(input.keep)
    expect(out.list[0]).toBe(input.list[0])
    expect(input.list[1]).toEqual({ bad: `x${token}` })
    // A key of parsed JSON named __proto__ stays data, whether or not its object is copied.
    const parsed = JSON.parse(`{"a":"${token}","__proto__":{"polluted":true}}`) as Record<string, unknown>
    const red = r.redactDeep(parsed)
    expect(Object.keys(red)).toEqual(['a', '__proto__'])
    expect(Object.getPrototypeOf(red)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // A value written through its toJSON (a URL with a password) is redacted as written; bytes stay bytes.
    const withUrl = r.redactDeep({ at: new URL(`https://u:${token}@example.com/x`), when: new Date(0) })
    expect(JSON.stringify(withUrl)).not.toContain(token)
    expect(withUrl.when).toBeInstanceOf(Date)
    const bytes = Buffer.from('abc')
    expect(r.redactDeep({ bytes }).bytes).toBe(bytes)
  })

  test('listeners hear of every secret, known before and added later', () => {
    const heard: string[] = []
    const x = new Redactor()
    x.add('early-secret-1')
    x.listen((s) => heard.push(s))
    x.add('late-secret-2')
    expect(heard).toEqual(expect.arrayContaining(['early-secret-1', 'late-secret-2']))
  })

  test('userinfo gives the password, user:pass and its Basic token; a lone user part is the token', () => {
    expect(userinfoSecrets('https://u:p%40ss@h.example/')).toEqual(['u:p@ss', Buffer.from('u:p@ss').toString('base64'), 'p@ss'])
    expect(userinfoSecrets('https://glpat-token123@h.example/')).toContain('glpat-token123')
    expect(userinfoSecrets('https://h.example/a@b')).toEqual([])
  })

  test('registerConfigSecrets walks the whole config: *-env fields, env: headers, userinfo, literal auth', () => {
    const found: string[] = []
    registerConfigSecrets(
      {
        backends: {
          prom: {
            url: 'https://reader:prom-pass-123@prom.example',
            auth: { type: 'bearer', 'token-env': 'PROM_TOKEN' },
            headers: { 'X-Org': 'env:ORG_ID' }
          },
          custom: { 'some-new-field-env': 'NEW_SECRET', headers: { Authorization: 'Bearer literal-token-xyz' } }
        },
        alerting: { webhook: { 'ack-url': 'https://ack-user:ack-pass-456@oncall.example/{{test_id}}' } }
      },
      { PROM_TOKEN: 'prom-token-v', ORG_ID: 'org-id-v', NEW_SECRET: 'new-secret-v', GITHUB_TOKEN: 'ghs_runner' },
      (s) => found.push(s)
    )
    expect(found).toEqual(
      expect.arrayContaining([
        'ghs_runner',
        'prom-pass-123',
        'reader:prom-pass-123',
        'prom-token-v',
        'org-id-v',
        'new-secret-v',
        'literal-token-xyz',
        'ack-pass-456'
      ])
    )
  })
})

describe('a config file gives up its credentials before it is validated', () => {
  test.each([
    [
      'valid YAML',
      'version: 1\nbackends:\n  p: { type: prometheus, url: "https://u:cfgPass-111@p.example", auth: "Bearer sk-live-cfg222333" }\n'
    ],
    [
      'YAML that does not parse',
      'version: 1\nbackends:\n  p:\n    url: https://u:cfgPass-111@p.example\n    auth: "Bearer sk-live-cfg222333"\n  : : [\n'
    ]
  ])('%s: literal auth, userinfo, token-shaped variable names, env values', async (_what, yaml) => {
    const dir = mkdtempSync(join(tmpdir(), 'sre-cfgsec-'))
    const file = join(dir, 'c.yml')
    writeFileSync(
      file,
      `${yaml}\nheaders: { X-Key: "env:ghp_PastedTokenInsteadOfName1234567890" }\nextra: { token-env: glpat-pasted-token-0099, password-env: REAL_VAR }\n`
    )
    const found: string[] = []
    await registerConfigFileSecrets(file, { REAL_VAR: 'real-var-value-42' }, (s) => found.push(s))
    expect(found).toEqual(
      expect.arrayContaining([
        'cfgPass-111',
        'sk-live-cfg222333',
        'ghp_PastedTokenInsteadOfName1234567890',
        'glpat-pasted-token-0099',
        'real-var-value-42'
      ])
    )
  })

  test('what only the YAML structure shows (a block scalar) is registered by the loader before it validates', async () => {
    const text = [
      'version: 1',
      'backends:',
      '  p:',
      '    type: prometheus',
      '    url: https://p.example',
      '    auth: >-',
      '      Bearer sk-block-scalar-secret-5566',
      '    not-a-key: 1',
      ''
    ].join('\n')
    const dir = mkdtempSync(join(tmpdir(), 'sre-cfgsec-'))
    const file = join(dir, 'c.yml')
    writeFileSync(file, text)
    const fromLines: string[] = []
    await registerConfigFileSecrets(file, {}, (s) => fromLines.push(s))
    // The line scan sees only `auth: >-`; the parsed file gives the value up, and the refusal comes after.
    expect(fromLines).not.toContain('sk-block-scalar-secret-5566')
    const heard: string[] = []
    let refusal = ''
    await parseConfigFile(text, file, { onParsed: (data) => registerConfigSecrets(data, {}, (s) => heard.push(s)) }).catch(
      (err: unknown) => {
        refusal = String(err)
        expect(heard).toContain('sk-block-scalar-secret-5566')
      }
    )
    expect(refusal).toContain('not-a-key')
    expect(heard).toContain('sk-block-scalar-secret-5566')
  })

  test('a missing file is no error here (the loader reports it)', async () => {
    await expect(registerConfigFileSecrets('/nonexistent/sre.yml', {}, () => undefined)).resolves.toBeUndefined()
  })
})

describe('the log cannot be made to run workflow commands', () => {
  test.each([
    ['a command after a newline', 'environment: prod\n::stop-commands::pwned', 'environment: prod\n\\::stop-commands::pwned'],
    ['after a carriage return', 'x\r::add-mask::y', 'x\n\\::add-mask::y'],
    ['after CRLF and indentation', 'x\r\n   ::set-output name=status::pass', 'x\n   \\::set-output name=status::pass'],
    ['at the very start', '::error::fake', '\\::error::fake'],
    ['a legacy ##[ command anywhere', 'value ##[set-env name=X;]y', 'value #\\#[set-env name=X;]y']
  ])('neutralises %s', (_what, input, expected) => {
    expect(neutraliseLog(input)).toBe(expected)
    for (const line of neutraliseLog(input).split('\n')) expect(line.trimStart().startsWith('::')).toBe(false)
  })

  test('MemoryLogger and TerminalLogger neutralise and redact every line', () => {
    secrets.add('term-secret-0099')
    const m = new MemoryLogger()
    m.info('a\n::stop-commands::t term-secret-0099')
    expect(m.text()).toBe('a\n\\::stop-commands::t ***')
    const out: string[] = []
    new TerminalLogger((l) => out.push(l)).warning('::warning::x')
    expect(out).toEqual(['warning: ::warning::x'])
    new TerminalLogger((l) => out.push(l)).info('::warning::x')
    expect(out[1]).toBe('\\::warning::x')
  })
})

describe('the action exits', () => {
  let stdout: string[] = []
  const write = process.stdout.write.bind(process.stdout)
  beforeEach(() => {
    stdout = []
    process.stdout.write = ((chunk: string | Uint8Array) => {
      stdout.push(String(chunk))
      return true
    }) as typeof process.stdout.write
  })
  afterEach(() => {
    process.stdout.write = write
  })

  test('ActionsLogger: every secret the run learns reaches the runner (add-mask) before it could be logged; lines are neutralised', () => {
    const log = new ActionsLogger(realCore)
    secrets.add('learnt-elsewhere-771')
    log.info('evidence says\n::stop-commands::abc\nlearnt-elsewhere-771')
    const text = stdout.join('')
    expect(text).toContain('::add-mask::learnt-elsewhere-771')
    expect(text.indexOf('::add-mask::learnt-elsewhere-771')).toBeLessThan(text.indexOf('evidence says'))
    expect(text).toContain('evidence says\n\\::stop-commands::abc\n***')
    expect(text.split('\n').filter((l) => l.startsWith('::stop-commands'))).toEqual([])
  })

  test('guardCore redacts outputs, the summary, annotations and the failure message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sre-core-'))
    const outFile = join(dir, 'out')
    const summaryFile = join(dir, 'summary')
    writeFileSync(outFile, '')
    writeFileSync(summaryFile, '')
    const saved = { o: process.env.GITHUB_OUTPUT, s: process.env.GITHUB_STEP_SUMMARY }
    process.env.GITHUB_OUTPUT = outFile
    process.env.GITHUB_STEP_SUMMARY = summaryFile
    try {
      secrets.add('core-secret-4242')
      const core = guardCore(realCore)
      core.setOutput('gates', '[{"reasons":["401 core-secret-4242"]}]')
      await core.summary.addRaw('| reason | core-secret-4242 |').write({ overwrite: false })
      core.setFailed('failed: core-secret-4242')
      core.warning('w core-secret-4242', { title: 't' })
      expect(readFileSync(outFile, 'utf8')).toContain('[{"reasons":["401 ***"]}]')
      expect(readFileSync(summaryFile, 'utf8')).toBe('| reason | *** |')
      // Only the runner's own add-mask command carries it.
      expect(
        stdout
          .join('')
          .split('\n')
          .filter((l) => !l.startsWith('::add-mask::'))
          .join('\n')
      ).not.toContain('core-secret-4242')
      process.exitCode = 0
    } finally {
      process.env.GITHUB_OUTPUT = saved.o
      process.env.GITHUB_STEP_SUMMARY = saved.s
    }
  })

  test('PackageWriter redacts every JSON and text file it writes, and hashes what it wrote', async () => {
    secrets.add('writer-secret-5151')
    const dir = mkdtempSync(join(tmpdir(), 'sre-writer-'))
    const w = new PackageWriter(dir, () => new Date('2026-12-01T00:00:00Z'))
    await w.init()
    const a = await w.text('notes.md', 'backend said: writer-secret-5151')
    expect(readFileSync(a.path, 'utf8')).toBe('backend said: ***\n')
    expect(a.bytes).toBe(Buffer.byteLength('backend said: ***\n'))
  })
})
