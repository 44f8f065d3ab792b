import { lstat, readFile, realpath, stat } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { InputError } from './errors.js'
import { decodeUtf8 } from './utf8.js'

/**
 * Paths named by the config or the evidence stay in the workspace (the repository checkout):
 * each is resolved with its real path, symbolic links followed, and refused when it leads
 * outside. Files are read only through here, so a refused file is never opened and no error
 * quotes what a file holds.
 */

/** Where a path came from, for the error: the config field, and the config file and line when known. */
export interface PathOrigin {
  field: string
  file?: string
  line?: number
}

export interface WorkspacePath {
  /** The real path (symbolic links resolved), or the lexical one for a path that does not exist yet. */
  abs: string
  /** The path as the user wrote it, relative to the workspace. */
  shown: string
  exists: boolean
}

const INSIDE = 'a path inside the workspace (relative to the repository root)'

function inside(root: string, p: string): boolean {
  return p === root || p.startsWith(root.endsWith(sep) ? root : root + sep)
}

function refuse(p: string, origin: PathOrigin, found: string, expected = INSIDE): InputError {
  return new InputError({ file: origin.file ?? p, line: origin.line, field: origin.field, expected, found })
}

async function realRoot(workspace: string): Promise<string> {
  try {
    return await realpath(resolve(workspace))
  } catch {
    return resolve(workspace)
  }
}

/** Nearest existing ancestor of a path (the path itself when it exists), with its real path. */
async function nearestReal(abs: string): Promise<{ real: string; exists: boolean }> {
  let cur = abs
  let exists = true
  for (;;) {
    try {
      const real = await realpath(cur)
      return { real: cur === abs ? real : resolve(real, relative(cur, abs)), exists }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err
      exists = false
      const up = dirname(cur)
      if (up === cur) return { real: abs, exists: false }
      cur = up
    }
  }
}

/** A text is a path that reaches outside, before anything is looked at on disk. */
export function lexicalEscape(workspace: string, p: string): string | undefined {
  if (p.includes('\0')) return 'a path with a NUL byte'
  const root = resolve(workspace)
  const abs = isAbsolute(p) ? resolve(p) : resolve(root, p)
  if (!inside(root, abs))
    return isAbsolute(p)
      ? `the absolute path ${JSON.stringify(p)}, outside the workspace`
      : `the path ${JSON.stringify(p)}, which leads outside the workspace`
  return undefined
}

/**
 * Resolve a path from the config or the evidence inside the workspace. A path that does not exist
 * yet is checked through its nearest existing folder, so nothing is created through a symbolic
 * link that leads outside.
 */
export async function resolveInWorkspace(workspace: string, p: string, origin: PathOrigin): Promise<WorkspacePath> {
  const escape = lexicalEscape(workspace, p)
  if (escape) throw refuse(p, origin, escape)
  const root = resolve(workspace)
  const lexical = isAbsolute(p) ? resolve(p) : resolve(root, p)
  const shown = relative(root, lexical) || '.'
  const rootReal = await realRoot(root)
  const { real, exists } = await nearestReal(lexical)
  if (!inside(rootReal, real)) {
    throw refuse(p, origin, `the path ${JSON.stringify(p)}, which goes through a symbolic link that leads outside the workspace`)
  }
  return { abs: real, shown, exists }
}

export interface ReadOptions {
  /** What the file should be, for the error ("a Grafana dashboard JSON file"). */
  what: string
  /** Largest file read, in bytes. */
  maxBytes?: number
}

/** Read a text file named by the config, confined to the workspace, as strict UTF-8. */
export async function readWorkspaceText(
  workspace: string,
  p: string,
  origin: PathOrigin,
  opts: ReadOptions
): Promise<{ text: string; shown: string; abs: string }> {
  const { abs, shown, exists } = await resolveInWorkspace(workspace, p, origin)
  const max = opts.maxBytes ?? 16 * 1024 * 1024
  const where: PathOrigin = { field: origin.field }
  if (!exists) throw refuse(shown, where, 'no such file', opts.what)
  const st = await stat(abs)
  if (!st.isFile()) throw refuse(shown, where, st.isDirectory() ? 'a folder' : 'not a regular file', opts.what)
  if (st.size > max) throw refuse(shown, where, `a file of ${st.size} bytes (at most ${max} are read)`, opts.what)
  let bytes: Buffer
  try {
    bytes = await readFile(abs)
  } catch (err) {
    throw refuse(shown, where, `an unreadable file (${(err as NodeJS.ErrnoException).code ?? 'error'})`, opts.what)
  }
  if (bytes.length > max) throw refuse(shown, where, `a file of ${bytes.length} bytes (at most ${max} are read)`, opts.what)
  return { text: decodeUtf8(bytes, shown, `${opts.what} in UTF-8`), shown, abs }
}

/** A glob pattern names no folder above the workspace. */
export function globEscape(pattern: string): string | undefined {
  if (isAbsolute(pattern)) return `the absolute pattern ${JSON.stringify(pattern)}`
  if (pattern.split(/[\\/]/).includes('..')) return `the pattern ${JSON.stringify(pattern)}, which climbs out with ..`
  return undefined
}

/** Most files one glob pattern may match: a listing is bounded like everything else. */
export const GLOB_MAX_MATCHES = 1000

/**
 * Files matching a glob in the workspace. Symbolic links are not followed while listing (a link
 * to `/` cannot make the listing walk the whole disk), and each match is confined like a path.
 */
export async function globWorkspace(workspace: string, pattern: string, origin: PathOrigin): Promise<WorkspacePath[]> {
  const escape = globEscape(pattern)
  if (escape) throw refuse(pattern, origin, escape, 'a glob pattern inside the workspace (relative to the repository root)')
  const { glob } = await import('tinyglobby')
  const root = resolve(workspace)
  const matched = await glob(pattern, { cwd: root, absolute: true, onlyFiles: true, followSymbolicLinks: false, deep: 32 })
  if (matched.length > GLOB_MAX_MATCHES) {
    throw refuse(pattern, origin, `${matched.length} matching files`, `a pattern matching at most ${GLOB_MAX_MATCHES} files`)
  }
  const out: WorkspacePath[] = []
  for (const m of matched.sort()) {
    // Listing without following links still reports a file whose own name is a link on some systems.
    const info = await lstat(m).catch(() => undefined)
    if (!info) continue
    out.push(await resolveInWorkspace(root, relative(root, m), origin))
  }
  return out
}

/**
 * Every file a list of config paths or globs names, each confined; a refused path is an error
 * of its own, so the others are still read.
 */
export async function expandWorkspacePaths(
  workspace: string,
  patterns: string[],
  origin: (i: number) => PathOrigin
): Promise<{ files: Array<WorkspacePath & { pattern: string }>; errors: InputError[] }> {
  const { isDynamicPattern } = await import('tinyglobby')
  const files: Array<WorkspacePath & { pattern: string }> = []
  const errors: InputError[] = []
  const seen = new Set<string>()
  for (const [i, p] of patterns.entries()) {
    let found: WorkspacePath[]
    try {
      found = isDynamicPattern(p) ? await globWorkspace(workspace, p, origin(i)) : [await resolveInWorkspace(workspace, p, origin(i))]
    } catch (err) {
      if (err instanceof InputError) {
        errors.push(err)
        continue
      }
      throw err
    }
    for (const f of found) {
      if (seen.has(f.abs)) continue
      seen.add(f.abs)
      files.push({ ...f, pattern: p })
    }
  }
  return { files, errors }
}
