/**
 * The rule set in force, indexed once: alerts by their `slo` label, by the metrics they read (through
 * the recording rules they depend on) and by the label values they select; recording rules by name
 * and label. Each expression is parsed once and its facts kept, so aligning hundreds of SLOs with
 * thousands of alerts touches only the alerts that could be about each SLO.
 */
import {
  asComparison,
  branches,
  matchersAccept,
  nameWindow,
  parsePromql,
  promDurationSeconds,
  PromqlError,
  ranges,
  ratioShape,
  regexMatches,
  selectors,
  walk,
  type Matcher,
  type Node,
  type RatioShape
} from './promql.js'

/** A rule from Prometheus's /api/v1/rules or a rule file. */
export interface LoadedRule {
  type: 'alerting' | 'recording'
  name: string
  expr: string
  labels: Record<string, string>
  /** `prometheus:<backend>` or the rule file's path relative to the workspace. */
  source: string
  /** The group the rule is evaluated in, and that group's interval when it sets one. */
  group?: { name: string; interval?: string }
  /** An alert's `for`, as written (`10m`). */
  for?: string
}

export interface BaseSelector {
  name?: string
  matchers: Matcher[]
  text: string
}

/** What a comparison in an alert compares, recording rules expanded. */
export interface ComparisonFacts {
  op: string
  /** The constant as written (an error ratio, or a burn rate when the series is divided by the budget). */
  threshold: number
  /** Ranges (seconds) the compared series reads, through recording rules. */
  windows: number[]
  shape?: RatioShape
  /** The constant the ratio is divided by (burn-rate form). */
  divisor?: number
}

export interface BranchFacts {
  comparisons: ComparisonFacts[]
  windows: number[]
}

export interface AlertFacts {
  rule: LoadedRule
  /** Position in the rule set (results keep the rule set's order). */
  order: number
  severity: 'page' | 'ticket' | undefined
  /** Or-joined branches of and-joined comparisons. */
  branches: BranchFacts[]
  /** Selectors of raw metrics (recording rules replaced by what they read). */
  selectors: BaseSelector[]
  metrics: Set<string>
  /** Recording rules the alert depends on, transitively. */
  recordings: LoadedRule[]
  /** Label values the alert is about: equality matchers in its selectors, its own labels, its recordings' labels. */
  values: Array<{ label: string; value: string; fromRuleLabels: boolean }>
  regexMatchers: Matcher[]
  usesAbsent: boolean
  forSeconds: number
  /** Why part of the expression cannot be analysed (never guessed). */
  problems: string[]
}

interface RecordingFacts {
  selectors: BaseSelector[]
  windows: number[]
  recordings: LoadedRule[]
  tree?: Node
  usesAbsent: boolean
  problems: string[]
}

const PAGE_SEVERITIES = new Set(['page', 'critical'])
const TICKET_SEVERITIES = new Set(['ticket', 'warning', 'info'])

export function severityOf(labels: Record<string, string>): 'page' | 'ticket' | undefined {
  for (const key of ['severity', 'sloth_severity']) {
    const s = (labels[key] ?? '').toLowerCase()
    if (PAGE_SEVERITIES.has(s)) return 'page'
    if (TICKET_SEVERITIES.has(s)) return 'ticket'
  }
  return undefined
}

const MAX_DEPTH = 8

export class RuleSet {
  readonly rules: LoadedRule[]
  readonly alerts: AlertFacts[]
  private readonly recordingByName = new Map<string, LoadedRule[]>()
  private readonly recordingByLabel = new Map<string, LoadedRule[]>()
  private readonly recordingFacts = new Map<LoadedRule, RecordingFacts>()
  private readonly withoutLabel = new Map<string, LoadedRule[]>()
  private readonly bySlo = new Map<string, AlertFacts[]>()
  /** `metric\0label\0value` (metric empty: any metric; label `*`: any label; `#label`: the alert's own label). */
  private readonly byValue = new Map<string, AlertFacts[]>()
  private readonly byMetric = new Map<string, AlertFacts[]>()
  /** Alerts with a `=~` matcher, by the matcher's label. */
  private readonly withRegex = new Map<string, AlertFacts[]>()

  constructor(rules: LoadedRule[]) {
    this.rules = rules
    for (const r of rules) {
      if (r.type !== 'recording') continue
      push(this.recordingByName, r.name, r)
      for (const [k, v] of Object.entries(r.labels)) push(this.recordingByLabel, `${r.name}\u0000${k}\u0000${v}`, r)
    }
    this.alerts = []
    rules.forEach((r, order) => {
      if (r.type === 'alerting') this.alerts.push(this.analyse(r, order))
    })
    for (const a of this.alerts) {
      if (a.rule.labels.slo) push(this.bySlo, a.rule.labels.slo, a)
      for (const m of a.metrics) push(this.byMetric, m, a)
      const pairs = new Set<string>()
      for (const v of a.values) {
        if (v.fromRuleLabels) pairs.add(`#${v.label}\u0000${v.value}`)
        else {
          pairs.add(`${v.label}\u0000${v.value}`)
          pairs.add(`*\u0000${v.value}`)
        }
      }
      for (const pair of pairs) {
        push(this.byValue, `\u0000${pair}`, a)
        for (const m of a.metrics) push(this.byValue, `${m}\u0000${pair}`, a)
      }
      for (const m of a.regexMatchers) push(this.withRegex, m.label, a)
    }
  }

