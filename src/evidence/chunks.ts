import type { Root } from 'mdast'
import { closesFence, documentPosition, eachPoint, fenceOpened } from './markdown-lines.js'

/**
 * A long document cut into parts micromark can parse alone.
 *
 * micromark's document tokenizer moves the whole event list on every container exit (a list or a
 * block quote ending), so its time grows with the square of the document: 4,000 sections of a
 * heading and a one-item list (73 KB) take 21 s. A column-0 ATX heading that follows a blank line
 * begins a block no earlier construct reaches into (every container, paragraph and HTML block of
 * types 6 and 7 has ended), unless a fenced code block or an HTML block of types 1 to 5 is still
 * open, which the cut tracks. Link and footnote definitions reach across the whole document: a
 * text with anything like one is not cut.
 */

/** Parts are at least this long: the quadratic cost stays small, the per-parse cost rare. */
const PART_MIN_CHARS = 4 * 1024

const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/
const DEFINITION = /^ {0,3}\[[^\]\n]*\]:/m
/** HTML blocks that run across blank lines (CommonMark types 1 to 5), with what ends each. */
const HTML_SPANNING: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/]
]

export interface Part {
  text: string
  /** The part's first line (0-based) and first character in the whole text. */
  line: number
  offset: number
}

/** The text's parts, or undefined when it is short or cannot be cut safely. */
export function independentParts(source: string): Part[] | undefined {
  if (source.length < 2 * PART_MIN_CHARS || DEFINITION.test(source)) return undefined
  const lines = source.split('\n')
  const parts: Part[] = []
  let partLine = 0
  let partOffset = 0
  // Front matter runs from a first line `---` to the next `---`: a `# comment` in it is YAML.
  let fence: string | undefined = lines[0] === '---' ? '---' : undefined
  let htmlEnd: RegExp | undefined
  let offset = fence ? lines[0]!.length + 1 : 0
  for (let i = fence ? 1 : 0; i < lines.length; i++) {
    const line = lines[i]!
    if (fence === '---') {
      if (line.trim() === '---') fence = undefined
    } else if (fence !== undefined) {
      if (closesFence(line, fence)) fence = undefined
    } else if (htmlEnd !== undefined) {
      if (htmlEnd.test(line)) htmlEnd = undefined
    } else {
      if (ATX_HEADING.test(line) && i > 0 && lines[i - 1]!.trim() === '' && offset - partOffset >= PART_MIN_CHARS) {
        parts.push({ text: source.slice(partOffset, offset), line: partLine, offset: partOffset })
        partLine = i
        partOffset = offset
      }
      const f = fenceOpened(line)
      if (f) fence = f
      else {
        const html = HTML_SPANNING.find(([start]) => start.test(line))
        // The end may stand on the start line itself.
        if (html && !html[1].test(line.slice(line.indexOf('<') + 2))) htmlEnd = html[1]
      }
    }
    offset += line.length + 1
  }
  if (parts.length === 0) return undefined
  parts.push({ text: source.slice(partOffset), line: partLine, offset: partOffset })
  return parts
}

/** The trees of the parts joined into the tree of the whole text, every position moved to where it is there. */
export function joinParts(source: string, parts: Part[], trees: Root[]): Root {
  const root: Root = { type: 'root', children: [] }
  trees.forEach((tree, k) => {
    const { line, offset } = parts[k]!
    for (const child of tree.children) {
      eachPoint(child, (p) => {
        p.line += line
        if (p.offset !== undefined) p.offset += offset
      })
      root.children.push(child)
    }
  })
  root.position = documentPosition(source.split('\n'), source)
  return root
}
