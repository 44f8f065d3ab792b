import { InputError, InputErrors } from '../util/errors.js'
import { itemsIn, tablesIn, type Section } from './markdown.js'
import { schemaValidator } from '../package/schemas.js'
import { displayPointer, schemaIssues } from './schema-check.js'

/** Where a piece of extracted data came from in the Markdown: a section heading or front matter. */
export interface Origin {
  label: string
  line?: number
}

/** Origins by JSON pointer into the extracted structure; lookup uses the longest known prefix. */
export class Origins {
  private readonly map = new Map<string, Origin>()

  set(pointer: string, origin: Origin): void {
    this.map.set(pointer, origin)
  }

  resolve(pointer: string): Origin | undefined {
    let p = pointer
    for (;;) {
      const o = this.map.get(p)
      if (o) return o
      const cut = p.lastIndexOf('/')
      if (cut <= 0) return undefined
      p = p.slice(0, cut)
    }
  }
}

export function sectionLabel(heading: string, depth: number): string {
  return `section "${'#'.repeat(depth)} ${heading}"`
}

/** A required section: the heading to name when it is missing and what it must hold. */
export interface RequiredSection {
  heading: string
  expected: string
}

/**
 * Validate what was extracted from a Markdown file against its schema. A missing required
 * section is named by its heading; other problems by the section (and line) they came from.
 */
export function checkExtracted(
  schemaFile: string,
  data: Record<string, unknown>,
  file: string,
  origins: Origins,
  required: Record<string, RequiredSection>,
  headingsFound: string[]
): void {
  const validate = schemaValidator(schemaFile)
  if (validate(data)) return
  const headings = headingsFound.length > 0 ? `headings found: ${headingsFound.map((h) => `"${h}"`).join(', ')}` : 'no headings at all'
  const errors = schemaIssues(validate.errors ?? [], data).map((issue) => {
    const top = issue.pointer.split('/')[1] ?? ''
    const req = required[top]
    if (issue.keyword === 'required' && issue.pointer === `/${top}` && req) {
      return new InputError({
        file,
        field: `heading "${req.heading}"`,
        expected: req.expected,
        found: `no such section (${headings})`
      })
    }
    const origin = origins.resolve(issue.pointer)
    return new InputError({
      file,
      line: origin?.line,
      field: origin ? `${origin.label} (${displayPointer(issue.pointer)})` : displayPointer(issue.pointer),
      expected: issue.expected,
      found: issue.found
    })
  })
  throw new InputErrors(errors)
}

/**
 * Entries of a list section (anomalies, risks, timeline...), from its tables and its bullets,
 * each recorded with the heading and line it came from for error messages.
 */
export function listFromSections<K extends string, T>(
  sections: Array<Section<K>>,
  pointer: string,
  origins: Origins,
  fromText: (text: string) => T | undefined,
  fromRow: (cells: string[], headers: string[]) => T | undefined
): T[] {
  const out: T[] = []
  for (const section of sections) {
    const label = sectionLabel(section.heading, section.depth)
    const add = (v: T | undefined, line: number | undefined): void => {
      if (v === undefined) return
      origins.set(`${pointer}/${out.length}`, { label, line })
      out.push(v)
    }
    for (const t of tablesIn(section.nodes)) for (const r of t.rows) add(fromRow(r.cells, t.headers), r.line)
    for (const item of itemsIn(section.nodes)) add(fromText(item.full), item.line)
  }
  return out
}
