import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { redact, redactDeep } from '../util/redact.js'
import { ARTIFACT_SCHEMAS } from '../artifacts/files.js'
import { validateAgainst } from './schemas.js'

export interface WrittenArtifact {
  name: string
  path: string
  sha256: string
  bytes: number
  written_at: string
  /** `valid` for a JSON artifact that passed its schema, `n/a` for Markdown. */
  schema: { file: string | null; result: 'valid' | 'invalid' | 'n/a'; errors: string[] }
}

/** A JSON artifact failed its own schema: a defect of the action, reported, never written. */
export class ArtifactSchemaError extends Error {
  constructor(
    readonly artifact: string,
    readonly errors: string[]
  ) {
    super(`${artifact} does not satisfy its schema: ${errors.slice(0, 5).join('; ')}`)
    this.name = 'ArtifactSchemaError'
  }
}

/**
 * Writes the package files into one folder and remembers what it wrote for the manifest. Every
 * file passes the run's redactor here, so no artifact can carry a known secret.
 */
export class PackageWriter {
  readonly written = new Map<string, WrittenArtifact>()

  constructor(
    readonly dir: string,
    private readonly now: () => Date
  ) {}

  async init(): Promise<void> {
    await mkdir(this.dir, { recursive: true })
  }

  private async put(name: string, content: string, schema: WrittenArtifact['schema']): Promise<WrittenArtifact> {
    const path = join(this.dir, name)
    // Encoded once: the file, its hash and its size read the same bytes (a fleet's file is 20 MB).
    const bytes = Buffer.from(content, 'utf8')
    await writeFile(path, bytes)
    const artifact: WrittenArtifact = {
      name,
      path,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      written_at: this.now().toISOString(),
      schema
    }
    this.written.set(name, artifact)
    return artifact
  }

  /** Validate against the artifact's schema, then write. Throws ArtifactSchemaError when invalid. */
  async json(name: string, raw: unknown): Promise<WrittenArtifact> {
    const schemaFile = ARTIFACT_SCHEMAS[name]
    if (!schemaFile) throw new Error(`no schema registered for ${name}`)
    const data = redactDeep(raw)
    // What the run writes: an error is a bug of the action, the first one is enough.
    const result = validateAgainst(schemaFile, data, 'own')
    if (!result.valid) throw new ArtifactSchemaError(name, result.errors)
    return this.put(name, JSON.stringify(data, null, 2) + '\n', { file: schemaFile, result: 'valid', errors: [] })
  }

  async text(name: string, content: string): Promise<WrittenArtifact> {
    const safe = redact(content)
    return this.put(name, safe.endsWith('\n') ? safe : safe + '\n', { file: null, result: 'n/a', errors: [] })
  }
}
