/**
 * End to end: the bundled action (`node dist/index.js`) run as the Actions runner runs it, against
 * the example's live monitoring stack and stand-ins for GitHub's REST API and artifact service.
 * The bundle under test is the committed one: run `npm run bundle` after changing src/.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { downloadArtifact, validatePackageJson } from './package-checks.js'
import { ensureNode24 } from './node24.js'
import { ACTION_ENTRY, listFiles, prepareWorkspace, runAction, type ActionRun, type RunEvent, type Workspace } from './runner.js'
import { DEGRADED_TRACES_METRIC, GITHUB_TOKEN, REPOSITORY, ROOT, startE2eStack, type E2eStack } from './stack.js'
import { uploadArtifactStep } from './upload-artifact-step.js'

const ROOT_FIXTURES = join(ROOT, '__tests__', 'fixtures', 'bad')

const TEST_TIMEOUT = 180_000

const ANNOUNCEMENTS = [
  '[PHASE 1 START] - Reviewing deployment evidence to map monitoring requirements...',
  '[PHASE 1 COMPLETE] - Instrumentation Alignment and Baseline Capture finished successfully.',
  '[PHASE 2 START] - Activating dashboards and alert policies...',
  '[PHASE 2 COMPLETE] - Monitoring Activation and Alert Validation finished successfully.',
  '[PHASE 3 START] - Scheduling ongoing observability validation tasks...',
  '[PHASE 3 COMPLETE] - Continuous Observability Assurance finished successfully.',
  '[PHASE 4 START] - Delivering monitoring package to incident response and retrospective owners...',
  '[PHASE 4 COMPLETE] - Handoff and Improvement Loop finished successfully.',
  '[PROTOCOL COMPLETE] - Monitoring activated. Ready for Protocol 13 (Incident Response & Rollback).'
]
const MISSING_PAYMENTS = '[ERROR] Missing telemetry coverage for critical service: payments.'
const SUMMARY_GATE_TABLE = '| Gate | Status | First reason |'
const SUMMARY_MATRIX_HEADER = '| Service | Status | Metrics | Logs | Traces | Synthetic |'

/** Inputs every case gives, as a workflow would. */
const BASE_INPUTS = { 'approved-by': 'alice (SRE lead)', 'on-call-owner': 'payments-oncall' }

/**
 * For cases about something other than the alert path and the backlog: no synthetic alerts (so no
 * wait for acknowledgements; gate 2 then fails as not approved) and no issues filed.
 */
const WITHOUT_ALERTS_AND_ISSUES = { ...BASE_INPUTS, 'alert-tests': 'false', 'backlog-issues': 'false' }
/** The gates of such a run when the evidence is good: only gate 2 fails. */
const ONLY_ALERT_GATE_FAILS = [
  [1, 'pass'],
  [2, 'fail'],
  [3, 'pass'],
  [4, 'pass']
]
const EVIDENCE_FILES = ['DEPLOYMENT-REPORT.md', 'deployment-health-log.md', 'post-deployment-validation.json']

/** The failing-traces scenario: the traces signal comes from the exporter run with `--no-traces payments`. */
const withDegradedTraces = (t: string): string =>
  t.replace(
    'traces: { kind: promql, backend: prometheus, query: spans_total }',
    `traces: { kind: promql, backend: prometheus, query: ${DEGRADED_TRACES_METRIC} }`
  )
const degradedTraces = { 'sre-monitoring.yml': withDegradedTraces }
/**
 * The same, with room for the whole backlog in one run: with the example's cap of 10 new issues
 * a first attempt may hold items back that its re-run then rightly opens.
 */
const degradedTracesWholeBacklog = {
  'sre-monitoring.yml': (t: string) => withDegradedTraces(t).replace('max-new-issues: 10', 'max-new-issues: 50')
}

interface GateOutput {
  id: number
  name: string
  status: string
  reasons: string[]
}

let stack: E2eStack
let root: string

beforeAll(async () => {
  if (!existsSync(ACTION_ENTRY))
    throw new Error(`${ACTION_ENTRY} is missing: run \`npm run bundle\` first (the end-to-end tests run the committed bundle).`)
  root = mkdtempSync(join(tmpdir(), 'sre-e2e-'))
  stack = await startE2eStack()
}, 120_000)

afterAll(async () => {
  await stack?.stop()
  if (root) rmSync(root, { recursive: true, force: true })
}, 60_000)

