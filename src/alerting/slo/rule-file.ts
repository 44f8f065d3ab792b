import { LineCounter, parseDocument } from 'yaml'
import { readPlainYaml } from '../../util/plain-yaml.js'
import { yamlErrorLine, yamlErrorText } from '../../util/yaml-errors.js'

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
  const data = plainRuleFileData(text) ?? fullRuleFileData(text, source)
  const groups = (data as { groups?: unknown })?.groups
  if (!Array.isArray(groups)) throw new Error(`${source}: not a Prometheus rule file (no groups list)`)
  if (parsedRuleFiles.size >= PARSED_RULE_FILES_KEPT) parsedRuleFiles.delete(parsedRuleFiles.keys().next().value!)
  parsedRuleFiles.set(text, groups)
  return groups
}

/**
 * Generated rule files run to megabytes of plain maps, lists and scalars: those take the fast reader
 * (util/plain-yaml.ts); anything else, and anything it refuses, the full parser.
 */
export function plainRuleFileData(text: string): unknown {
  return readPlainYaml(text)?.value
}

export function fullRuleFileData(text: string, source: string): unknown {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { prettyErrors: false, lineCounter })
  // The parser's own messages may quote the file: say where, not what.
  const bad = doc.errors[0]
  if (bad) throw new Error(`${source}: not valid YAML (${yamlErrorText(bad)}, line ${yamlErrorLine(bad, lineCounter)})`)
  try {
    return doc.toJS({ maxAliasCount: 100 })
  } catch {
    throw new Error(`${source}: YAML whose aliases cannot be expanded (an unresolved alias, or an alias bomb)`)
  }
}
