import { isMap, isNode, isScalar, type Document, type LineCounter } from 'yaml'

/** Where things are in the YAML text, so each error names its own line. */
export class YamlLines {
  constructor(
    private readonly doc: Document,
    private readonly lineCounter: LineCounter
  ) {}

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
