/**
 * The Markdown constructs GFM's parser reads in quadratic time are refused at their line before it
 * sees them; real reports, fleet-sized ones included, pass.
 */
import { parseMarkdown } from '../../src/evidence/markdown.js'
import { MAX_QUOTE_DEPTH, refuseCostlyMarkdown } from '../../src/evidence/markdown-limits.js'

const rows = (n: number, row: (i: number) => string): string => Array.from({ length: n }, (_, i) => row(i)).join('\n')
const refusal = (text: string): { line?: number; found?: string } | undefined => {
  try {
    refuseCostlyMarkdown(text, 'DEPLOYMENT-REPORT.md')
    return undefined
  } catch (err) {
    return err as { line?: number; found?: string }
  }
}

describe('Markdown bounds', () => {
  test.each([
    [
      'a 5,000-row table with bold in every row',
      `| Service | Critical |\n|---|---|\n${rows(5000, (i) => `| svc-${i} | **yes** ~~no~~ |`)}\n`
    ],
    ['a 5,000-item list with bold in every item', `${rows(5000, (i) => `- **svc-${i}**: _healthy_`)}\n`],
    ['a fenced block of 20,000 starred lines', `\`\`\`text\n${rows(20000, () => '*a*a*a*a')}\n\`\`\`\n`],
    ['metric names with underscores in a long paragraph', `${rows(20000, (i) => `http_requests_total_${i} and error_ratio_${i}`)}\n`],
    [`block quotes ${MAX_QUOTE_DEPTH} deep`, `${'> '.repeat(MAX_QUOTE_DEPTH)}x\n`]
  ])('%s is read', (_, text) => {
    expect(refusal(text)).toBeUndefined()
  })

  test('a fleet report with bold cells parses as a whole', () => {
    const text = `# Report\n\n## Services\n\n| Service | Critical |\n|---|---|\n${rows(2000, (i) => `| svc-${i} | **yes** |`)}\n`
    const doc = parseMarkdown(text, 'DEPLOYMENT-REPORT.md', () => undefined)
    const table = doc.sections.find((s) => s.heading === 'Services')!.nodes.find((n) => n.type === 'table')
    expect(table?.type === 'table' && table.children.length).toBe(2001)
  })

  test.each([
    ['20,000 emphasis marks in one paragraph', '*a'.repeat(20000), 1],
    ['a paragraph of starred lines', `intro\n${rows(8000, () => '*a*b')}\n`, 8002],
    ['starred lines lazily continuing a block quote past a table-like start', `> q\n| a |\n|---|\n${rows(8000, () => '*a*b')}\n`, 8004],
    ['starred lines after a fake fence (a backtick in its info string)', `\`\`\` a\`b\n${rows(8000, () => '*a*b')}\n`, 8002],
    ['a cell of 20,000 marks', `| a |\n|---|\n| ${'*a'.repeat(20000)} |\n`, 3],
    ['block quotes nested too deep', `${'> '.repeat(MAX_QUOTE_DEPTH + 1)}x\n`, 1]
  ])('%s is refused at its line', (_, text, line) => {
    const err = refusal(text)
    expect(err).toBeDefined()
    expect(err!.line).toBe(line)
  })

  test('parseMarkdown refuses before parsing: 200,000 marks answer at once', () => {
    expect(() => parseMarkdown('*a'.repeat(100_000), 'DEPLOYMENT-REPORT.md', () => undefined)).toThrow(/emphasis marks/)
  })
})
