import type { DetectionDrill } from '../../artifacts/contracts/detection-drill.js'

/**
 * Gate 2's reading of the drill: an alert that must fire and did not, an alert that fired for a
 * burn that must not fire it, a fired alert routed elsewhere, or a detection slower than
 * drill.max-detection fails it; promtool missing fails it only when drill.required is set.
 */
export function drillGate(drill: DetectionDrill): {
  check?: { name: string; status: 'pass' | 'fail' | 'error'; value: string; threshold: string }
  reasons: string[]
  errors: string[]
} {
  const reasons: string[] = []
  const errors: string[] = []
  if (drill.status === 'not_run' && drill.targets.every((t) => t.status === 'not_run')) {
    if (!drill.required) return { reasons, errors }
    reasons.push(
      `detection drill not run (drill.required): ${drill.not_run_reason ?? 'unknown'}${drill.install_hint ? `; install: ${drill.install_hint}` : ''}`
    )
    return {
      check: { name: 'detection drill', status: 'fail', value: 'not run', threshold: 'every alert fires as it must' },
      reasons,
      errors
    }
  }
  let scenarios = 0
  let passed = 0
  for (const t of drill.targets) {
    const who = t.kind === 'slo' ? `SLO ${t.slo} (${t.service})` : `absent-data alert of ${t.service}`
    if (t.scenarios.length === 0 && t.status !== 'passed') {
      ;(t.status === 'not_run' && !drill.required ? [] : reasons).push(`detection drill, ${who}: ${t.reason}`)
      if (t.status === 'failed') scenarios++
      continue
    }
    for (const s of t.scenarios) {
      scenarios++
      if (s.status === 'passed') passed++
      else (s.status === 'error' ? errors : reasons).push(`detection drill, ${who}, ${s.name}: ${s.reason}`)
    }
  }
  const status = errors.length ? 'error' : reasons.length || scenarios === 0 ? 'fail' : 'pass'
  return {
    check: {
      name: 'detection drill',
      status,
      value: `${passed}/${scenarios} scenarios as expected`,
      threshold: 'every alert fires as it must, in time, to the expected receiver'
    },
    reasons,
    errors
  }
}
