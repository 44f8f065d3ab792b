import type { Heading, List, ListItem, Nodes, Root, RootContent, Table } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { frontmatter } from 'micromark-extension-frontmatter'
import { gfm } from 'micromark-extension-gfm'
import type { Construct, Extension } from 'micromark-util-types'
import { parseDocument, LineCounter } from 'yaml'
import { InputError, describeValue } from '../util/errors.js'
import { independentParts, joinParts } from './chunks.js'
import { refuseCostlyMarkdown } from './markdown-limits.js'
import { cutPlainRows, restorePlainRows } from './table-rows.js'
import { stripBom } from './text.js'
import { isObject } from '../util/json.js'

/** A heading and the content that belongs to it. */
export interface Section<K extends string = string> {
  heading: string
  depth: number
  line: number
  kind: K | undefined
  /** Content up to the next heading of the same or higher level, or the next classified heading. */
  nodes: RootContent[]
}

export interface MarkdownDoc<K extends string = string> {
  file: string
  frontMatter: Record<string, unknown>
  /** Content before the first heading that is not the document title. */
  preamble: RootContent[]
  sections: Array<Section<K>>
}

/**
 * Plain text of a node. Raw HTML and inline code are kept verbatim: this is evidence text, and
 * escaping is the renderer's job.
 */
export function textOf(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'html':
    case 'code':
      return node.value
    case 'break':
      return '\n'
    case 'image':
      return node.alt ?? ''
    case 'yaml':
      return ''
    default:
      break
  }
  if (!('children' in node)) return ''
  const block = node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'root'
  return (node.children as Nodes[]).map((c) => textOf(c)).join(block ? '\n' : '')
}

export function lineOf(node: Nodes): number | undefined {
  return node.position?.start.line
}

/** Lower-case heading text without emoji, numbering ("2.", "3)") or punctuation. */
export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s&/-]/gu, ' ')
    .replace(/^\s*\d+(\.\d+)*\s*/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Lower-case key with spaces, dashes and camelCase folded to snake_case. */
export function normaliseKey(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
}

function parseFrontMatter(value: string, file: string, startLine: number): Record<string, unknown> {
  const lineCounter = new LineCounter()
  const doc = parseDocument(value, { lineCounter, prettyErrors: false })
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!
    // Front matter begins on the line after the opening `---`.
    const line = e.linePos?.[0]?.line !== undefined ? e.linePos[0].line + startLine : startLine
    throw new InputError({
      file,
      line,
      field: 'front matter',
      expected: 'valid YAML front matter between --- lines',
      found: e.message.split('\n')[0] ?? e.code
    })
  }
  const data: unknown = doc.toJS()
  if (data === null || data === undefined) return {}
  if (!isObject(data)) {
    throw new InputError({
      file,
      line: startLine,
      field: 'front matter',
      expected: 'a YAML mapping of fields (key: value)',
      found: describeValue(data)
    })
  }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) out[normaliseKey(k)] = v
  return out
}

/** Constructs of GFM's autolink literal extension (bare `www.`, `http://` and e-mail links). */
const LITERAL_LINKS = new Set(['wwwAutolink', 'protocolAutolink', 'emailAutolink'])

/**
 * GFM without its autolink literal: tables, strikethrough, footnotes and task lists. Bare URLs are
 * found in the text by urlsIn, so turning them into link nodes only costs time: a quarter of the
 * parse of a 5,000-row service table, spent trying a link at every letter w and h.
 */
function gfmWithoutLiteralLinks(): Extension {
  const ext = gfm()
  const text = ext.text as Record<string, Construct | Construct[]> | undefined
  if (text) {
    for (const code of Object.keys(text)) {
      const list = ([] as Construct[]).concat(text[code]!).filter((c) => !LITERAL_LINKS.has(c.name ?? ''))
      if (list.length) text[code] = list
      else delete text[code]
    }
  }
  return ext
}

export function micromarkTree(source: string): Root {
  return fromMarkdown(source, {
    extensions: [gfmWithoutLiteralLinks(), frontmatter(['yaml'])],
    mdastExtensions: [...gfmFromMarkdown().filter((e) => !e.enter?.literalAutolink), frontmatterFromMarkdown(['yaml'])]
  })
}

/** The mdast tree of a document: a long one in parts (chunks.ts), long plain tables row by row (table-rows.ts). */
export function parseTree(source: string): Root {
  const parts = independentParts(source)
  if (parts)
    return joinParts(
      source,
      parts,
      parts.map((p) => partTree(p.text))
    )
  return partTree(source)
}

function partTree(source: string): Root {
  const cut = cutPlainRows(source)
  if (cut) {
    const root = micromarkTree(cut.text)
    if (restorePlainRows(root, cut)) return root
  }
  return micromarkTree(source)
}

/**
 * Parse Markdown into front matter and sections. `classify` names the kind of section a heading
 * starts (or undefined for a heading that only structures the text).
 */
