#!/usr/bin/env node
// The bundle ships the production dependency tree: every package in it must carry a licence
// from the allow-list. Reads each installed package's own package.json.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const ALLOWED = new Set([
  'MIT',
  'ISC',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  '0BSD',
  'BlueOak-1.0.0',
  'CC0-1.0',
  'Unlicense',
  'Python-2.0'
])

// Packages whose metadata does not name an SPDX licence, with the licence read from their own files.
const REVIEWED = new Map([
  ['buffers@0.1.1', 'MIT/X11 (stated in its README; no licence field)'],
  ['chainsaw@0.1.0', 'MIT/X11']
])

const tree = JSON.parse(execFileSync('npm', ['ls', '--omit=dev', '--all', '--json', '--long'], { encoding: 'utf8', maxBuffer: 64 << 20 }))
const seen = new Map()
const walk = (deps) => {
  for (const [name, dep] of Object.entries(deps ?? {})) {
    if (!dep.path || seen.has(dep.path)) continue
    const pkg = JSON.parse(readFileSync(join(dep.path, 'package.json'), 'utf8'))
    const license =
      typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? (pkg.licenses ?? []).map((l) => l.type).join(' OR '))
    seen.set(dep.path, { name, version: pkg.version, license })
    walk(dep.dependencies)
  }
}
walk(tree.dependencies)

// An SPDX expression passes when every AND term, or any OR alternative, is allowed.
const allowed = (expr) => {
  const e = (expr ?? '').replace(/[()]/g, '').trim()
  if (!e) return false
  if (e.includes(' OR ')) return e.split(' OR ').some((t) => allowed(t))
  return e.split(' AND ').every((t) => ALLOWED.has(t.trim()))
}
const bad = [...seen.values()].filter((p) => !allowed(p.license) && !REVIEWED.has(`${p.name}@${p.version}`))
console.log(`${seen.size} bundled packages checked against the licence allow-list`)
for (const p of bad) console.log(`NOT ALLOWED: ${p.name}@${p.version}: ${p.license || '(no licence field)'}`)
process.exit(bad.length ? 1 : 0)
