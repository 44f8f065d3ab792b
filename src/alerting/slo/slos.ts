import type { SloConfig } from '../../config/schema.js'

/** The PromQL error ratio of an SLO over a window, or undefined when its queries do not allow one. */
export function errorRatioQuery(slo: SloConfig, window: string): string | undefined {
  const at = (q: string): string => q.split('$window').join(window)
  const good = slo['good-query']
  const total = slo['total-query']
  const error = slo['error-query']
  if (error && total) return `(${at(error)}) / (${at(total)})`
  if (good && total) return `1 - ((${at(good)}) / (${at(total)}))`
  // An error query alone is read as the ratio itself.
  if (error) return at(error)
  return undefined
}

/** The queries an SLO is defined by. */
export function sloQueries(slo: SloConfig): string[] {
  return [slo['good-query'], slo['total-query'], slo['error-query']].filter((q): q is string => !!q)
}
