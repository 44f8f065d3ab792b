import { randomBytes } from 'node:crypto'
import { lstat, mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { AlertTestResults, DashboardReport, SloAlignment } from '../alerting/types.js'
import type { Risk } from '../evidence/model.js'
import type { RunContext } from '../model/monitoring-model.js'
import { escapeMarkdown as esc, inlineCode, mdLink } from '../util/escape.js'
import { InputError, InputErrors } from '../util/errors.js'
import { redact } from '../util/redact.js'
import { invalidUtf8Offset } from '../util/utf8.js'
import { resolveInWorkspace } from '../util/workspace.js'

/** What the run learned that belongs in the runbook. */
export interface RunbookSection {
  alignment: SloAlignment
  dashboards: DashboardReport
  alertTests?: AlertTestResults
  onCallOwner?: string
}

/** Everything the runbook section shows, already resolved from the run. */
export interface RunbookContent {
  release: string
  generatedAt: string
  environment: string
  services: Array<{ name: string; critical: boolean; new: boolean; owner?: string }>
  alerts: Array<{ name: string; severity?: string; expr: string; source: string; service: string }>
  slos: Array<{ slo: string; service: string; objective: number; window: string }>
  dashboards: Array<{ title: string; link?: string; score: number }>
  risks: Risk[]
  owner?: string
  channels: { slack?: string; pagerduty?: string; email?: string }
  routes: Array<{ name: string; receiver: string; lastTest?: string }>
  ackSlaSeconds: number
}

export const RUNBOOK_END = '<!-- sre-monitoring:end -->'

/** Marker-safe release name (HTML comments must not contain `--` or `>`). */
export function releaseId(release: string): string {
  return release.replace(/[^A-Za-z0-9._/+@-]+/g, '-').replace(/-{2,}/g, '-') || 'unnamed'
}

export const runbookBegin = (release: string): string => `<!-- sre-monitoring:begin release=${releaseId(release)} -->`

/** The section for one release, between its markers, with `\n` line ends. */
export function renderRunbookSection(c: RunbookContent): string {
  const out: string[] = [runbookBegin(c.release), `## Release ${esc(c.release)} (${esc(c.environment)})`, '']
  out.push(`_Written by sre-monitoring on ${esc(c.generatedAt)}; this section is replaced on the next run for this release._`, '')

  out.push('### Detection signals', '')
  if (c.alerts.length) {
    out.push('Alerts:', '')
    for (const a of c.alerts)
      out.push(
        `- **${esc(a.name)}** (${esc(a.severity ?? 'no severity')}, ${esc(a.service)}, from ${esc(a.source)}): ${inlineCode(a.expr)}`
      )
  } else out.push('- No alert rule was found for these services: see dashboard-config.md and suggested-alert-rules.yml.')
  out.push('')
  if (c.slos.length) {
    out.push('SLOs:', '')
    for (const s of c.slos) out.push(`- ${esc(s.slo)} (${esc(s.service)}): ${s.objective}% over ${esc(s.window)}`)
    out.push('')
  }
  out.push('Dashboards:', '')
  if (c.dashboards.length)
    for (const d of c.dashboards)
      out.push(`- ${mdLink(d.title, d.link)}${d.link && !/^https?:/i.test(d.link) ? ` (${inlineCode(d.link)})` : ''} - score ${d.score}%`)
  else out.push('- None found.')
  out.push('')

  out.push('### Mitigation', '')
  if (c.risks.length) {
    for (const r of c.risks) {
      const where = r.component ? ` (${esc(r.component)})` : ''
      out.push(`- **${esc(r.severity)}**${where}: ${esc(r.description)}`)
      out.push(
        `  - Mitigation: ${r.mitigation ? esc(r.mitigation) : 'none given in the deployment report; decide one before the next release.'}`
      )
    }
  } else out.push('- The deployment report names no risks for this release.')
  out.push('')

  out.push('### Contact rotation', '')
  out.push(`- On-call owner: ${c.owner ? esc(c.owner) : 'not recorded'}`)
  const channels = Object.entries(c.channels).filter(([, v]) => v)
  out.push(
    `- Channels: ${channels.length ? channels.map(([k, v]) => `${k} ${esc(v!)}`).join(', ') : 'none configured (alerting.notification-channels)'}`
  )
  out.push(`- Acknowledgement SLA: ${c.ackSlaSeconds} s`)
  for (const r of c.routes)
    out.push(`- Route ${esc(r.name)} -> receiver ${esc(r.receiver)}${r.lastTest ? ` (last test: ${esc(r.lastTest)})` : ''}`)
  const owners = c.services.filter((s) => s.owner)
  for (const s of owners) out.push(`- ${esc(s.name)}${s.critical ? ' (critical)' : ''}${s.new ? ' (new)' : ''}: ${esc(s.owner!)}`)
  out.push('', RUNBOOK_END)
  return out.join('\n')
}

/** The runbook content for this run. */
export function runbookContent(ctx: RunContext, section: RunbookSection): RunbookContent {
  const release = ctx.model.release.tag ?? ctx.model.release.commit ?? ctx.runId
  const seen = new Set<string>()
  const alerts: RunbookContent['alerts'] = []
  for (const f of section.alignment.findings) {
    if (!f.found || f.status === 'missing') continue
    const key = `${f.found.source}\u0000${f.found.rule}`
    if (seen.has(key)) continue
    seen.add(key)
    alerts.push({
      name: f.found.rule,
      expr: f.found.expr,
      source: f.found.source,
      service: f.service,
      severity: f.kind === 'ticket' ? 'ticket' : f.kind === 'absent' ? undefined : 'page'
    })
  }
  const tests = new Map((section.alertTests?.tests ?? []).map((t) => [t.route, t]))
  const services = ctx.model.services.map((s) => ({
    name: s.name,
    critical: s.critical,
    new: s.new,
    ...(s.owner ? { owner: s.owner } : {})
  }))
  const owner = section.onCallOwner ?? ctx.config.assurance.owner
  return {
    release,
    generatedAt: ctx.now().toISOString(),
    environment: ctx.model.environment,
    services,
    alerts,
    slos: (section.alignment.burn_rates ?? []).map((b) => ({ slo: b.slo, service: b.service, objective: b.objective, window: b.window })),
    dashboards: section.dashboards.dashboards.map((d) => ({ title: d.dashboard, score: d.score, ...(d.link ? { link: d.link } : {}) })),
    risks: ctx.evidence.report.risks,
    ...(owner ? { owner } : {}),
    channels: ctx.config.alerting['notification-channels'],
    routes: ctx.config.alerting.routes.map((r) => {
      const t = tests.get(r.name)
      return {
        name: r.name,
        receiver: r['expect-receiver'],
        ...(t
          ? {
              lastTest: `${t.status}${t.acknowledgement_time_seconds !== null ? `, acknowledged in ${t.acknowledgement_time_seconds} s` : ''}`
            }
          : {})
      }
    }),
    ackSlaSeconds: ctx.config.alerting['ack-sla-seconds']
  }
}

/** A line of the runbook that is one of our markers, or looks like one. */
interface Marker {
  kind: 'begin' | 'end'
  release?: string
  line: number
  start: number
  end: number
}

const MARKER_LIKE = /<!--\s*sre-monitoring:/i
const BEGIN_LINE = /^<!-- sre-monitoring:begin release=([A-Za-z0-9._/+@-]+) -->$/
const END_LINE = /^<!-- sre-monitoring:end -->$/

/** A code fence opening or closing line (CommonMark: up to 3 spaces, then ``` or ~~~). */
function fence(line: string): { char: string; size: number; info: string } | undefined {
  const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line)
  if (!m) return undefined
  return { char: m[1]![0]!, size: m[1]!.length, info: m[2]! }
}

