import { InputError, InputErrors, describeValue } from '../util/errors.js'
import { checkExtracted, listFromSections, Origins, sectionLabel, type Origin } from './extracted-check.js'
import {
  collapse,
  column,
  findSections,
  itemsIn,
  keyValuesIn,
  paragraphsIn,
  parseMarkdown,
  saysNone,
  splitList,
  splitTime,
  tablesIn,
  trimSeparators,
  urlsIn,
  type MarkdownDoc,
  type Section
} from './markdown.js'
import type { DeploymentReport, ReportService, Risk, TimelineEntry } from './model.js'
import { normaliseSeverity, parseYesNo, SEVERITY_WORD } from './normalise.js'
import { isObject } from '../util/json.js'
import { EVIDENCE_INPUTS, SCHEMA_FILES } from '../artifacts/files.js'

export const REPORT_FILE = EVIDENCE_INPUTS.report

type ReportSection = 'timeline' | 'risks' | 'endpoints' | 'services' | 'release'

/** Heading wording seen in deploy reports; the first match wins. */
const HEADINGS: Array<[ReportSection, RegExp]> = [
  ['timeline', /\btimeline\b|\bchronology\b|\bsequence of events\b|\bdeploy(ment)? log\b|\bevents\b/],
  ['risks', /\brisks?\b|\bknown issues\b|\bconcerns\b/],
  ['endpoints', /^(new |added |changed )?(service |api |health )?(endpoints?|urls?|routes?)\b/],
  ['services', /\bservices?\b|\bcomponents?\b|\bchanges\b|\bscope\b|\bendpoints?\b/],
  ['release', /\brelease\b|\bdeploy(ment)? (summary|details|info|information|overview|metadata)\b|\bsummary\b|\boverview\b|\bversion\b/]
]

function classify(heading: string): ReportSection | undefined {
  return HEADINGS.find(([, re]) => re.test(heading))?.[0]
}

const TAG_KEYS = /^(release|tag|version|release_tag|release_version|git_tag|release_name)$/
const COMMIT_KEYS = /^(commit|sha|git_sha|commit_sha|revision|git_commit|commit_id)$/
const STRATEGY_KEYS = /^(strategy|deployment_strategy|deploy_strategy|rollout|rollout_strategy|deployment_type|deploy_type|type|method)$/

function releaseFrom(
  doc: MarkdownDoc<ReportSection>,
  origins: Origins
): { release?: DeploymentReport['release']; section?: Section<ReportSection> } {
  const section = findSections(doc, 'release')[0]
  const release: DeploymentReport['release'] = {}
  const set = (field: 'tag' | 'commit' | 'strategy', value: string, origin: Origin): void => {
    release[field] = value.replace(/^`|`$/g, '').trim()
    origins.set(`/release/${field}`, origin)
  }
  const sources: Array<{ nodes: Section<ReportSection>['nodes']; label: string }> = [
    { nodes: doc.preamble, label: 'the text before the first section' }
  ]
  if (section) sources.push({ nodes: section.nodes, label: sectionLabel(section.heading, section.depth) })
  for (const src of sources) {
    for (const kv of keyValuesIn(src.nodes)) {
      const origin = { label: src.label, line: kv.line }
      if (TAG_KEYS.test(kv.key)) set('tag', kv.value, origin)
      else if (COMMIT_KEYS.test(kv.key)) set('commit', kv.value, origin)
      else if (STRATEGY_KEYS.test(kv.key)) set('strategy', kv.value, origin)
    }
  }
  // "## Release v2.4.0" or a bare "v2.4.0" line in the release section.
  if (section && release.tag === undefined) {
    const texts = [section.heading, ...paragraphsIn(section.nodes).map((p) => p.text)]
    const version = texts.map((t) => /\bv?\d+\.\d+\.\d+(?:[-+][\w.-]+)?\b/.exec(t)?.[0]).find((v) => v !== undefined)
    if (version) set('tag', version, { label: sectionLabel(section.heading, section.depth), line: section.line })
  }

  // Front matter wins over the body for the same field.
  const fm = doc.frontMatter
  const fmRelease = fm.release
  const fmFields: Record<string, unknown> = isObject(fmRelease)
    ? Object.fromEntries(Object.entries(fmRelease).map(([k, v]) => [k.toLowerCase().replace(/[-\s]/g, '_'), v]))
    : { tag: fmRelease ?? fm.tag ?? fm.version }
  const fmValues: Array<['tag' | 'commit' | 'strategy', unknown, string]> = [
    ['tag', fmFields.tag ?? fmFields.version, 'tag'],
    ['commit', fmFields.commit ?? fmFields.sha ?? fm.commit ?? fm.sha, 'commit'],
    ['strategy', fmFields.strategy ?? fmFields.deployment_type ?? fm.strategy ?? fm.deployment_strategy, 'strategy']
  ]
  for (const [field, value, key] of fmValues) {
    if (value === undefined || value === null) continue
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new InputError({ file: doc.file, field: `front matter "${key}"`, expected: 'a text value', found: describeValue(value) })
    }
    set(field, String(value), { label: `front matter "${key}"` })
  }
  const found = release.tag !== undefined || release.commit !== undefined || release.strategy !== undefined
  if (section) origins.set('/release', { label: sectionLabel(section.heading, section.depth), line: section.line })
  else if (found) origins.set('/release', { label: 'front matter' })
  return found || section ? { release, section } : {}
}