// Each case starts from an empty repository (no issues, comments or dispatches of another case) and
// is judged on its own requests only: no case reads what another left on the shared stand-ins.
beforeEach(() => {
  stack.github.resetRepo(REPOSITORY)
  stack.github.clearFaults()
  stack.github.unexpectedRequests.length = 0
  stack.github.invalidResponses.length = 0
  stack.artifacts.unexpectedRequests.length = 0
  stack.oncall.invalid.length = 0
})

afterEach(() => {
  // The bundle's requests must all be ones GitHub accepts.
  expect(stack.github.unexpectedRequests).toEqual([])
  expect(stack.github.invalidResponses).toEqual([])
  expect(stack.artifacts.unexpectedRequests).toEqual([])
  expect(stack.oncall.invalid).toEqual([])
})

const gatesOf = (run: ActionRun): GateOutput[] => JSON.parse(run.outputs.gates!) as GateOutput[]
const repoState = () => stack.github.repo(REPOSITORY)
const errors = (run: ActionRun) => run.annotations.filter((a) => a.level === 'error').map((a) => a.message)
/** Synthetic alerts of one run attempt that reached the on-call simulator. */
const syntheticDeliveries = (runId: number, attempt = 1) =>
  stack.oncall.deliveries.filter((d) =>
    d.alerts.some((a) => a.labels.synthetic === 'true' && (a.labels.test_id ?? '').startsWith(`sre-${runId}-${attempt}-`))
  )

/** The token appears nowhere a user or a downstream protocol can read it. */
function expectTokenNowhere(run: ActionRun, packageDir: string, extraDirs: string[] = []): void {
  // The runner consumes ::add-mask:: lines; everything else of stdout is the visible log.
  expect(run.masked).toContain(GITHUB_TOKEN)
  expect(run.logLines.join('\n')).not.toContain(GITHUB_TOKEN)
  expect(run.stderr).not.toContain(GITHUB_TOKEN)
  expect(run.summary).not.toContain(GITHUB_TOKEN)
  expect(run.outputFileText).not.toContain(GITHUB_TOKEN)
  for (const dir of [packageDir, ...extraDirs]) {
    for (const f of listFiles(dir))
      expect({ file: f, hasToken: readFileSync(join(dir, f), 'utf8').includes(GITHUB_TOKEN) }).toEqual({ file: f, hasToken: false })
  }
}

/**
 * Backslashes GitHub would show as text: CommonMark escapes only ASCII punctuation, so a backslash
 * before anything else (a digit, a letter) is printed.
 */
