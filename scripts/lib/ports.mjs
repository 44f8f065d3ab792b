// Loopback ports for the demo stack: the example's fixed ports when they are free (so the
// example's files work unchanged), otherwise ports the system hands out, plus a rewrite of
// `127.0.0.1:<port>` in a copied workspace to match. No dependencies.
import { createServer } from 'node:net'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { extname, join } from 'node:path'

function listenOnce(port) {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(undefined))
    server.listen(port, '127.0.0.1', () => {
      const got = server.address().port
      server.close(() => resolve(got))
    })
  })
}

/**
 * For each preferred port, that port if it is free on 127.0.0.1, else a free one from the system.
 * Returns Map(preferred -> chosen). A port is only known to be free at the moment it is checked;
 * the stack binds it right after.
 */
export async function choosePorts(preferred) {
  const chosen = new Map()
  const taken = new Set()
  for (const want of preferred) {
    let port = taken.has(want) ? undefined : await listenOnce(want)
    // Bounded: the system hands out a fresh port on almost every try.
    for (let i = 0; port === undefined || taken.has(port); i++) {
      if (i >= 20) throw new Error(`no free loopback port found in place of ${want}`)
      port = await listenOnce(0)
    }
    taken.add(port)
    chosen.set(want, port)
  }
  return chosen
}

const TEXT = new Set(['.yml', '.yaml', '.json', '.md'])

/** Rewrite `127.0.0.1:<old>` to `127.0.0.1:<new>` in every text file under dir (one pass per file). */
export function rewritePorts(dir, mapping) {
  const changed = [...mapping].filter(([from, to]) => from !== to)
  if (changed.length === 0) return 0
  const to = new Map(changed.map(([a, b]) => [String(a), String(b)]))
  const re = new RegExp(`127\\.0\\.0\\.1:(${[...to.keys()].join('|')})\\b`, 'g')
  let files = 0
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else if (TEXT.has(extname(name))) {
        const before = readFileSync(p, 'utf8')
        const after = before.replace(re, (_, port) => `127.0.0.1:${to.get(port)}`)
        if (after !== before) {
          writeFileSync(p, after)
          files++
        }
      }
    }
  }
  walk(dir)
  return files
}
