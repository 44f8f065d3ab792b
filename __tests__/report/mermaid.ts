import DOMPurify from 'dompurify'
import type { Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'

/** GitHub-flavoured Markdown as a syntax tree (the structure GitHub renders). */
export function parseGfm(md: string): Root {
  return fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
}

export function mermaidBlocks(md: string): string[] {
  const out: string[] = []
  const walk = (n: { type: string; lang?: string | null; value?: string; children?: unknown[] }): void => {
    if (n.type === 'code' && n.lang === 'mermaid') out.push(n.value ?? '')
    for (const c of (n.children ?? []) as Array<typeof n>) walk(c)
  }
  walk(parseGfm(md) as never)
  return out
}

/**
 * Mermaid's own parser. In Node, DOMPurify has no window and lacks its hook API, which mermaid
 * calls while parsing; parsing sanitises nothing, so inert hooks are enough.
 */
export async function mermaidParse(text: string): Promise<{ diagramType: string }> {
  const purify = DOMPurify as unknown as Record<string, unknown>
  if (typeof purify.addHook !== 'function') {
    Object.assign(purify, { addHook() {}, removeHook() {}, removeHooks() {}, removeAllHooks() {}, sanitize: (s: string) => String(s) })
  }
  const { default: mermaid } = await import('mermaid')
  const r = await mermaid.parse(text)
  if (!r) throw new Error('mermaid.parse returned false')
  return r
}
