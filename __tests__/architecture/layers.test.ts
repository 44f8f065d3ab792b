/**
 * No import runs up the layers. Each folder of src/ has a layer; a module may import from its own
 * layer and the ones below, never from one above (type-only and dynamic imports included: a type
 * that several layers use lives at the lowest of them). A new folder needs a place in the list.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

/** Lowest first. Entries ending in .ts are files directly in src/. */
const LAYERS: string[][] = [
  ['util', 'artifacts', 'stats', 'version.ts'],
  ['config', 'settings', 'package', 'approval'],
  ['evidence'],
  ['model'],
  ['telemetry'],
  ['alerting'],
  ['assurance', 'runbook'],
  ['gates'],
  // The GitHub adapter and the port types the protocol drives it through.
  ['github'],
  ['report'],
  ['protocol', 'schemas'],
  ['action', 'cli'],
  ['index.ts', 'main.ts']
]

const SRC = resolve('src')
const layerOf = new Map(LAYERS.flatMap((names, i) => names.map((n) => [n, i] as const)))
const unitOf = (file: string): string => relative(SRC, file).split(sep)[0]!

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []
  )
}

/** Every relative module a file names: import and export ... from, side-effect imports, import(). */
export function importsOf(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(
    /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm
  ))
    out.push((m[1] ?? m[2] ?? m[3])!)
  return out.filter((s) => s.startsWith('.'))
}

describe('layers', () => {
  const files = sources(SRC)

  test('every folder and top-level file of src/ has a layer', () => {
    const units = [...new Set(files.map(unitOf))]
    expect(units.filter((u) => !layerOf.has(u))).toEqual([])
  })

  test('the import scanner sees every kind of import', () => {
    const text = [
      "import { a } from '../a.js'",
      "import type { B } from '../b.js'",
      'import {',
      '  c,',
      '  d',
      "} from '../c.js'",
      "export { e } from '../e.js'",
      "export type * from '../f.js'",
      "import '../g.js'",
      "const h = await import('../h.js')",
      "import { z } from 'zod'"
    ].join('\n')
    expect(importsOf(text)).toEqual(['../a.js', '../b.js', '../c.js', '../e.js', '../f.js', '../g.js', '../h.js'])
  })

  test('no module imports from a layer above its own', () => {
    const upward: string[] = []
    for (const file of files) {
      const from = unitOf(file)
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const target = resolve(dirname(file), spec)
        if (!target.startsWith(SRC + sep)) continue // schemas/*.json and the like, outside src/
        const to = unitOf(target)
        if (to !== from && (layerOf.get(to) ?? -1) > (layerOf.get(from) ?? -1)) upward.push(`${relative(SRC, file)} imports ${spec}`)
      }
    }
    expect(upward).toEqual([])
  })
})