/**
 * The markers of a runbook, outside code fences, with every problem that makes the file unsafe
 * to change: a marker line that is not exactly ours, a begin inside a section (nested), an end
 * with no begin, a section never closed (also one whose end sits in an unclosed code fence).
 */
export function scanMarkers(text: string): { markers: Marker[]; problems: Array<{ line: number; problem: string }> } {
  const markers: Marker[] = []
  const problems: Array<{ line: number; problem: string }> = []
  let open: { char: string; size: number; line: number } | undefined
  let pos = 0
  let lineNo = 0
  while (pos < text.length) {
    lineNo++
    const nl = text.indexOf('\n', pos)
    const endOfLine = nl < 0 ? text.length : nl
    const raw = text.slice(pos, endOfLine).replace(/\r$/, '')
    const f = fence(raw)
    if (open) {
      if (f && f.char === open.char && f.size >= open.size && f.info.trim() === '') open = undefined
    } else if (f && !(f.char === '`' && f.info.includes('`'))) {
      open = { char: f.char, size: f.size, line: lineNo }
    } else if (MARKER_LIKE.test(raw)) {
      const line = raw.trim()
      const begin = BEGIN_LINE.exec(line)
      if (begin) markers.push({ kind: 'begin', release: begin[1]!, line: lineNo, start: pos, end: pos + raw.length })
      else if (END_LINE.test(line)) markers.push({ kind: 'end', line: lineNo, start: pos, end: pos + raw.length })
      // A marker quoted inside a sentence or inline code is prose; a line of its own that is not
      // exactly a marker is a damaged one.
      else if (/^<!--\s*sre-monitoring:/i.test(line))
        problems.push({ line: lineNo, problem: `a damaged marker (expected ${RUNBOOK_END} or <!-- sre-monitoring:begin release=NAME -->)` })
    }
    pos = endOfLine + 1
  }
  let inside: Marker | undefined
  for (const m of markers) {
    if (m.kind === 'begin') {
      if (inside)
        problems.push({ line: m.line, problem: `a begin marker inside the section opened at line ${inside.line} (nested sections)` })
      else inside = m
    } else if (!inside) problems.push({ line: m.line, problem: 'an end marker with no begin marker before it' })
    else inside = undefined
  }
  if (inside) {
    problems.push({
      line: inside.line,
      problem: open
        ? `a section whose end is not found: the code fence opened at line ${open.line} is never closed`
        : `a section that is never closed (no ${RUNBOOK_END} after it)`
    })
  }
  problems.sort((a, b) => a.line - b.line)
  return { markers, problems }
}

