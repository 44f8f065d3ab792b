/**
 * Mermaid charts for the summary, the scorecard and the pull request comment. GitHub renders
 * `mermaid` code blocks; every chart comes with a compact table of the same numbers for places
 * that show the code instead. Labels are reduced to characters that mean nothing to Mermaid or to
 * Markdown (no quotes, semicolons, backticks or entity codes), so text from evidence cannot break
 * the block or the page.
 */
import type { SloAttainment } from '../assurance/types.js'
import type { InstrumentationAudit, PreviousComparison, SignalCoverage } from '../telemetry/types.js'
import { fmtNumber, mdTable } from './table.js'

/** Most bars a chart shows; the table beside it lists every row. */
export const CHART_MAX_BARS = 20

export function mermaidLabel(text: string, max = 32): string {
  const clean =
    text
      .replace(/[^A-Za-z0-9 ._/:()%+-]+/g, ' ')
      .replace(/%+/g, '%')
      .replace(/\s+/g, ' ')
      .trim() || '?'
  return clean.length > max ? `${clean.slice(0, max - 2)}..` : clean
}

const num = (n: number): string => String(Math.round(n * 1000) / 1000)
const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n))

function xyChart(args: {
  title: string
  labels: string[]
  yTitle: string
  min: number
  max: number
  bars: number[]
  line?: number[]
}): string {
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${mermaidLabel(args.title, 60)}"`,
    `  x-axis [${args.labels.map((l) => `"${mermaidLabel(l)}"`).join(', ')}]`,
    `  y-axis "${mermaidLabel(args.yTitle, 40)}" ${num(args.min)} --> ${num(args.max)}`,
    `  bar [${args.bars.map(num).join(', ')}]`,
    ...(args.line ? [`  line [${args.line.map(num).join(', ')}]`] : []),
    '```'
  ].join('\n')
}

export interface Figure {
  /** A Mermaid block, or '' when there is nothing to draw. */
  chart: string
  /** The same numbers as a Markdown table. */
  table: string
}

const measured = (slos: SloAttainment[]): Array<SloAttainment & { attainment: number; budget_remaining_percent: number }> =>
  slos.filter(
    (s): s is SloAttainment & { attainment: number; budget_remaining_percent: number } =>
      s.attainment !== null && s.budget_remaining_percent !== null
  )

/** SLO attainment against the objective (a line), per SLO. */
export function sloAttainmentFigure(slos: SloAttainment[]): Figure {
  const shown = measured(slos).slice(0, CHART_MAX_BARS)
  const values = shown.map((s) => s.attainment * 100)
  const floor = Math.max(0, Math.floor(Math.min(...values, ...shown.map((s) => s.objective)) - 1))
  const chart = shown.length
    ? xyChart({
        title: 'SLO attainment (%) against the objective (line)',
        labels: shown.map((s) => s.slo),
        yTitle: '%',
        min: floor,
        max: 100,
        bars: values,
        line: shown.map((s) => s.objective)
      })
    : ''
  const table = mdTable(
    ['SLO', 'Service', 'Attainment', 'Objective', 'Budget left', 'Status'],
    slos.map((s) => [
      s.slo,
      s.service,
      s.attainment === null ? 'n/a' : `${fmtNumber(s.attainment * 100, 3)}%`,
      `${s.objective}% / ${s.window}`,
      s.budget_remaining_percent === null ? 'n/a' : `${fmtNumber(s.budget_remaining_percent, 1)}%`,
      s.status === 'met' ? '✅ met' : s.status === 'breached' ? '❌ breached' : `⚠️ ${s.status.replace('_', ' ')}: ${s.detail}`
    ])
  )
  return { chart, table }
}

