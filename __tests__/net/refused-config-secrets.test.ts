/**
 * A config refused for holding a credential where a variable name belongs: whatever the loader
 * says about it, the credential itself appears nowhere the run writes.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'

const PASTED = 'ghp_' + 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0EdCb'
const IN_HEADER = 'ghp_' + 'Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8Ii9Jj0KkLl'
const USERINFO = 'refusedCfgPw-5566'

let out: string[] = []
const saved = { stdout: process.stdout.write.bind(process.stdout), stderr: process.stderr.write.bind(process.stderr) }
beforeEach(() => {
  out = []
  const capture = ((chunk: string | Uint8Array) => {
    out.push(String(chunk))
    return true
  }) as typeof process.stdout.write
  process.stdout.write = capture
  process.stderr.write = capture
})
afterEach(() => {
  process.stdout.write = saved.stdout
  process.stderr.write = saved.stderr
})

describe('a refused config does not leak what it holds', () => {
  test.each([
    [
      'a token pasted as auth',
      (c: string) => c.replace(/ {4}timeout-seconds: 10\n/, `    timeout-seconds: 10\n    auth: "Bearer ${PASTED}"\n`)
    ],
    [
      'a token as an env: header name',
      (c: string) => c.replace(/ {4}timeout-seconds: 10\n/, `    timeout-seconds: 10\n    headers: { Authorization: "env:${IN_HEADER}" }\n`)
    ],
    [
      'a password in URL userinfo with a YAML error after it',
      (c: string) => c.replace('url: http://127.0.0.1:19090', `url: http://svc:${USERINFO}@127.0.0.1:9`) + '\n  : : [\n'
    ]
  ])(
    '%s',
    async (_what, edit) => {
      const ws = mkdtempSync(join(tmpdir(), 'sre-refused-'))
      cpSync('examples', ws, { recursive: true })
      const file = join(ws, 'sre-monitoring.yml')
      writeFileSync(file, edit(readFileSync(file, 'utf8')))
      const code = await main([
        '--workspace',
        ws,
        '--evidence',
        'evidence',
        '--config',
        'sre-monitoring.yml',
        '--output',
        'out',
        '--summary-file',
        join(ws, 'summary.md'),
        '--alert-tests',
        'false'
      ])
      // The command line's exit status for invalid input; the package is still written.
      expect(code).toBe(2)
      const texts = [out.join(''), readFileSync(join(ws, 'summary.md'), 'utf8')]
      const pkg = join(ws, 'out')
      expect(existsSync(join(pkg, 'gate-results.json'))).toBe(true)
      for (const f of readdirSync(pkg)) texts.push(readFileSync(join(pkg, f), 'utf8'))
      for (const t of texts) {
        expect(t).not.toContain(PASTED)
        expect(t).not.toContain(PASTED.slice(0, 20))
        expect(t).not.toContain(IN_HEADER)
        expect(t).not.toContain(USERINFO)
      }
    },
    60_000
  )
})
