import { parseDocument } from 'yaml'
import { yamlErrorText } from '../../util/yaml-errors.js'

/** Parsed rule files by text: the SLO alignment and the backtest read the same files in one run. */
const parsedRuleFiles = new Map<string, unknown[]>()
const PARSED_RULE_FILES_KEPT = 16

/**
 * The `groups` list of a Prometheus rule file's text, parsed once per run. YAML errors name the
 * line, never quote the file; aliases are bounded (no alias bomb).
 */
export function ruleFileGroups(text: string, source: string): unknown[] {
  const hit = parsedRuleFiles.get(text)
  if (hit) return hit
  const doc = parseDocument(text, { prettyErrors: false })
  // The parser's own messages may quote the file: say where, not what.
  const bad = doc.errors[0]
  if (bad) throw new Error(`${source}: not valid YAML (${yamlErrorText(bad)}, line ${bad.linePos?.[0]?.line ?? '?'})`)
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: 100 })
  } catch {
    throw new Error(`${source}: YAML whose aliases cannot be expanded (an unresolved alias, or an alias bomb)`)
  }
  const groups = (data as { groups?: unknown })?.groups
  if (!Array.isArray(groups)) throw new Error(`${source}: not a Prometheus rule file (no groups list)`)
  if (parsedRuleFiles.size >= PARSED_RULE_FILES_KEPT) parsedRuleFiles.delete(parsedRuleFiles.keys().next().value!)
  parsedRuleFiles.set(text, groups)
  return groups
}