function isNewHeading(heading: string): boolean | undefined {
  const h = heading.toLowerCase()
  if (/\b(new|added|introduced)\b/.test(h)) return true
  if (/\b(changed|modified|updated|existing)\b/.test(h)) return false
  return undefined
}

class ServiceCollector {
  readonly services: ReportService[] = []
  readonly errors: InputError[] = []
  /** By lower-cased name: a fleet report lists thousands of services. */
  private readonly byName = new Map<string, ReportService>()
  constructor(
    private readonly file: string,
    private readonly origins: Origins
  ) {}

  add(service: ReportService, origin: Origin): void {
    const key = service.name.toLowerCase()
    const existing = this.byName.get(key)
    if (existing) {
      // The same service listed under "Changed" and "New", or in a table and again in bullets.
      existing.critical ||= service.critical
      existing.new ||= service.new
      existing.endpoints = [...new Set([...existing.endpoints, ...service.endpoints])]
      return
    }
    this.origins.set(`/services/${this.services.length}`, origin)
    this.services.push(service)
    this.byName.set(key, service)
  }

  flag(text: string, what: string, origin: Origin): boolean {
    const v = parseYesNo(text)
    if (v === undefined) {
      this.errors.push(
        new InputError({
          file: this.file,
          line: origin.line,
          field: `${origin.label}, column "${what}"`,
          expected:
            what === 'critical'
              ? 'yes or no (also true/false, ✅/❌, critical/non-critical)'
              : 'yes or no (also new/changed, added/modified)',
          found: describeValue(text)
        })
      )
      return false
    }
    return v
  }
}