  /** Recording rules named `name` whose labels do not contradict the reference's matchers. */
  resolve(name: string, matchers: Matcher[]): LoadedRule[] {
    const all = this.recordingByName.get(name)
    if (!all) return []
    let pool = all
    if (all.length > 1) {
      // Narrow by an equality matcher on a label the recording rules set (Sloth's sloth_id, slo).
      for (const m of matchers) {
        if (m.op !== '=') continue
        const hit = this.recordingByLabel.get(`${name}\u0000${m.label}\u0000${m.value}`)
        if (hit) {
          const key = `${name}\u0000${m.label}`
          let rest = this.withoutLabel.get(key)
          if (!rest) this.withoutLabel.set(key, (rest = all.filter((r) => r.labels[m.label] === undefined)))
          pool = hit.length < pool.length ? (rest.length ? [...hit, ...rest] : hit) : pool
          break
        }
      }
    }
    return pool.filter((r) =>
      matchersAccept(
        matchers.filter((m) => r.labels[m.label] !== undefined),
        r.labels
      )
    )
  }

  private facts(rec: LoadedRule, depth: number): RecordingFacts {
    const known = this.recordingFacts.get(rec)
    if (known) return known
    const out: RecordingFacts = { selectors: [], windows: [], recordings: [], usesAbsent: false, problems: [] }
    this.recordingFacts.set(rec, out)
    let tree: Node
    try {
      tree = parsePromql(rec.expr)
    } catch (err) {
      out.problems.push(`recording rule ${rec.name} is not valid PromQL: ${(err as Error).message}`)
      return out
    }
    out.tree = tree
    this.collect(tree, depth, out)
    return out
  }

  /** Selectors, windows and recording rules an expression reads, recording rules expanded. */
  private collect(tree: Node, depth: number, out: Omit<RecordingFacts, 'tree'>): void {
    out.windows.push(...ranges(tree))
    for (const x of walk(tree)) if (x.kind === 'call' && (x.fn === 'absent' || x.fn === 'absent_over_time')) out.usesAbsent = true
    for (const s of selectors(tree)) {
      const recs = s.name ? this.resolve(s.name, s.matchers) : []
      if (recs.length === 0) {
        if (s.name && s.name.includes(':') && !this.recordingByName.has(s.name)) {
          out.problems.push(`it reads ${s.name}, a recording rule that is not in the rule set`)
        }
        out.selectors.push({ name: s.name, matchers: s.matchers, text: s.text })
        continue
      }
      if (depth >= MAX_DEPTH) {
        out.problems.push(`recording rules nest deeper than ${MAX_DEPTH} levels at ${s.name}`)
        continue
      }
      for (const rec of recs) {
        const f = this.facts(rec, depth + 1)
        out.recordings.push(rec, ...f.recordings)
        out.selectors.push(...f.selectors)
        out.windows.push(...f.windows)
        out.problems.push(...f.problems)
        if (f.usesAbsent) out.usesAbsent = true
      }
    }
  }

  /** A tree with references to recording rules replaced by their definitions (for the ratio shape). */
  expand(tree: Node, depth = 0): Node {
    if (depth > MAX_DEPTH) return tree
    if (tree.kind === 'selector' && tree.name && tree.range === undefined) {
      const rec = this.resolve(tree.name, tree.matchers)[0]
      const f = rec ? this.facts(rec, depth + 1) : undefined
      return f?.tree ? this.expand(f.tree, depth + 1) : tree
    }
    switch (tree.kind) {
      case 'call':
      case 'aggregate':
      case 'other':
        return { ...tree, args: tree.args.map((a) => this.expand(a, depth)) }
      case 'binary':
        return { ...tree, lhs: this.expand(tree.lhs, depth), rhs: this.expand(tree.rhs, depth) }
      case 'unary':
      case 'subquery':
        return { ...tree, expr: this.expand(tree.expr, depth) }
      default:
        return tree
    }
  }

  /** Ranges a series side reads, through recording rules (and a window named by an unknown one). */
  private windowsOf(n: Node): number[] {
    const out: Omit<RecordingFacts, 'tree'> = { selectors: [], windows: [], recordings: [], usesAbsent: false, problems: [] }
    this.collect(n, 0, out)
    return [...new Set(out.windows)]
  }

