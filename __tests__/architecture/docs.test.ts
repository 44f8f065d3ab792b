/**
 * docs/architecture.md and the README's layout stay true to the tree: every folder of src/ is
 * described in both, every path the page names exists, and its diagram is valid Mermaid.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mermaidBlocks, mermaidParse } from '../report/mermaid.js'

const page = readFileSync('docs/architecture.md', 'utf8')
const readme = readFileSync('README.md', 'utf8')
const layout = readme.slice(readme.indexOf('\nLayout'))
const srcFolders = readdirSync('src', { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => `${e.name}/`)

describe('docs/architecture.md', () => {
  test('describes every folder of src/, as the README layout does', () => {
    const described = (text: string) => srcFolders.filter((f) => !text.includes(`\`${f}\``))
    expect(described(page)).toEqual([])
    expect(described(layout)).toEqual([])
    expect(layout).toContain('(docs/architecture.md)')
  })

  test('every file or folder it names exists', () => {
    const named = [...page.matchAll(/`((?:src|__tests__|scripts|docs|schemas)\/[^`\s]*)`/g)].map((m) => m[1]!)
    // Placeholders (<backend>, phaseN) name where a new file goes, not a file.
    const concrete = named.filter((p) => !/[<>*]|phaseN/.test(p))
    expect(concrete.length).toBeGreaterThan(20)
    expect(concrete.filter((p) => !existsSync(p))).toEqual([])
  })

  test('its data-flow diagram is valid Mermaid', async () => {
    const blocks = mermaidBlocks(page)
    expect(blocks).toHaveLength(1)
    expect((await mermaidParse(blocks[0]!)).diagramType).toBe('flowchart-v2')
  })
})
