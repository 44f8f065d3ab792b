import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml'

/** A document parsed with its line counter. */
export interface PositionedYaml {
  doc: Document
  lineCounter: LineCounter
}

/** The full parse with positions of a YAML text. */
export function positionedYaml(text: string): PositionedYaml {
  const lineCounter = new LineCounter()
  return { doc: parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true }), lineCounter }
}

/**
 * Where things are in the YAML text, so each error names its own line. Text read by the fast
 * reader is parsed with positions only when an error first asks for a line.
 */
export class YamlLines {
  private readonly text: string
  private parsed: PositionedYaml | undefined

  constructor(source: PositionedYaml | string) {
    this.text = typeof source === 'string' ? source : ''
    this.parsed = typeof source === 'string' ? undefined : source
  }

  private get doc(): Document {
    return (this.parsed ??= positionedYaml(this.text)).doc
  }

  private get lineCounter(): LineCounter {
    return (this.parsed ??= positionedYaml(this.text)).lineCounter
  }

  /** Line of the deepest node on the path that exists in the document. */
  of(path: ReadonlyArray<PropertyKey>): number | undefined {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n) as unknown[], true)
      if (isNode(node) && node.range) return this.lineCounter.linePos(node.range[0]).line
      // A key whose value is empty (`key:`) still has a line: its key's.
      if (n > 0 && n === path.length) {
        const key = this.keyOf(path.slice(0, n - 1), String(path[n - 1]))
        if (key !== undefined) return key
      }
    }
    return undefined
  }

  /** Line of a key inside the mapping at `path`. */
  keyOf(path: ReadonlyArray<PropertyKey>, key: string): number | undefined {
    const map = path.length === 0 ? this.doc.contents : this.doc.getIn(path as unknown[], true)
    if (!isMap(map)) return undefined
    for (const pair of map.items) {
      const k = pair.key
      if (isScalar(k) && String(k.value) === key && k.range) return this.lineCounter.linePos(k.range[0]).line
    }
    return undefined
  }

  /** Line of a byte/character offset. */
  at(offset: number): number {
    return this.lineCounter.linePos(offset).line
  }
}

/** Path from a zod issue to a JSON pointer. */
export function pointer(path: ReadonlyArray<PropertyKey>): string {
  return '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')
}
