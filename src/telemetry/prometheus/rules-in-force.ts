/**
 * The rule groups a backend has in force (`/api/v1/rules`), read once a run: the rule alignment
 * and the backtest read the same groups, megabytes of them at fleet size.
 */
import type { PrometheusClient, PrometheusRuleGroup } from './client.js'

/** What a run reads once and shares between its phases (RunContext.once). */
export type RunOnce = Map<string, Promise<unknown>>

/** The groups, asked of the backend only by the first reader of the run (`asked` is called then). */
export function rulesInForce(
  once: RunOnce | undefined,
  client: Pick<PrometheusClient, 'name' | 'rules'>,
  asked: () => void = () => undefined
): Promise<PrometheusRuleGroup[]> {
  const ask = (): Promise<PrometheusRuleGroup[]> => (asked(), client.rules())
  if (!once) return ask()
  const key = `rules\u0000${client.name}`
  let read = once.get(key) as Promise<PrometheusRuleGroup[]> | undefined
  if (!read) {
    read = ask()
    // A failed read is not kept: the next reader asks again and gets its own error.
    read.catch(() => once.delete(key))
    once.set(key, read)
  }
  return read
}
