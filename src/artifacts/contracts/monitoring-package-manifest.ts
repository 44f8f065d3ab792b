import { z } from 'zod'
import { dateTime } from './common.js'

export const manifestEntryContract = z.strictObject({
  name: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.int().min(0),
  written_at: dateTime(),
  verified_by: z.string(),
  schema_file: z.string().nullable(),
  schema_result: z.enum(['valid', 'invalid', 'n/a'])
})

export const packageManifestContract = z
  .strictObject({
    generated_at: dateTime(),
    generator: z.string(),
    environment: z.string(),
    release: z.strictObject({ tag: z.string().nullable(), commit: z.string().nullable() }),
    run: z.strictObject({ id: z.string(), url: z.string().nullable() }),
    artifacts: z.array(manifestEntryContract),
    required_artifacts: z.array(z.string()),
    missing_artifacts: z.array(z.string()),
    manifest_completeness: z.number().min(0).max(100),
    status: z
      .enum(['complete', 'incomplete'])
      .describe('incomplete: a required artifact is missing or invalid; missing says which and why.'),
    missing: z
      .array(z.strictObject({ name: z.string().min(1), reason: z.string().min(1) }))
      .describe('Each required artifact not in the package, with the reason.'),
    refused_input: z.array(z.string()).optional().describe('Config or evidence that was refused; what depends on it was not checked.'),
    runbook: z.strictObject({ path: z.string(), changed: z.boolean(), sha256: z.string().nullable() }).nullable(),
    downstream: z.record(z.string(), z.array(z.string())).describe('Which downstream protocol reads which files.')
  })
  .describe('The Protocol 12 handoff package: every artifact with its SHA-256, size, schema result and time.')

export type ManifestEntry = z.infer<typeof manifestEntryContract>
export type PackageManifest = z.infer<typeof packageManifestContract>
