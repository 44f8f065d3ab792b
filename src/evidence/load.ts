import { createHash } from 'node:crypto'
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { InputError, InputErrors } from '../util/errors.js'
import { decodeUtf8 } from '../util/utf8.js'
import { HEALTH_LOG_FILE, parseHealthLog } from './health-log.js'
import type { DeploymentHealthLog, DeploymentReport, Evidence, EvidenceFileInfo, PostDeploymentValidation } from './model.js'
import { parseDeploymentReport, REPORT_FILE } from './report.js'
import { parseValidation, VALIDATION_FILE } from './validation.js'

export { parseValidation, VALIDATION_FILE } from './validation.js'
export { parseHealthLog, HEALTH_LOG_FILE } from './health-log.js'
export { parseDeploymentReport, REPORT_FILE } from './report.js'

export const EVIDENCE_FILES = [VALIDATION_FILE, HEALTH_LOG_FILE, REPORT_FILE] as const

export interface LoadEvidenceOptions {
  /** Largest evidence file accepted, in bytes; checked before the file is read. */
  maxBytes: number
  /**
   * Largest Markdown evidence file (health log, report). Markdown parsing costs far more per byte
   * than JSON, so it has its own, lower limit. Defaults to maxBytes.
   */
  markdownMaxBytes?: number
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB (${n} bytes)`
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB (${n} bytes)`
  return `${n} bytes`
}

async function folderListing(dir: string): Promise<string> {
  try {
    const names = (await readdir(dir)).sort()
    if (names.length === 0) return 'the folder is empty'
    return `the folder has ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', ...' : ''}`
  } catch {
    return 'the folder cannot be listed'
  }
}

/** Read one evidence file: stat first so an oversized file is refused without reading it. */
async function readEvidenceFile(
  dir: string,
  name: string,
  maxBytes: number,
  limitName: string
): Promise<{ text: string; info: EvidenceFileInfo }> {
  const file = path.join(dir, name)
  let size: number
  try {
    // A file that is a symbolic link must stay in the evidence folder: a link to /etc/passwd is refused unread.
    if ((await lstat(file)).isSymbolicLink()) {
      const [real, root] = await Promise.all([realpath(file), realpath(dir)])
      if (!real.startsWith(root + path.sep)) {
        throw new InputError({
          file,
          expected: `${name} to be a file in the evidence folder`,
          found: 'a symbolic link that leads outside the evidence folder'
        })
      }
    }
    const st = await stat(file)
    if (!st.isFile()) {
      throw new InputError({ file, expected: `${name} to be a file`, found: st.isDirectory() ? 'a directory' : 'not a regular file' })
    }
    size = st.size
  } catch (err) {
    if (err instanceof InputError) throw err
    const code = (err as NodeJS.ErrnoException).code
    throw new InputError({
      file,
      expected: `the evidence file ${name} in the evidence folder ${dir} (Protocol 11 writes it)`,
      found: code === 'ENOENT' ? `no such file (${await folderListing(dir)})` : `an unreadable file (${code ?? String(err)})`
    })
  }
  if (size > maxBytes) {
    throw new InputError({
      file,
      expected: `an evidence file of at most ${formatBytes(maxBytes)} (limits.${limitName})`,
      found: `a file of ${formatBytes(size)}`
    })
  }
  const bytes = await readFile(file)
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) {
    throw new InputError({
      file,
      expected: `an evidence file of at most ${formatBytes(maxBytes)} (limits.${limitName})`,
      found: `a file of ${formatBytes(bytes.length)}`
    })
  }
  // Refused with the byte offset rather than read with replacement characters (a service name
  // with U+FFFD in it would match nothing and say nothing).
  const text = decodeUtf8(bytes, file)
  return { text, info: { path: name, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length } }
}

function collect(errors: InputError[], err: unknown, file: string): void {
  if (err instanceof InputErrors) errors.push(...err.errors)
  else if (err instanceof InputError) errors.push(err)
  // Not the input's fault: a defect here. Still say which file was being read.
  else throw new Error(`${file}: could not be read: ${err instanceof Error ? err.message : String(err)}`, { cause: err })
}

/** Tags match when equal up to a leading "v"; commits when one is a prefix of the other. */
function crossCheck(validation: PostDeploymentValidation, report: DeploymentReport, dir: string): InputError[] {
  const errors: InputError[] = []
  const a = validation.release
  const b = report.release
  const file = path.join(dir, VALIDATION_FILE)
  if (a?.tag && b.tag && a.tag.replace(/^v/i, '') !== b.tag.replace(/^v/i, '')) {
    errors.push(
      new InputError({
        file,
        field: '/release/tag',
        expected: `the release tag of ${REPORT_FILE} (${b.tag}): all three files must come from the same deploy`,
        found: describeTag(a.tag)
      })
    )
  }
  if (a?.commit && b.commit) {
    const x = a.commit.toLowerCase()
    const y = b.commit.toLowerCase()
    if (!x.startsWith(y) && !y.startsWith(x)) {
      errors.push(
        new InputError({
          file,
          field: '/release/commit',
          expected: `the commit of ${REPORT_FILE} (${b.commit}): all three files must come from the same deploy`,
          found: describeTag(a.commit)
        })
      )
    }
  }
  return errors
}

function describeTag(value: string): string {
  return JSON.stringify(value)
}

/**
 * Read and validate the three Protocol 11 files in `dir`. Every problem found in any of them is
 * reported together (InputErrors), so one run shows everything to fix.
 */
export async function loadEvidence(dir: string, opts: LoadEvidenceOptions): Promise<Evidence> {
  try {
    const st = await stat(dir)
    if (!st.isDirectory()) throw new InputError({ file: dir, expected: 'an evidence folder', found: 'a file' })
  } catch (err) {
    if (err instanceof InputError) throw err
    const code = (err as NodeJS.ErrnoException).code
    throw new InputError({
      file: dir,
      expected: `an evidence folder holding ${EVIDENCE_FILES.join(', ')} (set the evidence input)`,
      found: code === 'ENOENT' ? 'no such folder' : `an unreadable folder (${code ?? String(err)})`
    })
  }

  const errors: InputError[] = []
  const files: EvidenceFileInfo[] = []
  let validation: PostDeploymentValidation | undefined
  let healthLog: DeploymentHealthLog | undefined
  let report: DeploymentReport | undefined

  const read = await Promise.allSettled(
    EVIDENCE_FILES.map((name) =>
      name.endsWith('.md')
        ? readEvidenceFile(dir, name, opts.markdownMaxBytes ?? opts.maxBytes, 'evidence-markdown-max-bytes')
        : readEvidenceFile(dir, name, opts.maxBytes, 'evidence-max-bytes')
    )
  )
  read.forEach((r, i) => {
    const name = EVIDENCE_FILES[i]!
    const file = path.join(dir, name)
    if (r.status === 'rejected') {
      collect(errors, r.reason, file)
      return
    }
    files.push(r.value.info)
    try {
      if (name === VALIDATION_FILE) validation = parseValidation(r.value.text, file)
      else if (name === HEALTH_LOG_FILE) healthLog = parseHealthLog(r.value.text, file)
      else report = parseDeploymentReport(r.value.text, file)
    } catch (err) {
      collect(errors, err, file)
    }
  })
  if (validation && report) errors.push(...crossCheck(validation, report, dir))

  if (errors.length === 1) throw errors[0]!
  if (errors.length > 1) throw new InputErrors(errors)
  return { dir, validation: validation!, healthLog: healthLog!, report: report!, files }
}
