import type { WrittenArtifact } from './writer.js'
import { FILES } from '../artifacts/files.js'
import type { ManifestEntry, PackageManifest } from '../artifacts/contracts/monitoring-package-manifest.js'
import { byText } from '../util/order.js'

export type { PackageManifest }

/** The artifacts the protocol names; the manifest itself is listed apart. */
export const REQUIRED_ARTIFACTS = [
  FILES.requirements,
  FILES.instrumentationAudit,
  FILES.baselineMetrics,
  FILES.dashboardConfig,
  FILES.alertTestResults,
  FILES.observabilitySchedule,
  FILES.alertTuningReport,
  FILES.scorecard,
  FILES.approvalRecord,
  FILES.improvementBacklog
] as const

/** Which downstream protocol reads what (seed section 3). */
export const DOWNSTREAM = {
  'protocol-13': [FILES.manifest, FILES.alertTestResults, FILES.instrumentationAudit, FILES.approvalRecord],
  'protocol-5': [FILES.scorecard, FILES.alertTuningReport, FILES.improvementBacklog],
  'protocol-14': [FILES.baselineMetrics, FILES.instrumentationGaps, FILES.instrumentationAudit]
} as const

export function buildManifest(args: {
  written: Iterable<WrittenArtifact>
  generator: string
  now: Date
  environment: string
  release: { tag?: string; commit?: string }
  run: { id: string; url?: string }
  runbook: PackageManifest['runbook']
  /** Why an artifact was not written, by name (a failed write, a crashed step, refused input). */
  notWritten?: ReadonlyMap<string, string>
  refusedInput?: string[]
}): PackageManifest {
  const artifacts: ManifestEntry[] = [...args.written]
    .map((a) => ({
      name: a.name,
      sha256: a.sha256,
      bytes: a.bytes,
      written_at: a.written_at,
      verified_by: args.generator,
      schema_file: a.schema.file,
      schema_result: a.schema.result
    }))
    .sort((a, b) => byText(a.name, b.name))
  const present = new Set(artifacts.filter((a) => a.schema_result !== 'invalid').map((a) => a.name))
  const required: string[] = [...REQUIRED_ARTIFACTS]
  const missing = required.filter((n) => !present.has(n))
  const why = (n: string): string =>
    args.notWritten?.get(n) ??
    (artifacts.some((a) => a.name === n)
      ? 'written but fails its schema'
      : args.refusedInput?.length
        ? 'not produced: the input was refused (see refused_input)'
        : 'not produced by this run')
  return {
    generated_at: args.now.toISOString(),
    generator: args.generator,
    environment: args.environment,
    release: { tag: args.release.tag ?? null, commit: args.release.commit ?? null },
    run: { id: args.run.id, url: args.run.url ?? null },
    artifacts,
    required_artifacts: required,
    missing_artifacts: missing,
    manifest_completeness: Math.round(((required.length - missing.length) / required.length) * 10000) / 100,
    status: missing.length === 0 ? 'complete' : 'incomplete',
    missing: missing.map((name) => ({ name, reason: why(name) })),
    ...(args.refusedInput?.length ? { refused_input: args.refusedInput } : {}),
    runbook: args.runbook,
    downstream: Object.fromEntries(Object.entries(DOWNSTREAM).map(([k, v]) => [k, [...v]]))
  }
}
