import { open } from 'node:fs/promises'
import { InputError } from '../util/errors.js'
import { decodeUtf8 } from '../util/utf8.js'

/** Largest config file read: a config is a page or two; anything bigger is a mistake or an attack. */
export const CONFIG_MAX_BYTES = 1024 * 1024

/**
 * The config file as UTF-8 text, or the input error that says why it cannot be read. Apart from
 * the parser (load.ts) so that a run refused for a missing config loads neither YAML nor zod.
 */
export async function readConfigText(file: string): Promise<string> {
  return decodeUtf8(await readConfigBytes(file), file, 'a UTF-8 config file')
}

async function readConfigBytes(file: string): Promise<Buffer> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new InputError({
      file,
      expected: 'a config file (the `config` input, or --config on the command line, names it)',
      found: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder' : `an unreadable file (${code ?? String(err)})`
    })
  }
  try {
    const st = await handle.stat()
    if (!st.isFile()) throw new InputError({ file, expected: 'a config file', found: st.isDirectory() ? 'a folder' : 'not a regular file' })
    if (st.size > CONFIG_MAX_BYTES)
      throw new InputError({ file, expected: `a config file of at most ${CONFIG_MAX_BYTES} bytes`, found: `a file of ${st.size} bytes` })
    const buf = Buffer.alloc(Math.min(st.size, CONFIG_MAX_BYTES) + 1)
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0)
    if (bytesRead > CONFIG_MAX_BYTES)
      throw new InputError({ file, expected: `a config file of at most ${CONFIG_MAX_BYTES} bytes`, found: 'a file that grew past it' })
    return buf.subarray(0, bytesRead)
  } catch (err) {
    if (err instanceof InputError) throw err
    const code = (err as NodeJS.ErrnoException).code
    throw new InputError({
      file,
      expected: 'a config file',
      found: code === 'EISDIR' ? 'a folder' : `an unreadable file (${code ?? String(err)})`
    })
  } finally {
    await handle.close()
  }
}