function servicesFrom(section: Section<ReportSection>, collector: ServiceCollector): void {
  const label = sectionLabel(section.heading, section.depth)
  const defaultNew = isNewHeading(section.heading)
  for (const t of tablesIn(section.nodes)) {
    const nameCol = column(t.headers, [/\bservice\b|\bname\b|\bcomponent\b|\bapp(lication)?\b/]) ?? 0
    const criticalCol = column(t.headers, [/\bcritical(ity)?\b|\btier\b/], [nameCol])
    const newCol = column(t.headers, [/\bnew\b|\bchange( type)?\b|\btype\b|\bstatus\b|\bkind\b/], [nameCol, criticalCol ?? -1])
    const endpointsCol = column(t.headers, [/\bendpoints?\b|\burls?\b|\bhealth( ?checks?)?\b|\broutes?\b/], [nameCol])
    t.rows.forEach((r) => {
      const name = (r.cells[nameCol] ?? '').replace(/^`|`$/g, '').trim()
      if (!name) return
      const origin = { label, line: r.line }
      const endpointCell = endpointsCol !== undefined ? r.cellNodes[endpointsCol] : undefined
      // In an endpoints column an entry that looks like an address ("payments:8081/healthz") is
      // kept so that the schema reports it, rather than dropped; links contribute their target.
      const endpoints = endpointCell
        ? [
            ...new Set([
              ...urlsIn(endpointCell),
              ...splitList(r.cells[endpointsCol!] ?? '').filter((e) => !/^https?:\/\//.test(e) && /[/:]/.test(e) && /[a-z0-9]/i.test(e))
            ])
          ]
        : []
      collector.add(
        {
          name,
          critical: criticalCol !== undefined ? collector.flag(r.cells[criticalCol] ?? '', 'critical', origin) : false,
          new: newCol !== undefined ? collector.flag(r.cells[newCol] ?? '', 'new', origin) : (defaultNew ?? false),
          endpoints
        },
        origin
      )
    })
  }
  for (const item of itemsIn(section.nodes)) {
    if (saysNone(item.text)) continue
    const name = (item.lead ?? /^([^\s(:—–,]+)/.exec(item.text)?.[1] ?? '').replace(/:$/, '').trim()
    if (!name) continue
    const rest = item.full.slice(item.full.indexOf(name) + name.length).toLowerCase()
    const critical = /\bnon[- ]?critical\b|\bnot critical\b/.test(rest) ? false : /\bcritical\b|\btier[ -]?[01]\b/.test(rest)
    const isNew = /\b(new|added|introduced)\b/.test(rest)
      ? true
      : /\b(changed|modified|updated)\b/.test(rest)
        ? false
        : (defaultNew ?? false)
    collector.add({ name, critical, new: isNew, endpoints: urlsIn(item.node) }, { label, line: item.line })
  }
}

function endpointsFrom(sections: Array<Section<ReportSection>>, origins: Origins): string[] {
  const out: string[] = []
  for (const section of sections) {
    const label = sectionLabel(section.heading, section.depth)
    const add = (url: string, line: number | undefined): void => {
      if (out.includes(url)) return
      origins.set(`/new_endpoints/${out.length}`, { label, line })
      out.push(url)
    }
    for (const t of tablesIn(section.nodes)) for (const r of t.rows) for (const u of urlsIn(r.cellNodes)) add(u, r.line)
    for (const item of itemsIn(section.nodes)) for (const u of urlsIn(item.node)) add(u, item.line)
    for (const p of section.nodes.filter((n) => n.type === 'paragraph')) for (const u of urlsIn(p)) add(u, p.position?.start.line)
  }
  return out
}

function riskFromText(text: string): Risk | undefined {
  if (saysNone(text)) return undefined
  let rest = collapse(text)
  let severityText: string | undefined
  let component: string | undefined
  let mitigation: string | undefined

  const mit = /(?:^|[\s;.,—–(])mitigations?\s*[:=—–-]\s*(.+?)\)?$/i.exec(rest)
  if (mit) {
    mitigation = mit[1]!.trim()
    rest = rest.slice(0, mit.index).trim()
  }
  const sev = /\b(?:severity|impact|level|priority)\s*[:=]\s*([\w-]+)/i.exec(rest)
  if (sev) {
    severityText = sev[1]
    rest = (rest.slice(0, sev.index) + rest.slice(sev.index + sev[0].length)).trim()
  }
  const comp = /\b(?:component|service|area|affects?)\s*[:=]\s*([\w./-]+)/i.exec(rest)
  if (comp) {
    component = comp[1]
    rest = (rest.slice(0, comp.index) + rest.slice(comp.index + comp[0].length)).trim()
  }
  // Leading "[High]", "High:", "High —" and then an optional "(payments)" or "payments:".
  const lead = /^\[?\s*([A-Za-z0-9-]+)\s*\]?\s*(?:[:—–|-]\s*)?/.exec(rest)
  if (!severityText && lead && SEVERITY_WORD.test(lead[1]!)) {
    severityText = lead[1]
    rest = rest.slice(lead[0].length)
  }
  if (!component) {
    const c = /^\(([\w./-]+)\)\s*[:—–-]?\s*/.exec(rest) ?? /^([a-z][\w.-]*)(?:\s*:|\s+[—–])\s+/.exec(rest)
    if (c) {
      component = c[1]
      rest = rest.slice(c[0].length)
    }
  }
  rest = trimSeparators(rest.replace(/[\s,;(]+\)?\s*$/, '').replace(/\(\s*[,;]?\s*\)/g, ''))
  const risk: Risk = { description: rest, severity: severityText ? normaliseSeverity(severityText) : 'unknown' }
  if (severityText) risk.severity_text = severityText
  if (component) risk.component = component
  if (mitigation) risk.mitigation = mitigation
  return risk
}

function riskFromRow(cells: string[], headers: string[]): Risk | undefined {
  const severityCol = column(headers, [/\bseverity\b/, /\bimpact\b|\blevel\b|\bpriority\b|\brating\b|\bscore\b/])
  const componentCol = column(headers, [/\bcomponent\b|\bservice\b|\barea\b|\baffected\b|\bsystem\b/], [severityCol ?? -1])
  const mitigationCol = column(headers, [/\bmitigation\b|\baction\b|\bresponse\b|\bplan\b|\bcontingency\b|\brollback\b/])
  const taken = [severityCol, componentCol, mitigationCol].filter((c): c is number => c !== undefined)
  const descCol =
    column(headers, [/\brisk\b|\bdescription\b|\bissue\b|\bconcern\b|\bwhat\b/], taken) ?? headers.findIndex((_, i) => !taken.includes(i))
  const description = cells[descCol] ?? ''
  if (!description || saysNone(description)) return undefined
  const severityText = severityCol !== undefined ? cells[severityCol] : undefined
  const risk: Risk = { description, severity: severityText ? normaliseSeverity(severityText) : 'unknown' }
  if (severityText) risk.severity_text = severityText
  if (componentCol !== undefined && cells[componentCol]) risk.component = cells[componentCol]
  if (mitigationCol !== undefined && cells[mitigationCol]) risk.mitigation = cells[mitigationCol]
  return risk
}

function timelineFromText(text: string): TimelineEntry | undefined {
  if (saysNone(text)) return undefined
  const { time, rest } = splitTime(collapse(text))
  const entry: TimelineEntry = { event: trimSeparators(rest) }
  if (time) entry.time = time
  return entry
}

function timelineFromRow(cells: string[], headers: string[]): TimelineEntry | undefined {
  const timeCol = column(headers, [/\btime\b|\bwhen\b|\btimestamp\b|\bat\b|\bdate\b|\bt\b/]) ?? 0
  const eventCol =
    column(headers, [/\bevent\b|\bdescription\b|\baction\b|\bwhat\b|\bstep\b|\bactivity\b|\bmilestone\b/], [timeCol]) ??
    headers.findIndex((_, i) => i !== timeCol)
  const event = cells[eventCol] ?? ''
  if (!event) return undefined
  const entry: TimelineEntry = { event }
  if (cells[timeCol]) entry.time = cells[timeCol]
  return entry
}

/** Parse `DEPLOYMENT-REPORT.md` text. `file` is used in error messages. */
export function parseDeploymentReport(text: string, file: string): DeploymentReport {
  const doc = parseMarkdown(text, file, classify)
  const origins = new Origins()
  const { release } = releaseFrom(doc, origins)

  const serviceSections = findSections(doc, 'services')
  const collector = new ServiceCollector(file, origins)
  for (const s of serviceSections) servicesFrom(s, collector)
  if (collector.errors.length > 0) throw new InputErrors(collector.errors)

  const explicitEndpoints = endpointsFrom(findSections(doc, 'endpoints'), origins)
  // Endpoints of new services are new endpoints too, whether or not a section lists them.
  const newEndpoints = [...explicitEndpoints]
  collector.services.forEach((s, i) => {
    if (!s.new) return
    for (const e of s.endpoints) {
      // A malformed endpoint is already reported under the service.
      if (newEndpoints.includes(e) || !/^https?:\/\//.test(e)) continue
      const origin = origins.resolve(`/services/${i}`)
      if (origin) origins.set(`/new_endpoints/${newEndpoints.length}`, origin)
      newEndpoints.push(e)
    }
  })

  const extracted: Record<string, unknown> = {
    new_endpoints: newEndpoints,
    risks: listFromSections(findSections(doc, 'risks'), '/risks', origins, riskFromText, riskFromRow),
    timeline: listFromSections(findSections(doc, 'timeline'), '/timeline', origins, timelineFromText, timelineFromRow)
  }
  if (release) extracted.release = release
  if (serviceSections.length > 0) {
    extracted.services = collector.services
    origins.set('/services', {
      label: sectionLabel(serviceSections[0]!.heading, serviceSections[0]!.depth),
      line: serviceSections[0]!.line
    })
  }

  checkExtracted(
    SCHEMA_FILES.deploymentReport,
    extracted,
    file,
    origins,
    {
      release: {
        heading: '## Release',
        expected:
          'a release section (a heading such as "Release", "Release Summary" or "Deployment Summary", or front matter `release`) giving the tag or commit'
      },
      services: {
        heading: '## Services',
        expected:
          'a services section (a heading such as "Services", "Changed Services" or "New Services") listing each service, whether it is critical and new, and its endpoints'
      }
    },
    doc.sections.map((s) => s.heading)
  )
  return {
    release: extracted.release as DeploymentReport['release'],
    services: extracted.services as ReportService[],
    new_endpoints: newEndpoints,
    risks: extracted.risks as Risk[],
    timeline: extracted.timeline as TimelineEntry[]
  }
}