/**
 * Put `block` into `text` between this release's markers: replace the existing section (and drop
 * any duplicate of it) or append one. Everything outside the section is kept byte for byte. Any
 * damaged, nested or unclosed marker leaves the text as it is: the error names each line.
 */
export function spliceRunbook(text: string, block: string, release: string, file: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const body = block.replace(/\n/g, eol)
  const { markers, problems } = scanMarkers(text)
  if (problems.length) {
    const errors = problems.map(
      (p) =>
        new InputError({
          file,
          line: p.line,
          field: 'runbook.path',
          expected: 'well-formed sre-monitoring markers (the runbook was left untouched)',
          found: p.problem
        })
    )
    throw errors.length === 1 ? errors[0]! : new InputErrors(errors)
  }
  const id = releaseId(release)
  const spans: Array<[number, number]> = []
  for (let i = 0; i + 1 < markers.length; i += 2) {
    const b = markers[i]!
    const e = markers[i + 1]!
    if (b.release === id) spans.push([b.start, e.end])
  }
  if (spans.length === 0) {
    if (text === '') return body + eol
    const sep = text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : eol + eol
    return text + sep + body + eol
  }
  let out = ''
  let pos = 0
  spans.forEach(([start, end], i) => {
    out += text.slice(pos, start)
    if (i === 0) {
      out += body
      pos = end
    } else {
      // A duplicate of this release's section goes, with the line end that followed it.
      pos = text.startsWith(eol, end) ? end + eol.length : text.startsWith('\n', end) ? end + 1 : end
    }
  })
  return out + text.slice(pos)
}

/**
 * The section in ASCII for a runbook in another encoding: characters outside ASCII become
 * numeric character references, which Markdown renders the same in any encoding. Code spans show
 * references literally, so non-ASCII code cannot be written: undefined then.
 */
