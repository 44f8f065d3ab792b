import { InputError, InputErrors, describeValue } from '../util/errors.js'
import type { CheckStatus, EvidenceService, PostDeploymentValidation, ValidationCheck } from './model.js'
import { normaliseCheckStatus, successRateFraction } from './normalise.js'
import { schemaValidator } from '../package/schemas.js'
import { escapePointerToken, issuesToErrors, schemaIssues } from './schema-check.js'
import { parseJsonText, stripBom } from './text.js'
import { isObject, type JsonObject as Json } from '../util/json.js'
import { EVIDENCE_INPUTS, SCHEMA_FILES } from '../artifacts/files.js'

export const VALIDATION_FILE = EVIDENCE_INPUTS.validation

const REQUIRED_SUMMARY = 'validation_date, status, validation_success_rate, checks, metrics_snapshot'

/**
 * Count triples that must add up: the parts (passed, failed) can never exceed the whole (run).
 * Keyed by the field holding the whole.
 */
const COUNT_RULES: Array<{ whole: string; parts: string[] }> = [
  { whole: 'tests_run', parts: ['tests_passed', 'tests_failed', 'tests_skipped'] },
  { whole: 'services_checked', parts: ['services_healthy', 'services_unhealthy'] },
  { whole: 'endpoints_verified', parts: ['endpoints_healthy', 'endpoints_unhealthy'] }
]

/**
 * The placeholder generator of the public protocol collection writes `{gate, generated_at,
 * metadata}`: it looks like evidence but says nothing about a deploy.
 */
function isPlaceholder(data: Json): boolean {
  const hasEvidence = ['validation_date', 'checks', 'validation_success_rate', 'metrics_snapshot'].some((k) => k in data)
  if (hasEvidence) return false
  return 'gate' in data || ('generated_at' in data && 'metadata' in data)
}

/** Case-fold status words so the schema's enum can list lower-case spellings only. */
function foldStatuses(data: Json): Json {
  const copy: Json = { ...data }
  if (typeof copy.status === 'string') copy.status = copy.status.trim().toLowerCase()
  if (isObject(copy.checks)) {
    const checks: Json = {}
    for (const [name, check] of Object.entries(copy.checks)) {
      checks[name] = isObject(check) && typeof check.status === 'string' ? { ...check, status: check.status.trim().toLowerCase() } : check
    }
    copy.checks = checks
  }
  return copy
}

function consistencyErrors(file: string, checks: Json): InputError[] {
  const errors: InputError[] = []
  for (const [name, raw] of Object.entries(checks)) {
    if (!isObject(raw)) continue
    for (const rule of COUNT_RULES) {
      const whole = raw[rule.whole]
      if (typeof whole !== 'number') continue
      const present = rule.parts.filter((p) => typeof raw[p] === 'number')
      if (present.length === 0) continue
      const sum = present.reduce((acc, p) => acc + (raw[p] as number), 0)
      if (sum > whole) {
        const pointer = `/checks/${escapePointerToken(name)}`
        errors.push(
          new InputError({
            file,
            field: pointer,
            expected: `${present.join(' + ')} to be at most ${rule.whole} (${whole})`,
            found: present.length === 1 ? `${present[0]} ${sum}` : `${present.map((p) => `${p} ${String(raw[p])}`).join(' + ')} = ${sum}`
          })
        )
      }
    }
  }
  return errors
}

/** Parse and validate `post-deployment-validation.json` text. `file` is used in error messages. */
export function parseValidation(text: string, file: string): PostDeploymentValidation {
  const data = parseJsonText(stripBom(text), file, `a JSON object with ${REQUIRED_SUMMARY}`)
  if (!isObject(data)) {
    throw new InputError({ file, field: '/', expected: `a JSON object with ${REQUIRED_SUMMARY}`, found: describeValue(data) })
  }
  if (isPlaceholder(data)) {
    throw new InputError({
      file,
      field: '/',
      expected: `deploy evidence from Protocol 11 (${REQUIRED_SUMMARY})`,
      found: `a placeholder file (${describeValue(data)}) as written by the protocol collection's placeholder generator; it is not deploy evidence and carries no data`
    })
  }

  const folded = foldStatuses(data)
  const validate = schemaValidator(SCHEMA_FILES.postDeploymentValidation)
  if (!validate(folded)) {
    throw new InputErrors(issuesToErrors(file, schemaIssues(validate.errors ?? [], data)))
  }
  const checksRaw = folded.checks as Json
  const consistency = consistencyErrors(file, checksRaw)
  if (consistency.length > 0) throw new InputErrors(consistency)

  const checks: ValidationCheck[] = Object.entries(checksRaw).map(([name, raw]) => {
    const check = raw as Json
    const counts: Record<string, number> = {}
    for (const [k, v] of Object.entries(check)) if (typeof v === 'number') counts[k] = v
    return { name, status: normaliseCheckStatus(check.status as string) as CheckStatus, counts }
  })

  const services: EvidenceService[] = ((folded.services as Json[] | undefined) ?? []).map((s) => {
    const service: EvidenceService = {
      name: s.name as string,
      critical: (s.critical as boolean | undefined) ?? false,
      new: (s.new as boolean | undefined) ?? false,
      endpoints: (s.endpoints as string[] | undefined) ?? []
    }
    if (typeof s.health === 'string') service.health = s.health
    return service
  })

  const result: PostDeploymentValidation = {
    validationDate: folded.validation_date as string,
    status: normaliseCheckStatus(folded.status as string) as CheckStatus,
    successRate: successRateFraction(folded.validation_success_rate as number),
    checks,
    metricsSnapshot: { ...(folded.metrics_snapshot as Record<string, number>) },
    services
  }
  if (typeof folded.environment === 'string') result.environment = folded.environment
  if (isObject(folded.release)) {
    const r = folded.release
    const release: NonNullable<PostDeploymentValidation['release']> = {}
    if (typeof r.tag === 'string') release.tag = r.tag
    if (typeof r.commit === 'string') release.commit = r.commit
    if (typeof r.deployment_type === 'string') release.deploymentType = r.deployment_type
    result.release = release
  }
  return result
}