export function parseMarkdown<K extends string>(
  text: string,
  file: string,
  classify: (normalisedHeading: string) => K | undefined
): MarkdownDoc<K> {
  const source = stripBom(text).replace(/\r\n?/g, '\n')
  refuseCostlyMarkdown(source, file)
  const root = parseTree(source)
  let fm: Record<string, unknown> = {}
  const children = [...root.children]
  const first = children[0]
  if (first?.type === 'yaml') {
    fm = parseFrontMatter(first.value, file, (first.position?.start.line ?? 1) + 1)
    children.shift()
  }

  const headingIdx: number[] = []
  children.forEach((n, i) => {
    if (n.type === 'heading') headingIdx.push(i)
  })
  // A lone level-1 heading at the top is the document's title ("Deployment Health Log"), not a
  // section, even when its words would match one.
  const firstHeading = headingIdx[0]
  const h1Count = headingIdx.filter((i) => (children[i] as Heading).depth === 1).length
  const titleIdx = firstHeading !== undefined && (children[firstHeading] as Heading).depth === 1 && h1Count === 1 ? firstHeading : undefined
  const kinds = new Map<number, K | undefined>()
  for (const i of headingIdx) {
    kinds.set(i, i === titleIdx ? undefined : classify(normaliseHeading(textOf(children[i] as Heading))))
  }

  const sections: Array<Section<K>> = []
  for (const i of headingIdx) {
    const h = children[i] as Heading
    const kind = kinds.get(i)
    const nodes: RootContent[] = []
    for (let j = i + 1; j < children.length; j++) {
      const n = children[j]!
      if (n.type === 'heading' && (n.depth <= h.depth || kinds.get(j) !== undefined)) break
      nodes.push(n)
    }
    sections.push({ heading: textOf(h).trim(), depth: h.depth, line: lineOf(h) ?? 1, kind, nodes })
  }

  // What follows the title up to the next heading is the preamble, where tools often put
  // "Release: v2.4.0" lines.
  const preamble: RootContent[] = []
  const start = titleIdx !== undefined ? titleIdx + 1 : 0
  for (let j = start; j < children.length && children[j]!.type !== 'heading'; j++) preamble.push(children[j]!)

  return { file, frontMatter: fm, preamble, sections }
}

export function findSections<K extends string>(doc: MarkdownDoc<K>, kind: K): Array<Section<K>> {
  return doc.sections.filter((s) => s.kind === kind)
}

export interface TableData {
  headers: string[]
  rows: Array<{ cells: string[]; cellNodes: Nodes[]; line: number | undefined }>
}

export function tablesIn(nodes: RootContent[]): TableData[] {
  return nodes
    .filter((n): n is Table => n.type === 'table')
    .map((t) => {
      const [head, ...body] = t.children
      return {
        headers: (head?.children ?? []).map((c) => normaliseHeading(textOf(c))),
        rows: body.map((r) => ({
          cells: r.children.map((c) => collapse(textOf(c))),
          cellNodes: r.children,
          line: lineOf(r)
        }))
      }
    })
}

/** Index of the first header matching one of the patterns, in order of preference. */
export function column(headers: string[], patterns: RegExp[], exclude: number[] = []): number | undefined {
  for (const p of patterns) {
    const i = headers.findIndex((h, idx) => !exclude.includes(idx) && p.test(h))
    if (i >= 0) return i
  }
  return undefined
}

export interface Item {
  /** Text of the item's own first paragraph. */
  text: string
  /** Text of the whole item including nested lists. */
  full: string
  node: ListItem
  line: number | undefined
  /** Texts of nested list items, one per entry. */
  nested: string[]
  /** Text of a leading bold or code span, when the item starts with one (a label or a name). */
  lead?: string
}

/** Items of the lists directly in a section (nested lists are folded into their parent item). */
export function itemsIn(nodes: RootContent[]): Item[] {
  const out: Item[] = []
  for (const n of nodes) {
    if (n.type !== 'list') continue
    for (const li of (n as List).children) {
      const para = li.children.find((c) => c.type === 'paragraph')
      const nested = li.children.filter((c): c is List => c.type === 'list').flatMap((l) => l.children.map((c) => collapse(textOf(c))))
      const firstInline = para && 'children' in para ? para.children[0] : undefined
      const item: Item = {
        text: para ? collapse(textOf(para)) : '',
        full: textOf(li)
          .replace(/[^\S\n]+/g, ' ')
          .replace(/ ?\n[\s]*/g, '\n')
          .trim(),
        node: li,
        line: lineOf(li),
        nested
      }
      if (firstInline && (firstInline.type === 'strong' || firstInline.type === 'inlineCode' || firstInline.type === 'emphasis')) {
        item.lead = textOf(firstInline).trim()
      }
      out.push(item)
    }
  }
  return out
}

export function paragraphsIn(nodes: RootContent[]): Array<{ text: string; line: number | undefined }> {
  return nodes.filter((n) => n.type === 'paragraph').map((p) => ({ text: textOf(p).trim(), line: lineOf(p) }))
}