export function asciiSection(block: string): string | undefined {
  let out = ''
  let pos = 0
  for (const m of block.matchAll(/(`+)[\s\S]*?\1/g)) {
    if (/[^\x00-\x7f]/.test(m[0])) return undefined
    out += entities(block.slice(pos, m.index)) + m[0]
    pos = (m.index ?? 0) + m[0].length
  }
  return out + entities(block.slice(pos))
}

function entities(text: string): string {
  return text.replace(/[^\x00-\x7f]/gu, (ch) => `&#${ch.codePointAt(0)};`)
}

/** How the runbook's bytes are read and written back. */
type Encoding = 'utf8' | 'latin1'

/**
 * The runbook's text and how to write it back. UTF-8 is read as such; any other bytes are read
 * one byte per character (Latin-1), so that everything outside our section is written back byte
 * for byte. UTF-16 and binary files are refused.
 */
export function decodeRunbook(bytes: Buffer, file: string): { text: string; encoding: Encoding; bom: boolean } {
  if (bytes.includes(0) || (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))) {
    throw new InputError({
      file,
      field: 'runbook.path',
      expected: 'a Markdown runbook in UTF-8 (or Latin-1)',
      found: 'UTF-16 or binary content (NUL bytes); the file was left untouched'
    })
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = bom ? bytes.subarray(3) : bytes
  if (invalidUtf8Offset(body) < 0) return { text: body.toString('utf8'), encoding: 'utf8', bom }
  return { text: bytes.toString('latin1'), encoding: 'latin1', bom: false }
}

function encodeRunbook(text: string, encoding: Encoding, bom: boolean): Buffer {
  const body = Buffer.from(text, encoding)
  return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body
}

/** The runbook as text for the package copy: UTF-8 as is, a Latin-1 file transcoded (never U+FFFD). */
export async function readRunbookText(workspace: string, path: string): Promise<string> {
  const { abs } = await resolveInWorkspace(workspace, path, { field: 'runbook.path' })
  return decodeRunbook(await readFile(abs), path).text
}

/** Write a file atomically: a temporary file in the same folder, then a rename over the target. */
async function writeAtomic(abs: string, data: Buffer, mode: number | undefined): Promise<void> {
  const tmp = join(dirname(abs), `.${basename(abs)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(tmp, 'wx', mode ?? 0o644)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (err) {
    await handle.close().catch(() => undefined)
    await rm(tmp, { force: true })
    throw err
  }
  await handle.close()
  try {
    await rename(tmp, abs)
  } catch (err) {
    await rm(tmp, { force: true })
    throw err
  }
}

/**
 * Add or replace this release's section in the runbook (`runbook.path`, created with a title
 * when absent). Written only when the content changes, atomically, to the file's real path inside
 * the workspace (never through a symbolic link that leads outside), in the file's own encoding.
 */
export async function updateRunbook(ctx: RunContext, section: RunbookSection): Promise<{ path: string; changed: boolean }> {
  const rel = ctx.config.runbook.path
  const origin = { field: 'runbook.path' }
  const target = await resolveInWorkspace(ctx.workspace, rel, origin)
  let bytes: Buffer | undefined
  let mode: number | undefined
  if (target.exists) {
    const st = await lstat(target.abs)
    if (!st.isFile())
      throw new InputError({
        file: rel,
        field: 'runbook.path',
        expected: 'a Markdown file',
        found: st.isDirectory() ? 'a folder' : 'not a regular file'
      })
    if (st.size > RUNBOOK_MAX_BYTES)
      throw new InputError({
        file: rel,
        field: 'runbook.path',
        expected: `a runbook of at most ${RUNBOOK_MAX_BYTES} bytes`,
        found: `a file of ${st.size} bytes; it was left untouched`
      })
    mode = st.mode & 0o7777
    bytes = await readFile(target.abs)
  }
  const { text, encoding, bom } = bytes
    ? decodeRunbook(bytes, rel)
    : { text: '# Monitoring runbook\n\n', encoding: 'utf8' as const, bom: false }
  const content = runbookContent(ctx, section)
  // The section is the action's text, from backend answers too: it passes the redactor like every file.
  const block = redact(renderRunbookSection(content))
  let written = block
  if (encoding === 'latin1') {
    const ascii = asciiSection(block)
    if (ascii === undefined) {
      throw new InputError({
        file: rel,
        field: 'runbook.path',
        expected: 'a runbook in UTF-8, or a section whose code needs only ASCII',
        found: `a file that is not UTF-8 (byte offset ${invalidUtf8Offset(bytes!)}), while this release's section quotes non-ASCII code; the file was left untouched (save it as UTF-8)`
      })
    }
    written = ascii
  }
  const next = spliceRunbook(text, written, content.release, rel)
  const out = encodeRunbook(next, encoding, bom)
  const changed = !bytes || !out.equals(bytes)
  if (changed) {
    if (!target.exists) {
      await mkdir(dirname(target.abs), { recursive: true })
      // The folders now exist: check again that they are where they should be.
      const again = await resolveInWorkspace(ctx.workspace, rel, origin)
      if (again.abs !== target.abs && again.exists)
        throw new InputError({
          file: rel,
          field: 'runbook.path',
          expected: 'a runbook path that stays put',
          found: 'a path that changed while it was written'
        })
    }
    await writeAtomic(target.abs, out, mode)
  }
  return { path: target.shown, changed }
}

/** Largest runbook read: a runbook is a document, not a data file. */
export const RUNBOOK_MAX_BYTES = 8 * 1024 * 1024
