/**
 * Alertmanager's routing tree, evaluated on its running config (`config.original` from
 * `/api/v2/status`) the way `amtool config routes test` does: a route matches when all its
 * matchers do; its children are tried in order and the first match wins unless it has
 * `continue: true`; a route without a matching child is the answer; receivers are inherited.
 */
import { parse } from 'yaml'

interface RouteNode {
  receiver?: string
  continue?: boolean
  matchers?: string[]
  match?: Record<string, string>
  match_re?: Record<string, string>
  routes?: RouteNode[]
}

type Matcher = { name: string; op: '=' | '!=' | '=~' | '!~'; value: string }

/** Go's RE2 is anchored by Alertmanager; `(?i)` becomes the i flag. */
function anchored(re: string): RegExp {
  const m = /^\(\?i\)/.exec(re)
  return new RegExp(`^(?:${m ? re.slice(4) : re})$`, m ? 'i' : '')
}

function unquote(v: string): string {
  const t = v.trim()
  if (t.startsWith('"') && t.endsWith('"') && t.length >= 2) return JSON.parse(t) as string
  return t
}

/** One `matchers:` entry: `name="value"`, `name=~"re"`, unquoted too; braces and commas allowed. */
export function parseMatchers(text: string): Matcher[] {
  let s = text.trim()
  if (s.startsWith('{') && s.endsWith('}')) s = s.slice(1, -1)
  const parts: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (c === '\\' && quoted) {
      cur += c + (s[++i] ?? '')
      continue
    }
    if (c === '"') quoted = !quoted
    if (c === ',' && !quoted) {
      parts.push(cur)
      cur = ''
    } else cur += c
  }
  if (cur.trim()) parts.push(cur)
  return parts.map((p) => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*|"[^"]*")\s*(=~|!~|!=|=)\s*(.*)$/.exec(p)
    if (!m) throw new Error(`matcher ${JSON.stringify(p.trim())} is not name=value, name!=value, name=~re or name!~re`)
    return { name: unquote(m[1]!), op: m[2] as Matcher['op'], value: unquote(m[3]!) }
  })
}

function matches(node: RouteNode, labels: Record<string, string>): boolean {
  const ms: Matcher[] = []
  for (const t of node.matchers ?? []) ms.push(...parseMatchers(t))
  for (const [k, v] of Object.entries(node.match ?? {})) ms.push({ name: k, op: '=', value: String(v) })
  for (const [k, v] of Object.entries(node.match_re ?? {})) ms.push({ name: k, op: '=~', value: String(v) })
  return ms.every((m) => {
    const v = labels[m.name] ?? ''
    if (m.op === '=') return v === m.value
    if (m.op === '!=') return v !== m.value
    const hit = anchored(m.value).test(v)
    return m.op === '=~' ? hit : !hit
  })
}

function walk(node: RouteNode, labels: Record<string, string>, inherited: string | undefined, out: string[]): boolean {
  if (!matches(node, labels)) return false
  const receiver = node.receiver ?? inherited
  let matchedChild = false
  for (const child of node.routes ?? []) {
    if (walk(child, labels, receiver, out)) {
      matchedChild = true
      if (!child.continue) break
    }
  }
  if (!matchedChild && receiver && !out.includes(receiver)) out.push(receiver)
  return true
}

export interface RunningConfig {
  root: RouteNode
  /** Receiver name -> its integrations (webhook, pagerduty, opsgenie, slack, email, ...). */
  integrations: Map<string, string[]>
}

export function parseRunningConfig(original: string): RunningConfig {
  const doc = parse(original) as { route?: RouteNode; receivers?: Array<Record<string, unknown>> } | null
  if (!doc?.route) throw new Error('the running config has no route')
  const integrations = new Map<string, string[]>()
  for (const r of doc.receivers ?? []) {
    const kinds = Object.keys(r)
      .filter((k) => k.endsWith('_configs') && Array.isArray(r[k]) && (r[k] as unknown[]).length > 0)
      .map((k) => k.replace(/_configs$/, ''))
    integrations.set(String(r.name), kinds)
  }
  return { root: doc.route, integrations }
}

/** The receivers the routing tree sends these labels to (the root always matches). */
export function routeReceivers(cfg: RunningConfig, labels: Record<string, string>): string[] {
  const out: string[] = []
  walk({ ...cfg.root, matchers: [], match: {}, match_re: {} }, labels, undefined, out)
  return out
}