function literalBackslashes(markdown: string): string[] {
  return [...markdown.matchAll(/.{0,20}\\(?![!-/:-@[-`{-~]).{0,20}/g)].map((m) => m[0])
}

function failureContext(run: ActionRun): string {
  return `exit ${run.code}\n--- stdout ---\n${run.stdout.slice(-6000)}\n--- stderr ---\n${run.stderr.slice(-3000)}`
}

function expectExit(run: ActionRun, code: number): void {
  if (run.code !== code) throw new Error(`expected exit ${code}, got ${failureContext(run)}`)
}

/** Attempt 1 of a run whose gate 1 fails (payments has no traces), with the whole backlog filed as issues. */
async function failingFirstAttempt(runId: number): Promise<{
  runId: number
  job: ReturnType<E2eStack['artifacts']['registerRun']>
  artifactId: number
  opened: number[]
}> {
  const ws = prepareWorkspace(root, stack, degradedTracesWholeBacklog)
  const job = stack.artifacts.registerRun(runId)
  const run = await runAction({ stack, workspace: ws, root, runId, runtimeToken: job.token, inputs: BASE_INPUTS })
  expectExit(run, 1)
  const opened = (JSON.parse(run.outputs.issues!) as { opened: number[] }).opened
  expect(opened.length).toBeGreaterThan(0)
  return { runId, job, artifactId: Number(run.outputs['package-artifact-id']), opened }
}

async function happyRun(runId: number, node?: string): Promise<{ run: ActionRun; ws: Workspace }> {
  const ws = prepareWorkspace(root, stack)
  const job = stack.artifacts.registerRun(runId)
  const run = await runAction({ stack, workspace: ws, root, runId, runtimeToken: job.token, inputs: BASE_INPUTS, node })
  return { run, ws }
}

describe('dist/index.js run by the runner', () => {
  it(
    'happy path: four gates pass, the package is uploaded and handed off, the token stays secret',
    async () => {
      const runId = 9101
      const dispatchesBefore = repoState().dispatches.length
      const { run, ws } = await happyRun(runId)
      expectExit(run, 0)

      // Outputs
      expect(run.outputs.status).toBe('pass')
      const gates = gatesOf(run)
      expect(gates.map((g) => [g.id, g.status])).toEqual([
        [1, 'pass'],
        [2, 'pass'],
        [3, 'pass'],
        [4, 'pass']
      ])
      expect(run.outputs['package-dir']).toBe(ws.packageDir)
      const artifactId = Number(run.outputs['package-artifact-id'])
      expect(Number.isInteger(artifactId) && artifactId > 0).toBe(true)
      expect(run.outputs['package-artifact-url']).toBe(`https://github.com/${REPOSITORY}/actions/runs/${runId}/artifacts/${artifactId}`)
      expect(errors(run)).toEqual([])

      // The protocol's announcements, verbatim and in order.
      const at = ANNOUNCEMENTS.map((a) => run.logLines.indexOf(a))
      expect(at.every((i) => i >= 0)).toBe(true)
      expect([...at].sort((a, b) => a - b)).toEqual(at)

      // The artifact went through @actions/artifact into the blob store; fetch it back.
      const stored = stack.artifacts.artifacts.find((a) => a.id === artifactId)!
      expect(stored).toMatchObject({ name: 'monitoring-package', runId, finalized: true })
      const downloaded = join(root, `download-${runId}`)
      const got = await downloadArtifact(stack.artifacts, artifactId, downloaded)
      expect(`sha256:${got.sha256}`).toBe(stored.digest)
      expect(got.files).toEqual(listFiles(ws.packageDir))
      // Written once before the upload and never again: byte-identical in the artifact.
      for (const f of got.files.filter((f) => f !== 'gate-results.json' && f !== 'improvement-backlog.md')) {
        expect({ f, same: readFileSync(join(downloaded, f)).equals(readFileSync(join(ws.packageDir, f))) }).toEqual({ f, same: true })
      }
      const uploadedGates = JSON.parse(readFileSync(join(downloaded, 'gate-results.json'), 'utf8')) as { final: boolean }
      const finalGates = JSON.parse(readFileSync(join(ws.packageDir, 'gate-results.json'), 'utf8')) as { final: boolean; status: string }
      expect([uploadedGates.final, finalGates.final, finalGates.status]).toEqual([false, true, 'pass'])

      // Every JSON file of the package (on disk and as uploaded) satisfies its schema.
      for (const dir of [ws.packageDir, downloaded]) {
        const results = validatePackageJson(dir)
        expect(results.map((r) => r.file)).toEqual(
          expect.arrayContaining([
            'alert-test-results.json',
            'baseline-metrics.json',
            'gate-results.json',
            'instrumentation-audit.json',
            'monitoring-approval-record.json',
            'monitoring-package-manifest.json',
            'observability-schedule.json'
          ])
        )
        expect(results.filter((r) => r.errors.length)).toEqual([])
      }

      // The synthetic alerts went through the real Alertmanager to each route's receiver.
      expect(new Set(syntheticDeliveries(runId).map((d) => d.receiver))).toEqual(new Set(['payments-oncall', 'checkout-oncall']))

      // Step summary: the gate table and the coverage matrix.
      expect(run.summary).toContain('## ✅ Monitoring is in place')
      expect(run.summary).toContain(SUMMARY_GATE_TABLE)
      for (const g of gates) expect(run.summary).toContain(`| ${g.id}\\. ${g.name} | ✅ PASS | all checks pass |`)
      expect(literalBackslashes(run.summary)).toEqual([])
      expect(run.summary).toContain('<details><summary>Coverage matrix (')
      expect(run.summary).toContain(SUMMARY_MATRIX_HEADER)
      for (const s of ['checkout (critical)', 'payments (critical) (new)', 'catalog'])
        expect(run.summary).toMatch(new RegExp(`\\| ${s.replace(/[()]/g, '\\$&')} \\| covered \\|`))
      expect(run.summary).toContain(`(<https://github.com/${REPOSITORY}/actions/runs/${runId}/artifacts/${artifactId}>)`)

      // Handoff to Protocol 13.
      const dispatches = repoState().dispatches.slice(dispatchesBefore)
      expect(dispatches).toHaveLength(1)
      expect(dispatches[0]).toMatchObject({
        event_type: 'protocol-13-handoff',
        client_payload: {
          protocol: 12,
          status: 'pass',
          run: { id: runId, attempt: 1 },
          package: { name: 'monitoring-package', artifact_id: artifactId }
        }
      })

      expectTokenNowhere(run, ws.packageDir, [downloaded])
    },
    TEST_TIMEOUT
  )
  it(
    'a gate fails (payments has no traces): exit 1 with the annotation, and the package, upload, summary and backlog issues all happen first',
    async () => {
      const runId = 9201
      const ws = prepareWorkspace(root, stack, degradedTracesWholeBacklog)
      const job = stack.artifacts.registerRun(runId)
      const issuesBefore = repoState().issues.length
      const dispatchesBefore = repoState().dispatches.length
      const run = await runAction({ stack, workspace: ws, root, runId, runtimeToken: job.token, inputs: BASE_INPUTS })
      expectExit(run, 1)
      // Gate 1 failed: the protocol pauses; no synthetic page, no handoff.
      expect(repoState().dispatches.length).toBe(dispatchesBefore)
      expect(gatesOf(run)[1]!.reasons[0]).toMatch(/^alert tests not run: gate 1 \(Instrumentation Coverage Gate\) failed/)

      expect(run.outputs.status).toBe('fail')
      const gates = gatesOf(run)
      expect(gates[0]).toMatchObject({ id: 1, status: 'fail' })
      expect(gates[0]!.reasons.some((r) => r.startsWith(MISSING_PAYMENTS))).toBe(true)
      const coverage = run.annotations.find((a) => a.level === 'error' && a.message.includes(MISSING_PAYMENTS))
      expect(coverage?.properties.title).toBe('Gate 1: Instrumentation Coverage Gate')
      const failed = run.annotations.filter((a) => a.level === 'error').at(-1)!
      expect(failed.message).toMatch(/^Protocol 12 quality gates failed: gate 1 \(Instrumentation Coverage Gate\)/)
      expect(run.logLines).not.toContain(
        '[PROTOCOL COMPLETE] - Monitoring activated. Ready for Protocol 13 (Incident Response & Rollback).'
      )

      // Nothing is lost: the package is complete and valid, uploaded before the step failed.
      const finalGates = JSON.parse(readFileSync(join(ws.packageDir, 'gate-results.json'), 'utf8')) as { final: boolean; status: string }
      expect(finalGates).toMatchObject({ final: true, status: 'fail' })
      expect(validatePackageJson(ws.packageDir).filter((r) => r.errors.length)).toEqual([])
      const artifactId = Number(run.outputs['package-artifact-id'])
      expect(stack.artifacts.artifacts.find((a) => a.id === artifactId)).toMatchObject({
        name: 'monitoring-package',
        runId,
        finalized: true
      })
      const uploadedAt = run.logLines.findIndex((l) => l.startsWith(`Package uploaded as artifact monitoring-package (id ${artifactId})`))
      const failedAt = run.logLines.findIndex((l) => l.startsWith('::error::Protocol 12 quality gates failed'))
      expect(uploadedAt).toBeGreaterThanOrEqual(0)
      expect(failedAt).toBeGreaterThan(uploadedAt)
      const downloaded = join(root, `download-${runId}`)
      expect((await downloadArtifact(stack.artifacts, artifactId, downloaded)).files).toContain('instrumentation-audit.json')
      const audit = JSON.parse(readFileSync(join(downloaded, 'instrumentation-audit.json'), 'utf8')) as { missing_coverage: unknown[] }
      expect(JSON.stringify(audit.missing_coverage)).toContain('payments')

      expect(run.summary).toContain('## ❌ Monitoring is not in place')
      expect(run.summary).toContain('| 1\\. Instrumentation Coverage Gate | ❌ FAIL |')
      expect(run.summary).toMatch(/\| payments \(critical\) \(new\) \| [^|]+ \| ✅[^|]* \| ✅[^|]* \| ❌[^|]* \| ✅[^|]* \|/)
      expect(run.summary).toContain(`- ${MISSING_PAYMENTS.replace(/[[\]]/g, '\\$&')}`)
      expect(literalBackslashes(run.summary)).toEqual([])

      // The backlog as issues, labelled, the traces gap among the new ones.
      const issues = JSON.parse(run.outputs.issues!) as { opened: number[]; updated: number[] }
      expect(issues.opened.length).toBeGreaterThan(0)
      expect(repoState().issues.length).toBe(issuesBefore + issues.opened.length)
      const opened = repoState().issues.filter((i) => issues.opened.includes(i.number))
      expect(opened.every((i) => i.state === 'open' && i.labels.includes('sre-monitoring'))).toBe(true)
      expect(opened.map((i) => i.title)).toContain('[monitoring] payments: missing traces coverage (no data)')
      expect(run.summary).not.toContain('held back by github.max-new-issues')
      expectTokenNowhere(run, ws.packageDir, [downloaded])
    },
    TEST_TIMEOUT
  )

  it(
    "re-run of the failing run (attempt 2): the package replaces attempt 1's artifact, no 409, no duplicate issues",
    async () => {
      // Attempt 1: the failing run (the case above), which uploads a package and opens the backlog.
      const failing = await failingFirstAttempt(9301)
      const ws = prepareWorkspace(root, stack, degradedTracesWholeBacklog)
      // A re-run is a new job of the same workflow run.
      const job = stack.artifacts.newJob(failing.job)
      const issuesBefore = structuredClone(repoState().issues)
      const dispatchesBefore = repoState().dispatches.length
      const requestsBefore = stack.artifacts.requests.length
      const run = await runAction({
        stack,
        workspace: ws,
        root,
        runId: failing.runId,
        runAttempt: 2,
        runtimeToken: job.token,
        inputs: BASE_INPUTS
      })
      // Same gate result as attempt 1; the upload itself must not fail.
      expectExit(run, 1)
      expect(run.logLines).toContain(
        `Artifact "monitoring-package" already exists in this run (an earlier attempt); deleting it to upload this attempt's package.`
      )
      expect(run.logLines.filter((l) => /Package upload failed/i.test(l))).toEqual([])
      expect(errors(run).filter((m) => /upload|artifact/i.test(m))).toEqual([])
      const calls = stack.artifacts.requests.slice(requestsBefore)
      // No 409 (nor any other refusal): attempt 1's artifact is replaced, not collided with.
      expect(calls.filter((c) => c.status !== 200)).toEqual([])
      expect(calls.at(-1)).toEqual({ method: 'FinalizeArtifact', status: 200 })

      const artifactId = Number(run.outputs['package-artifact-id'])
      expect(artifactId).not.toBe(failing.artifactId)
      expect(run.outputs['package-artifact-url']).toBe(
        `https://github.com/${REPOSITORY}/actions/runs/${failing.runId}/artifacts/${artifactId}`
      )
      expect(
        stack.artifacts.artifacts.filter((a) => a.runId === failing.runId && a.name === 'monitoring-package').map((a) => a.id)
      ).toEqual([artifactId])
      const manifest = JSON.parse(readFileSync(join(ws.packageDir, 'monitoring-package-manifest.json'), 'utf8')) as { run: { id: string } }
      expect(manifest.run.id).toBe(`${failing.runId}-2`)

      // No duplicates: the same issues, the ones attempt 1 opened still open.
      const issues = JSON.parse(run.outputs.issues!) as { opened: number[]; updated: number[]; reopened: number[] }
      expect(issues.opened).toEqual([])
      expect(issues.reopened).toEqual([])
      expect(repoState().issues.map((i) => i.number)).toEqual(issuesBefore.map((i) => i.number))
      // One issue per backlog item: the item's fingerprint sits in a hidden marker in the body.
      const fingerprints = repoState()
        .issues.filter((i) => i.labels.includes('sre-monitoring'))
        .map((i) => /<!-- sre-monitoring:fingerprint=([^\s>]+) /.exec(i.body ?? '')?.[1])
      expect(fingerprints.every(Boolean)).toBe(true)
      expect(fingerprints.filter((f, n) => fingerprints.indexOf(f) !== n)).toEqual([])
      for (const n of failing.opened) expect(repoState().issues.find((i) => i.number === n)?.state).toBe('open')
      // Gate 1 failed: the protocol pauses, nothing is handed off to Protocol 13.
      expect(repoState().dispatches.slice(dispatchesBefore)).toEqual([])
    },
    // Two runs: attempt 1 and its re-run.
    2 * TEST_TIMEOUT
  )

  it(
    'bad evidence (a placeholder post-deployment-validation.json): exit 1 naming the file, every gate failed, gate-results.json and summary written',
    async () => {
      const runId = 9401
      const placeholder = readFileSync(join(ROOT_FIXTURES, 'validation-placeholder.json'), 'utf8')
      const ws = prepareWorkspace(root, stack, { 'evidence/post-deployment-validation.json': () => placeholder })
      const job = stack.artifacts.registerRun(runId)
      const run = await runAction({ stack, workspace: ws, root, runId, runtimeToken: job.token, inputs: BASE_INPUTS })
      expectExit(run, 1)

      const named = errors(run).find((m) => m.includes('post-deployment-validation.json'))
      expect(named).toBeDefined()
      expect(named).toContain('a placeholder file')
      expect(run.outputs.status).toBe('fail')
      expect(gatesOf(run).map((g) => [g.id, g.status])).toEqual([
        [1, 'fail'],
        [2, 'fail'],
        [3, 'fail'],
        [4, 'fail']
      ])
      const doc = JSON.parse(readFileSync(join(ws.packageDir, 'gate-results.json'), 'utf8')) as {
        status: string
        final: boolean
        gates: Array<{ status: string; reasons: string[] }>
      }
      expect(doc).toMatchObject({ status: 'fail', final: true })
      expect(doc.gates.map((g) => g.status)).toEqual(['fail', 'fail', 'fail', 'fail'])
      expect(doc.gates[0]!.reasons[0]).toContain('post-deployment-validation.json')
      expect(validatePackageJson(ws.packageDir).filter((r) => r.errors.length)).toEqual([])

      expect(run.summary).toContain('## ❌ Monitoring is not in place')
      expect(run.summary).toContain('post-deployment-validation.json')
      expect(literalBackslashes(run.summary)).toEqual([])
      // Nothing past the evidence was attempted: no alert was sent for unusable input.
      expect(run.logLines).not.toContain('[PHASE 2 START] - Activating dashboards and alert policies...')
      expect(syntheticDeliveries(runId)).toEqual([])
      expect(run.outputs['package-artifact-id']).toMatch(/^\d+$/)
    },
    TEST_TIMEOUT
  )

  it(
    'fail-on: never: a failing gate is reported as status=fail with exit 0',
    async () => {
      const runId = 9501
      const ws = prepareWorkspace(root, stack, degradedTraces)
      const job = stack.artifacts.registerRun(runId)
      const run = await runAction({
        stack,
        workspace: ws,
        root,
        runId,
        runtimeToken: job.token,
        inputs: { ...BASE_INPUTS, 'fail-on': 'never' }
      })
      expectExit(run, 0)
      expect(run.outputs.status).toBe('fail')
      expect(gatesOf(run)[0]).toMatchObject({ id: 1, status: 'fail' })
      expect(run.annotations).toContainEqual({
        level: 'warning',
        properties: {},
        message: expect.stringMatching(
          /^Advisory run \(fail-on: never\): gate 1 \(Instrumentation Coverage Gate\)(, gate \d \([^)]+\))* failed$/
        )
      })
      expect(errors(run).filter((m) => m.startsWith('Protocol 12 quality gates failed'))).toEqual([])
      expect(run.summary).toContain('## ❌ Monitoring is not in place')
    },
    TEST_TIMEOUT
  )

  it(
    'alert-tests: false: gate 2 fails as not approved and no synthetic alert is sent',
    async () => {
      const runId = 9601
      const ws = prepareWorkspace(root, stack)
      const job = stack.artifacts.registerRun(runId)
      const run = await runAction({
        stack,
        workspace: ws,
        root,
        runId,
        runtimeToken: job.token,
        inputs: { ...BASE_INPUTS, 'alert-tests': 'false' }
      })
      expectExit(run, 1)
      const gates = gatesOf(run)
      expect(gates.map((g) => [g.id, g.status])).toEqual([
        [1, 'pass'],
        [2, 'fail'],
        [3, 'pass'],
        [4, 'pass']
      ])
      expect(gates[1]!.reasons).toContainEqual(expect.stringContaining('alert tests not approved'))
      expect(errors(run)).toContainEqual(expect.stringContaining('alert tests not approved'))
      // Each route is listed as not run: nothing triggered, nothing delivered.
      const results = JSON.parse(readFileSync(join(ws.packageDir, 'alert-test-results.json'), 'utf8')) as {
        approved: boolean
        overall_status: string
        tests: Array<{ route: string; status: string; triggered_at: string | null; delivered_at: string | null }>
      }
      expect(results).toMatchObject({ approved: false, overall_status: 'not_run' })
      expect(results.tests.map((t) => [t.route, t.status, t.triggered_at, t.delivered_at])).toEqual([
        ['payments-page', 'not_run', null, null],
        ['checkout-page', 'not_run', null, null]
      ])

      // Neither the on-call side nor Alertmanager ever saw a synthetic alert of this run.
      expect(syntheticDeliveries(runId)).toEqual([])
      const active = (await (
        await fetch(`${stack.alertmanager.url}/api/v2/alerts?filter=${encodeURIComponent('synthetic="true"')}`)
      ).json()) as Array<{ labels: Record<string, string> }>
      expect(active.filter((a) => (a.labels.test_id ?? '').startsWith(`sre-${runId}-`))).toEqual([])
    },
    TEST_TIMEOUT
  )

  it(
    'evidence-artifact: the evidence is downloaded from an artifact of the run into an empty evidence-path and used',
    async () => {
      const runId = 9801
      const ws = prepareWorkspace(root, stack)
      const job = stack.artifacts.registerRun(runId)
      // An earlier job of the same run (the deployment) uploaded its evidence.
      const uploaded = await uploadArtifactStep(stack, stack.artifacts.newJob(job), 'deployment-evidence', join(ws.dir, 'evidence'))
      const stored = stack.artifacts.artifacts.find((a) => a.id === uploaded.id)
      expect(stored).toMatchObject({ name: 'deployment-evidence', runId, finalized: true })
      const evidenceDir = join(ws.dir, 'incoming-evidence')
      mkdirSync(evidenceDir)

      const run = await runAction({
        stack,
        workspace: ws,
        root,
        runId,
        runtimeToken: job.token,
        inputs: { ...WITHOUT_ALERTS_AND_ISSUES, 'evidence-artifact': 'deployment-evidence', 'evidence-path': 'incoming-evidence' }
      })
      expectExit(run, 1)
      expect(gatesOf(run).map((g) => [g.id, g.status])).toEqual(ONLY_ALERT_GATE_FAILS)
      expect(
        errors(run).filter((m) => !m.includes('alert tests not approved') && !m.startsWith('Protocol 12 quality gates failed'))
      ).toEqual([])

      expect(run.logLines).toContain(
        `Downloaded artifact "deployment-evidence" (id ${uploaded.id}) from this run (${runId}): 3 file(s), digest ${stored!.digest} verified.`
      )
      expect(run.logLines).toContain('Evidence artifact deployment-evidence downloaded into incoming-evidence')
      // The artifact's files, byte for byte, where the protocol reads its evidence.
      expect(listFiles(evidenceDir)).toEqual(EVIDENCE_FILES)
      for (const f of EVIDENCE_FILES)
        expect({ f, same: readFileSync(join(evidenceDir, f)).equals(readFileSync(join(ws.dir, 'evidence', f))) }).toEqual({ f, same: true })
      expect(run.summary).toContain('Release **v2.4.0**')
    },
    TEST_TIMEOUT
  )

  it(
    'evidence-artifact naming an artifact the run does not have: exit 1 naming it and listing what the run has, every gate failed, package and summary written',
    async () => {
      const runId = 9802
      const ws = prepareWorkspace(root, stack)
      const job = stack.artifacts.registerRun(runId)
      await uploadArtifactStep(stack, stack.artifacts.newJob(job), 'deployment-evidence', join(ws.dir, 'evidence'))
      const evidenceDir = join(ws.dir, 'incoming-evidence')
      mkdirSync(evidenceDir)

      const run = await runAction({
        stack,
        workspace: ws,
        root,
        runId,
        runtimeToken: job.token,
        inputs: { ...WITHOUT_ALERTS_AND_ISSUES, 'evidence-artifact': 'release-evidence', 'evidence-path': 'incoming-evidence' }
      })
      expectExit(run, 1)
      expect(errors(run)).toContain(
        `Evidence artifact release-evidence: Artifact "release-evidence" not found in this run (${runId}). That run has: "deployment-evidence".`
      )
      expect(readdirSync(evidenceDir)).toEqual([])

      expect(run.outputs.status).toBe('fail')
      expect(gatesOf(run).map((g) => [g.id, g.status])).toEqual([
        [1, 'fail'],
        [2, 'fail'],
        [3, 'fail'],
        [4, 'fail']
      ])
      const doc = JSON.parse(readFileSync(join(ws.packageDir, 'gate-results.json'), 'utf8')) as {
        status: string
        final: boolean
        gates: Array<{ status: string; reasons: string[] }>
      }
      expect(doc).toMatchObject({ status: 'fail', final: true })
      expect(doc.gates.map((g) => g.status)).toEqual(['fail', 'fail', 'fail', 'fail'])
      // Every gate failed for the missing evidence, said once: gate 1 carries the cause, the others point to it.
      expect(doc.gates[0]!.reasons.join('\n')).toContain(
        `expected the evidence file post-deployment-validation.json in the evidence folder ${evidenceDir}`
      )
      // ...and the reason names the cause first: the artifact that was not there.
      expect(doc.gates[0]!.reasons[0]).toContain('Evidence artifact release-evidence: Artifact "release-evidence" not found in this run')
      for (const g of doc.gates.slice(1)) expect(g.reasons).toEqual(['not evaluated: see gate 1'])
      expect(validatePackageJson(ws.packageDir).filter((r) => r.errors.length)).toEqual([])
      expect(run.summary).toContain('## ❌ Monitoring is not in place')
      expect(run.summary).toContain('found no such file (the folder is empty)')
      expect(run.summary).toContain('Artifact "release-evidence" not found')
      expect(literalBackslashes(run.summary)).toEqual([])
      expect(run.outputs['package-artifact-id']).toMatch(/^\d+$/)
    },
    TEST_TIMEOUT
  )

  it(
    'pull request: one comment with the gate table, edited in place by the re-run',
    async () => {
      const runId = 9901
      // Pull requests share the issues' numbering: take the next free number.
      const prNumber = Math.max(0, ...repoState().issues.map((i) => i.number)) + 1
      stack.github.addPullRequest(REPOSITORY, prNumber)
      const event: RunEvent = {
        name: 'pull_request',
        ref: `refs/pull/${prNumber}/merge`,
        headRef: 'release/v2.4.0',
        baseRef: 'main',
        payload: {
          action: 'synchronize',
          number: prNumber,
          pull_request: {
            number: prNumber,
            state: 'open',
            head: { ref: 'release/v2.4.0', repo: { full_name: REPOSITORY, fork: false } },
            base: { ref: 'main', repo: { full_name: REPOSITORY } }
          },
          repository: { full_name: REPOSITORY, name: 'shop', owner: { login: 'acme' } },
          sender: { login: 'release-captain' }
        }
      }
      const comments = () => repoState().comments.filter((c) => c.issue_number === prNumber)
      const requestsBefore = stack.github.requests.length
      const ws = prepareWorkspace(root, stack)
      const job = stack.artifacts.registerRun(runId)

      const first = await runAction({
        stack,
        workspace: ws,
        root,
        runId,
        runtimeToken: job.token,
        inputs: WITHOUT_ALERTS_AND_ISSUES,
        event
      })
      expectExit(first, 1)
      expect(gatesOf(first).map((g) => [g.id, g.status])).toEqual(ONLY_ALERT_GATE_FAILS)
      expect(comments()).toHaveLength(1)
      const comment = structuredClone(comments()[0]!)
      expect(comment.user).toBe('github-actions[bot]')
      expect(comment.body).toMatch(/^<!-- sre-monitoring:pr-comment -->\n/)
      expect(comment.body).toContain(SUMMARY_GATE_TABLE)
      for (const g of gatesOf(first))
        expect(comment.body).toContain(`| ${g.id}\\. ${g.name} | ${g.status === 'pass' ? '✅ PASS' : '❌ FAIL'} |`)
      expect(comment.body).toContain(`[Evidence package](<${first.outputs['package-artifact-url']}>)`)

      // Attempt 2 of the same run: a new job, a new package artifact.
      const second = await runAction({
        stack,
        workspace: ws,
        root,
        runId,
        runAttempt: 2,
        runtimeToken: stack.artifacts.newJob(job).token,
        inputs: WITHOUT_ALERTS_AND_ISSUES,
        event
      })
      expectExit(second, 1)
      expect(second.outputs['package-artifact-url']).not.toBe(first.outputs['package-artifact-url'])
      expect(comments()).toHaveLength(1)
      const edited = comments()[0]!
      expect(edited.id).toBe(comment.id)
      expect(edited.body).toContain(SUMMARY_GATE_TABLE)
      expect(edited.body).toContain(`[Evidence package](<${second.outputs['package-artifact-url']}>)`)
      expect(edited.body).not.toContain(first.outputs['package-artifact-url'])

      const commentCalls = stack.github.requests
        .slice(requestsBefore)
        .filter((r) => r.operationId === 'issues/create-comment' || r.operationId === 'issues/update-comment')
        .map((r) => [r.operationId, r.path, r.status])
      expect(commentCalls).toEqual([
        ['issues/create-comment', `/repos/${REPOSITORY}/issues/${prNumber}/comments`, 201],
        ['issues/update-comment', `/repos/${REPOSITORY}/issues/comments/${comment.id}`, 200]
      ])
      expect(stack.github.unexpectedRequests).toEqual([])
    },
    TEST_TIMEOUT
  )

  it(
    'runs on the runtime action.yml declares (node24)',
    async () => {
      expect(readFileSync(join(ROOT, 'action.yml'), 'utf8')).toMatch(/^runs:\n {2}using: node24\n {2}main: dist\/index\.js$/m)
      const node24 = await ensureNode24()
      expect(node24.version).toMatch(/^v24\./)
      const { run } = await happyRun(9701, node24.bin)
      expectExit(run, 0)
      expect(run.outputs.status).toBe('pass')
      expect(gatesOf(run).map((g) => g.status)).toEqual(['pass', 'pass', 'pass', 'pass'])
      expect(run.logLines).toContain('[PROTOCOL COMPLETE] - Monitoring activated. Ready for Protocol 13 (Incident Response & Rollback).')
      // Node 24 deprecations and experimental warnings would go to stderr.
      expect(run.stderr).toBe('')
    },
    TEST_TIMEOUT
  )
})
