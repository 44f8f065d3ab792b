/**
 * A small ZIP reader for downloaded artifacts: every entry name is checked before anything is
 * written, so an archive with a path leaving its folder (`../x`, `/etc/x`, `C:\x`), a symlink or
 * an encrypted entry is refused as a whole. (@actions/artifact's extractor silently rewrites `..`
 * to `.`, which would hide a tampered archive.)
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { inflateRawSync } from 'node:zlib'

export class UnsafeArchiveError extends Error {
  readonly entries: string[]
  constructor(message: string, entries: string[]) {
    super(message)
    this.name = 'UnsafeArchiveError'
    this.entries = entries
  }
}

export interface ZipEntry {
  name: string
  method: number
  flags: number
  crc32: number
  compressedSize: number
  size: number
  localHeaderOffset: number
  isDirectory: boolean
  isSymlink: boolean
}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

export function isZip(buf: Buffer): boolean {
  return buf.length >= 22 && buf.readUInt32LE(0) === LOCAL
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

export function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

export function listZipEntries(buf: Buffer): ZipEntry[] {
  let eocd = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error('not a ZIP archive (no end of central directory)')
  let count = buf.readUInt16LE(eocd + 10)
  let cdOffset = buf.readUInt32LE(eocd + 16)
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const z = Number(buf.readBigUInt64LE(eocd - 20 + 8))
    if (buf.readUInt32LE(z) !== ZIP64_EOCD) throw new Error('corrupt ZIP64 end of central directory')
    count = Number(buf.readBigUInt64LE(z + 32))
    cdOffset = Number(buf.readBigUInt64LE(z + 48))
  }
  const entries: ZipEntry[] = []
  let p = cdOffset
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new Error('corrupt ZIP central directory')
    const madeBy = buf.readUInt16LE(p + 4)
    const flags = buf.readUInt16LE(p + 8)
    const method = buf.readUInt16LE(p + 10)
    const crc = buf.readUInt32LE(p + 16)
    let compressedSize = buf.readUInt32LE(p + 20)
    let size = buf.readUInt32LE(p + 24)
    const nameLen = buf.readUInt16LE(p + 28)
    const extraLen = buf.readUInt16LE(p + 30)
    const commentLen = buf.readUInt16LE(p + 32)
    const external = buf.readUInt32LE(p + 38)
    let localHeaderOffset = buf.readUInt32LE(p + 42)
    const rawName = buf.subarray(p + 46, p + 46 + nameLen)
    const name = rawName.toString(flags & 0x800 ? 'utf8' : 'latin1')
    // ZIP64 extra field: the 64-bit values replace the 32-bit ones that are 0xFFFFFFFF, in order.
    let e = p + 46 + nameLen
    const extraEnd = e + extraLen
    while (e + 4 <= extraEnd) {
      const id = buf.readUInt16LE(e)
      const len = buf.readUInt16LE(e + 2)
      if (id === 0x0001) {
        let q = e + 4
        if (size === 0xffffffff) {
          size = Number(buf.readBigUInt64LE(q))
          q += 8
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(buf.readBigUInt64LE(q))
          q += 8
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(buf.readBigUInt64LE(q))
      }
      e += 4 + len
    }
    const unixMode = madeBy >> 8 === 3 ? external >>> 16 : 0
    entries.push({
      name,
      method,
      flags,
      crc32: crc,
      compressedSize,
      size,
      localHeaderOffset,
      isDirectory: name.endsWith('/') || name.endsWith('\\'),
      isSymlink: (unixMode & 0o170000) === 0o120000
    })
    p = extraEnd + commentLen
  }
  return entries
}

/** Why this entry may not be extracted into a folder, or undefined when it may. */
export function unsafeReason(entry: ZipEntry): string | undefined {
  const name = entry.name
  if (name.includes('\0')) return 'contains a NUL character'
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return 'is an absolute path'
  if (name.split(/[/\\]/).some((seg) => seg === '..')) return 'leaves the folder (..)'
  if (entry.isSymlink) return 'is a symbolic link'
  if (entry.flags & 0x1) return 'is encrypted'
  if (entry.method !== 0 && entry.method !== 8) return `uses unsupported compression method ${entry.method}`
  return undefined
}

export interface ExtractOptions {
  /** Refuse archives that would expand beyond this many bytes. */
  maxBytes?: number
}

/** Check every entry, then extract. Returns the relative paths of the files written. */
export async function extractZipSafely(buf: Buffer, dest: string, options: ExtractOptions = {}): Promise<string[]> {
  const entries = listZipEntries(buf)
  const root = resolve(dest)
  const bad: string[] = []
  let total = 0
  for (const entry of entries) {
    const reason = unsafeReason(entry)
    const target = resolve(root, entry.name.replace(/\\/g, '/'))
    const rel = relative(root, target)
    if (reason) bad.push(`${JSON.stringify(entry.name)} ${reason}`)
    else if (rel.startsWith('..') || isAbsolute(rel)) bad.push(`${JSON.stringify(entry.name)} leaves the folder`)
    total += entry.size
  }
  if (bad.length > 0) {
    throw new UnsafeArchiveError(
      `refused: ${bad.length} entr${bad.length === 1 ? 'y' : 'ies'} unsafe to extract: ${bad.slice(0, 5).join('; ')}`,
      bad
    )
  }
  const maxBytes = options.maxBytes ?? 2 * 1024 ** 3
  if (total > maxBytes) throw new UnsafeArchiveError(`refused: expands to ${total} bytes, more than ${maxBytes}`, [])

  const written: string[] = []
  await mkdir(root, { recursive: true })
  for (const entry of entries) {
    const relName = entry.name.replace(/\\/g, '/')
    const target = join(root, relName)
    if (entry.isDirectory) {
      await mkdir(target, { recursive: true })
      continue
    }
    const h = entry.localHeaderOffset
    if (buf.readUInt32LE(h) !== LOCAL) throw new Error(`corrupt ZIP: no local header for ${relName}`)
    const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28)
    const raw = buf.subarray(start, start + entry.compressedSize)
    const data = entry.method === 8 ? inflateRawSync(raw) : Buffer.from(raw)
    if (data.length !== entry.size || crc32(data) !== entry.crc32) throw new Error(`corrupt ZIP: ${relName} fails its CRC or size check`)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, data)
    written.push(relName)
  }
  return written
}