  private analyse(rule: LoadedRule, order: number): AlertFacts {
    const facts: AlertFacts = {
      rule,
      order,
      severity: severityOf(rule.labels),
      branches: [],
      selectors: [],
      metrics: new Set(),
      recordings: [],
      values: [],
      regexMatchers: [],
      usesAbsent: false,
      forSeconds: rule.for ? (promDurationSeconds(rule.for) ?? 0) : 0,
      problems: []
    }
    for (const [label, value] of Object.entries(rule.labels)) facts.values.push({ label, value, fromRuleLabels: true })
    let tree: Node
    try {
      tree = parsePromql(rule.expr)
    } catch (err) {
      facts.problems.push(`not valid PromQL: ${err instanceof PromqlError ? err.message : String(err)}`)
      return facts
    }
    const all: Omit<RecordingFacts, 'tree'> = { selectors: [], windows: [], recordings: [], usesAbsent: false, problems: [] }
    this.collect(tree, 0, all)
    facts.selectors = all.selectors
    facts.recordings = [...new Set(all.recordings)]
    facts.usesAbsent = all.usesAbsent
    facts.problems.push(...new Set(all.problems))
    for (const s of all.selectors) {
      if (s.name) facts.metrics.add(s.name)
      for (const m of s.matchers) {
        if (m.op === '=') facts.values.push({ label: m.label, value: m.value, fromRuleLabels: false })
        else if (m.op === '=~') facts.regexMatchers.push(m)
      }
    }
    for (const rec of facts.recordings)
      for (const [label, value] of Object.entries(rec.labels)) facts.values.push({ label, value, fromRuleLabels: false })
    // Matchers on the recording rules the alert reads select series as much as those on raw metrics.
    for (const s of selectors(tree))
      for (const m of s.matchers) if (m.op === '=') facts.values.push({ label: m.label, value: m.value, fromRuleLabels: false })

    for (const b of branches(tree)) {
      const comparisons: ComparisonFacts[] = []
      for (const c of b.comparisons) {
        if (!Number.isFinite(c.threshold)) continue
        const { shape, divisor } = ratioShape(this.expand(c.series))
        const windows = this.windowsOf(c.series)
        if (windows.length === 0) {
          // A recording rule outside the rule set still names its window (`..._rate1h`).
          for (const s of selectors(c.series)) {
            const w = s.name && !this.recordingByName.has(s.name) ? nameWindow(s.name) : undefined
            if (w !== undefined) windows.push(w)
          }
        }
        comparisons.push({
          op: c.op,
          threshold: c.threshold,
          windows,
          ...(shape ? { shape } : {}),
          ...(divisor !== undefined ? { divisor } : {})
        })
      }
      for (const u of b.unreadable) {
        const side = asComparison(u)
        if (!side) facts.problems.push('its threshold compares two series, not a series with a constant')
      }
      const windows = new Set(comparisons.flatMap((c) => c.windows))
      for (const f of b.filters) for (const w of this.windowsOf(f)) windows.add(w)
      facts.branches.push({ comparisons, windows: [...windows] })
    }
    facts.problems = [...new Set(facts.problems)]
    return facts
  }

  /** Alerts labelled with this SLO's name. */
  alertsForSlo(name: string): AlertFacts[] {
    return this.bySlo.get(name) ?? []
  }

  /** Alerts that read any of these metrics. */
  alertsReading(metrics: Iterable<string>): AlertFacts[] {
    return sortedUnion([...metrics].map((m) => this.byMetric.get(m) ?? []))
  }

  /**
   * Alerts that read one of `metrics` (or any metric when omitted) and are about one of `values`: an
   * own label (service or the service label) equal to it, or a matcher in their expression selecting it.
   */
  alertsAbout(
    values: Array<{ label?: string; value: string }>,
    ruleLabels: string[],
    name: string,
    metrics?: Iterable<string>
  ): AlertFacts[] {
    const prefixes = metrics ? [...metrics] : ['']
    const lists: AlertFacts[][] = []
    for (const p of prefixes) {
      for (const v of values) lists.push(this.byValue.get(`${p}\u0000${v.label ?? '*'}\u0000${v.value}`) ?? [])
      for (const l of ruleLabels) lists.push(this.byValue.get(`${p}\u0000#${l}\u0000${name}`) ?? [])
    }
    const metricSet = metrics ? new Set(metrics) : undefined
    // A regex selects a service only on a label that names services (not any label, as equality does).
    for (const v of values) {
      if (v.label === undefined) continue
      const label = v.label
      lists.push(
        (this.withRegex.get(label) ?? []).filter(
          (a) =>
            (!metricSet || [...a.metrics].some((m) => metricSet.has(m))) &&
            a.regexMatchers.some((m) => m.label === label && regexMatches(m.value, v.value))
        )
      )
    }
    return sortedUnion(lists)
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) {
    if (list[list.length - 1] !== value) list.push(value)
  } else map.set(key, [value])
}

function sortedUnion(lists: AlertFacts[][]): AlertFacts[] {
  const seen = new Set<AlertFacts>()
  for (const l of lists) for (const a of l) seen.add(a)
  return [...seen].sort((a, b) => a.order - b.order)
}
