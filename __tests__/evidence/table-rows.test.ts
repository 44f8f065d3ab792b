/**
 * Long plain tables read row by row give the very tree micromark builds (every node, line, column
 * and offset); anything the cut cannot be sure of is parsed whole by micromark.
 */
import type { Root } from 'mdast'
import { fleetEvidence } from '../../scripts/lib/demo-fleet.mjs'
import { micromarkTree, parseMarkdown, parseTree } from '../../src/evidence/markdown.js'
import { MAX_ROW_CELLS } from '../../src/evidence/markdown-limits.js'
import { cutPlainRows, restorePlainRows } from '../../src/evidence/table-rows.js'

/** A seeded generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 2 ** 32
  }
}

function rows(n: number, row: (i: number) => string): string {
  return Array.from({ length: n }, (_, i) => row(i)).join('\n')
}

/** Whether the fast path read the document (rather than falling back to a whole parse). */
function cutApplies(source: string): boolean {
  const cut = cutPlainRows(source)
  if (!cut) return false
  return restorePlainRows(micromarkTree(cut.text), cut)
}

function expectSameTree(source: string): Root {
  const tree = parseTree(source)
  expect(tree).toEqual(micromarkTree(source))
  return tree
}

const TABLE = (n: number) =>
  `| Service | Critical | Endpoint |\n|---|:-:|--:|\n| \`first\` | **yes** | x |\n${rows(n, (i) => `| svc-${i} | no | http://127.0.0.1:8080/healthz?service=svc-${i} |`)}`

describe('long plain tables', () => {
  test('the fleet report (5,000 rows) reads row by row, the same tree as micromark', () => {
    const { report } = fleetEvidence(5000, 18080, { now: new Date('2026-12-01T00:00:00Z') })
    expect(cutApplies(report)).toBe(true)
    const tree = expectSameTree(report)
    const table = tree.children.find((n) => n.type === 'table')
    expect(table?.type === 'table' && table.children.length).toBe(5001)
  })

  test.each([
    ['at the end of the file', `# R\n\n${TABLE(40)}`],
    ['at the end of the file, after a newline', `# R\n\n${TABLE(40)}\n`],
    ['followed by a paragraph', `# R\n\n${TABLE(40)}\n\nafter the table\n`],
    ['followed by blank lines of spaces', `${TABLE(40)}\n   \n\t\nafter\n`],
    ['two tables', `${TABLE(20)}\n\n## Two\n\n${TABLE(30)}\n`],
    ['indented by three spaces', `${TABLE(20).replace(/^/gm, '   ')}\n`],
    ['with front matter', `---\nrelease: v1\n---\n\n${TABLE(20)}\n`],
    ['with emoji and accents', `${TABLE(2)}\n${rows(30, (i) => `| ✅ café-${i} 🚀 | ü | 日本 |`)}\n`]
  ])('%s', (_, source) => {
    expect(cutApplies(source)).toBe(true)
    expectSameTree(source)
  })

  test('random plain rows: padding, empty cells, missing and extra cells, trailing spaces', () => {
    const next = rng(20261202)
    const word = () =>
      ['a', 'svc-1', 'x y', '1.5', 'yes', '(ok)', '#3', 'a=b', 'é', '"q"', "'s'", '-', '+', '%', 'www.example.com', 'a@b.c'][
        Math.floor(next() * 16)
      ]!
    for (let trial = 0; trial < 40; trial++) {
      const width = 1 + Math.floor(next() * 5)
      const body = rows(20 + Math.floor(next() * 30), () => {
        const cells = Array.from({ length: Math.max(1, width + Math.floor(next() * 3) - 1) }, () =>
          next() < 0.15
            ? ' '.repeat(Math.floor(next() * 3))
            : `${' '.repeat(Math.floor(next() * 3))}${word()}${' '.repeat(Math.floor(next() * 3))}`
        )
        return `${' '.repeat(Math.floor(next() * 4))}|${cells.join('|')}|${' '.repeat(Math.floor(next() * 3))}`
      })
      const head = `|${Array.from({ length: width }, (_, i) => ` h${i} `).join('|')}|\n|${Array(width).fill('---').join('|')}|\n| first |`
      const source = `Intro.\n\n${head}\n${body}\n\nEnd.\n`
      expect(cutApplies(source)).toBe(true)
      expectSameTree(source)
    }
  })

  test.each([
    ['inside a list item', `- item\n\n  ${TABLE(20).replace(/\n/g, '\n  ')}\n`],
    ['inside a block quote', `${TABLE(20).replace(/^/gm, '> ')}\n`],
    ['inside a fenced code block', `\`\`\`\n${TABLE(20)}\n\`\`\`\n`],
    ['inside an HTML comment', `<!--\n\n${TABLE(20)}\n\n-->\n`],
    ['followed by a line without a pipe (one more row)', `${TABLE(20)}\nnot blank\n`],
    ['with markup in a later row', `${TABLE(20)}\n| *em* | b | c |\n`],
    ['with an escaped pipe in a later row', `${TABLE(20)}\n| a \\| b | c | d |\n`],
    ['with a code span in a later row', `${TABLE(20)}\n| \`a|b\` | c | d |\n`],
    ['whose delimiter row is not one', `| a | b |\n|--x|---|\n${rows(20, (i) => `| ${i} | ${i} |`)}\n`],
    ['whose rows carry on past a delimiter-like body row', `${TABLE(5)}\n|---|---|---|\n${rows(20, (i) => `| ${i} | ${i} | ${i} |`)}\n`],
    ['after a paragraph line', `para\n${TABLE(20)}\n`],
    ['with a tab in a row', `${TABLE(20)}\n| a\t| b | c |\n`],
    ['with a NUL in a row', `${TABLE(20)}\n| a\u0000 | b | c |\n`]
  ])('%s: the same tree as micromark', (_, source) => {
    expectSameTree(source)
  })

  test.each([
    ['a delimiter-like line of 200,000 spaces', `${rows(20, (i) => `| ${i} |`)}\n|-${' '.repeat(200_000)}x\n`],
    ['a row-like line of 200,000 trailing spaces', `${TABLE(20)}\n| a |${' '.repeat(200_000)}x\n`]
  ])('%s is read in linear time (no backtracking blow-up)', (_, source) => {
    expectSameTree(source)
  })

  test('a line of more pipes than a table row has is refused with its line, before the parser (quadratic in cells) sees it', () => {
    const wide = `${TABLE(20)}\n|${'a|'.repeat(100_000)}x\n`
    expect(() => parseMarkdown(wide, 'DEPLOYMENT-REPORT.md', () => undefined)).toThrow(
      expect.objectContaining({ file: 'DEPLOYMENT-REPORT.md', line: 24, found: `a line with more than ${MAX_ROW_CELLS} pipes` })
    )
    const widest = `| a |\n|---|\n|${'a|'.repeat(MAX_ROW_CELLS - 1)}\n`
    expect(parseMarkdown(widest, 'DEPLOYMENT-REPORT.md', () => undefined).preamble).toHaveLength(1)
  })

  test('a short table is left to micromark', () => {
    expect(cutPlainRows(`${TABLE(5)}\n`)).toBeUndefined()
  })
})