/** Error budget left per SLO; bars are clamped to -100..100 % (the table has the real value). */
export function errorBudgetFigure(slos: SloAttainment[]): Figure {
  const shown = measured(slos).slice(0, CHART_MAX_BARS)
  const chart = shown.length
    ? xyChart({
        title: 'Error budget left (%), clamped to -100..100',
        labels: shown.map((s) => s.slo),
        yTitle: '% of budget',
        min: -100,
        max: 100,
        bars: shown.map((s) => clamp(s.budget_remaining_percent, -100, 100))
      })
    : ''
  const table = mdTable(
    ['SLO', 'Budget left'],
    measured(slos).map((s) => [s.slo, `${fmtNumber(s.budget_remaining_percent, 1)}%`])
  )
  return { chart, table }
}

const SIGNAL_KEYS = [
  ['metrics', 'metrics'],
  ['logs', 'logs'],
  ['traces', 'traces'],
  ['synthetic', 'synthetics']
] as const

/** Percent of services whose signal was verified live, per signal. */
export function coverageFigure(audit: InstrumentationAudit | undefined): Figure {
  const services = audit?.services ?? []
  if (services.length === 0) return { chart: '', table: '' }
  const rows = SIGNAL_KEYS.map(([label, key]) => {
    const sigs = services.map((s) => s[key] as SignalCoverage)
    const verified = sigs.filter((s) => s.verified).length
    const errors = sigs.filter((s) => s.verdict === 'error').length
    return { label, verified, errors, total: sigs.length, percent: (verified / sigs.length) * 100 }
  })
  const chart = xyChart({
    title: 'Services with live, fresh data (%), per signal',
    labels: rows.map((r) => r.label),
    yTitle: '% of services',
    min: 0,
    max: 100,
    bars: rows.map((r) => r.percent)
  })
  const table = mdTable(
    ['Signal', 'Verified', 'Backend errors'],
    rows.map((r) => [r.label, `${r.verified}/${r.total} (${fmtNumber(r.percent, 1)}%)`, r.errors ? String(r.errors) : '-'])
  )
  return { chart, table }
}

/** Change against the previous release in percent (null when either value is missing or zero). */
export function changePercent(c: PreviousComparison): number | null {
  if (c.previous === null || c.current === null || !Number.isFinite(c.previous) || !Number.isFinite(c.current) || c.previous === 0)
    return null
  return ((c.current - c.previous) / Math.abs(c.previous)) * 100
}

export function changeText(c: PreviousComparison): string {
  const p = changePercent(c)
  if (p === null) return c.previous === 0 && c.current !== null ? `→ from 0 to ${fmtNumber(c.current)}` : 'n/a'
  const arrow = Math.abs(p) < 0.05 ? '→' : p > 0 ? '↑' : '↓'
  return `${arrow} ${p > 0 ? '+' : ''}${fmtNumber(p, 1)}%`
}

/** The baseline against the previous release: change per service and metric. */
export function baselineFigure(comparisons: PreviousComparison[]): Figure {
  if (comparisons.length === 0) return { chart: '', table: '' }
  const withChange = comparisons.filter((c) => changePercent(c) !== null).slice(0, CHART_MAX_BARS)
  const chart = withChange.length
    ? xyChart({
        title: 'Change against the previous release (%), clamped to -200..200',
        labels: withChange.map((c) => `${c.service} ${c.metric}`),
        yTitle: '% change',
        min: -200,
        max: 200,
        bars: withChange.map((c) => clamp(changePercent(c)!, -200, 200))
      })
    : ''
  const icon = (v: PreviousComparison['verdict']): string => (v === 'pass' ? '✅' : v === 'warn' ? '⚠️' : v === 'fail' ? '❌' : '⚠️ error')
  const table = mdTable(
    ['Service', 'Metric', 'Previous', 'Now', 'Change', 'Criterion', 'Verdict'],
    comparisons.map((c) => [c.service, c.metric, fmtNumber(c.previous), fmtNumber(c.current), changeText(c), c.criterion, icon(c.verdict)])
  )
  return { chart, table }
}

/** Chart then table, or the table alone when there is nothing to draw. */
export function figureMarkdown(f: Figure): string {
  return [f.chart, f.table].filter(Boolean).join('\n\n')
}
