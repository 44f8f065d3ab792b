/**
 * The bundle's own-artifact validators (dist/validators/*.own.js, ajv standalone code built with
 * each array item schema as a function of its own) accept and refuse exactly what the schemas of
 * schemas/ compiled from source do: on a refused run's package and on every one-field change of it.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compileSchema } from '../../src/package/compile.js'
import { ROOT } from '../e2e/stack.js'

const require = createRequire(import.meta.url)
const RUNTIME: Record<string, unknown> = {
  'ajv/dist/runtime/ucs2length': require('ajv/dist/runtime/ucs2length'),
  'ajv-formats/dist/formats': require('ajv-formats/dist/formats')
}

function bundled(file: string): (data: unknown) => boolean {
  const module = { exports: {} as { validate: (data: unknown) => boolean } }
  const code = readFileSync(join(ROOT, 'dist', 'validators', file.replace(/\.json$/, '.own.js')), 'utf8')
  new Function('require', 'module', 'exports', code)((spec: string) => RUNTIME[spec], module, module.exports)
  return module.exports.validate
}

/** Every copy of `data` with one change: a key dropped, a key added, a value of the wrong type. */
function* oneChange(data: unknown): Generator<unknown> {
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) for (const v of oneChange(data[i])) yield data.map((x, j) => (j === i ? v : x))
    yield [...data, 'extra']
    return
  }
  if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>
    for (const key of Object.keys(o)) {
      const { [key]: _dropped, ...rest } = o
      yield rest
      for (const v of oneChange(o[key])) yield { ...o, [key]: v }
    }
    yield { ...o, unexpected_field: 1 }
    return
  }
  for (const wrong of [typeof data === 'string' ? 5 : 'x', -1, 1.5, null, true]) if (wrong !== data) yield wrong
}

let pkg: string
let workdir: string

beforeAll(() => {
  workdir = mkdtempSync(join(tmpdir(), 'bundled-validators-'))
  // A refused run (no config) writes gate results, the manifest and run stats.
  try {
    execFileSync(process.execPath, [join(ROOT, 'dist', 'index.js')], {
      cwd: workdir,
      env: { PATH: process.env.PATH ?? '' },
      stdio: 'ignore'
    })
  } catch {
    // exits 1: the gates fail
  }
  pkg = join(workdir, '.artifacts', 'monitoring')
})
afterAll(() => rmSync(workdir, { recursive: true, force: true }))

const tally = { count: 2, errors: 0, rejected: 0, total_ms: 5, max_ms: 3, bytes: 100, samples: null, peak_samples: 7 }
const withItems = (stats: Record<string, unknown>) => ({
  ...stats,
  phases: [{ phase: 'audit', ...tally, probes: 0, wait_ms: 0 }],
  backends: [{ backend: 'prom', kind: 'prometheus', ...tally, max_in_flight: 1, samples_source: 'not reported' }],
  requests: [{ phase: 'audit', backend: 'prom', kind: 'prometheus', ...tally }],
  waits: [{ phase: 'activation', what: 'acknowledgement polling', count: 1, total_ms: 10, max_ms: 10 }]
})

test.each([
  // A check in a gate: an item schema inside an item schema.
  [
    'gate-results.schema.json',
    'gate-results.json',
    (d: Record<string, unknown>) => ({
      ...d,
      gates: (d.gates as Record<string, unknown>[]).map((g) => ({
        ...g,
        checks: [{ name: 'n', status: 'pass', value: '1', threshold: '> 0' }]
      }))
    })
  ],
  ['monitoring-package-manifest.schema.json', 'monitoring-package-manifest.json', (d: Record<string, unknown>) => d],
  ['run-stats.schema.json', 'run-stats.json', withItems]
])('%s: the bundled validator agrees with the source schema on %s and every one-field change', (schema, file, fill) => {
  const data = fill(JSON.parse(readFileSync(join(pkg, file), 'utf8')) as Record<string, unknown>)
  const fromBundle = bundled(schema)
  // Typed here: the bundle builds with compileSchema stubbed (it returns never there).
  const fromSource: (data: unknown) => boolean = compileSchema(schema, 'own')
  expect(fromBundle(data)).toBe(true)
  expect(fromSource(data)).toBe(true)
  let refused = 0
  let cases = 0
  for (const changed of oneChange(data)) {
    cases++
    const expected = fromSource(changed)
    if (!expected) refused++
    if (fromBundle(changed) !== expected)
      throw new Error(`${schema}: bundle says ${!expected}, source ${expected}: ${JSON.stringify(changed)}`)
  }
  // The changes reach inside the array items, and most of them are refused.
  expect(cases).toBeGreaterThan(50)
  expect(refused).toBeGreaterThan(cases / 2)
})