export interface KeyValue {
  key: string
  value: string
  line: number | undefined
}

const KV_LINE = /^\s*([A-Za-z][\w ./&()-]{0,40}?)\s*:\s+(\S.*)$/

/**
 * "Key: value" facts from bullets, paragraph lines and two-column tables, in document order.
 * Keys are normalised (see normaliseKey).
 */
export function keyValuesIn(nodes: RootContent[]): KeyValue[] {
  const out: KeyValue[] = []
  const push = (line: string, at: number | undefined): void => {
    const m = KV_LINE.exec(line.replace(/\*\*/g, ''))
    if (m && m[1] && m[2]) out.push({ key: normaliseKey(m[1]), value: m[2].trim(), line: at })
  }
  for (const n of nodes) {
    if (n.type === 'paragraph') {
      const base = lineOf(n) ?? 0
      textOf(n)
        .split('\n')
        .forEach((l, i) => push(l, base + i))
    } else if (n.type === 'list') {
      for (const item of itemsIn([n])) {
        push(item.text, item.line)
        for (const nested of item.nested) push(nested, item.line)
      }
    } else if (n.type === 'table') {
      for (const t of tablesIn([n])) {
        if (t.headers.length !== 2) continue
        // A Field | Value table: the header row may itself be a fact ("Tag | v2.4.0").
        if (!/^(field|key|item|property|attribute|name)$/.test(t.headers[0] ?? '')) {
          const headNode = (n as Table).children[0]
          if (headNode) {
            const cells = headNode.children.map((c) => textOf(c).trim())
            out.push({ key: normaliseKey(cells[0] ?? ''), value: cells[1] ?? '', line: lineOf(headNode) })
          }
        }
        for (const r of t.rows) {
          if (r.cells[0] && r.cells[1]) out.push({ key: normaliseKey(r.cells[0]), value: r.cells[1], line: r.line })
        }
      }
    }
  }
  return out
}

const URL_RE = /\bhttps?:\/\/[^\s<>()[\]"'`|,;]+/g

/** Absolute URLs in a node: link targets and URLs written in the text. */
export function urlsIn(node: Nodes | Nodes[]): string[] {
  const found: string[] = []
  const visit = (n: Nodes): void => {
    if (n.type === 'link' && /^https?:\/\//.test(n.url)) found.push(n.url)
    if (n.type === 'text' || n.type === 'inlineCode' || n.type === 'html') {
      for (const m of n.value.matchAll(URL_RE)) found.push(m[0])
    }
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c)
  }
  for (const n of Array.isArray(node) ? node : [node]) visit(n)
  return [...new Set(found.map((u) => u.replace(/[.,:;!?]+$/, '')))]
}

/** Entries in a cell listing several things: "a, b", "a<br>b", "a b". */
export function splitList(text: string): string[] {
  return text
    .split(/<br\s*\/?>|[,;\n]|\s+/i)
    .map((s) => s.trim().replace(/^`|`$/g, ''))
    .filter((s) => s !== '' && !/^(-|—|–|n\/a|none)$/i.test(s))
}

/** "None", "No anomalies observed", "n/a": a list entry that says the list is empty. */
export function saysNone(text: string): boolean {
  return /^(none|n\/a|nothing|no\b.*\b(observed|detected|found|recorded|reported|raised|needed|required|escalations?|anomal\w*)\b|-|—)\.?$/i.test(
    text.trim()
  )
}

export const TIME_PREFIX =
  /^\s*(\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|UTC|[+-]\d{2}:?\d{2})?|\d{1,2}:\d{2}(?::\d{2})?\s*(?:UTC|Z|[AaPp][Mm])?|T\s*[+-]\s*\d+\s*(?:min|m|h|s)?)(?:\s*(?:[—–|:]|-(?!\d)|\s)\s*|$)/

/** Split "14:05 UTC — text" into time and text. */
export function splitTime(text: string): { time?: string; rest: string } {
  const m = TIME_PREFIX.exec(text)
  if (!m || !m[1]) return { rest: text.trim() }
  return { time: m[1].trim(), rest: text.slice(m[0].length).trim() }
}

/** Remove separators left at the ends of a text: ":", "—", "-", "|" at the start, dashes at the end. */
export function trimSeparators(text: string): string {
  // A loop rather than /[...]+$/, which backtracks quadratically over long runs.
  let start = 0
  let end = text.length
  while (start < end && /[\s:;,—–|-]/.test(text[start]!)) start++
  while (end > start && /[\s—–|]/.test(text[end - 1]!)) end--
  return text.slice(start, end)
}

/**
 * Whitespace runs folded to one space. The heuristics below use regexes with \s* next to lazy
 * groups; on long whitespace runs those backtrack quadratically, so list and cell text is folded
 * first. Line breaks inside a list item or cell carry no meaning for them.
 */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
