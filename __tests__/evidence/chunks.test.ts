/**
 * A long document parsed in parts gives the very tree micromark builds from the whole (every node,
 * line, column and offset); where a part could change how another reads, it is not cut.
 */
import { micromarkTree, parseTree } from '../../src/evidence/markdown.js'
import { independentParts } from '../../src/evidence/chunks.js'

const sections = (n: number, body: (i: number) => string): string =>
  Array.from({ length: n }, (_, i) => `## svc-${i}\n\n${body(i)}`).join('\n\n')

const BODY = (i: number): string =>
  [
    `- status: **healthy** (${i})`,
    `  - nested _item_ with \`code\``,
    '',
    `> quoted ${i}`,
    `> second line`,
    '',
    '| metric | value |',
    '|---|--:|',
    `| p95 | ${i} ms |`,
    '',
    '```text',
    '# not a heading, inside a fence',
    '',
    '# still code',
    '```',
    '',
    `1. first\n2. second ~~old~~ <b>html</b> &amp; https://example.com/${i}`
  ].join('\n')

function expectSameTree(source: string, cut: boolean): void {
  expect(independentParts(source) !== undefined).toBe(cut)
  expect(parseTree(source)).toEqual(micromarkTree(source))
}

describe('a long document in parts', () => {
  test('200 sections of lists, quotes, tables and fenced code: parts, the same tree as micromark', () => {
    expectSameTree(`# Deployment Health Log\n\n${sections(200, BODY)}\n`, true)
  })

  test.each([
    [
      'front matter with a YAML comment after a blank line',
      `---\nrelease: v1\n\n# a YAML comment\nowner: x\n---\n\n${sections(120, BODY)}\n`
    ],
    ['no final newline', sections(120, BODY)],
    ['CRLF-free blank lines of spaces before headings', sections(120, BODY).replace(/\n\n## /g, '\n   \n## ')],
    [
      'a fence opened with four backticks holding three',
      `${sections(60, BODY)}\n\n\`\`\`\`\n\`\`\`\n\n# inside\n\n\`\`\`\`\n\n${sections(60, BODY)}\n`
    ],
    ['an unclosed fence', `${sections(60, BODY)}\n\n\`\`\`\n\n# inside\n\n${sections(60, BODY)}\n`],
    ['an HTML comment across blank lines', `${sections(60, BODY)}\n\n<!--\n\n# inside the comment\n\n-->\n\n${sections(60, BODY)}\n`],
    ['a <pre> block across blank lines', `${sections(60, BODY)}\n\n<pre>\n\n# inside pre\n\n</pre>\n\n${sections(60, BODY)}\n`],
    ['a heading right after a paragraph line', sections(120, (i) => `text ${i}\n# heading after text ${i}`)],
    ['a heading after a list item and a blank line', sections(120, (i) => `- item ${i}\n\n# ends the list ${i}`)],
    [
      'a backtick fence whose info holds a backtick (not a fence)',
      `${sections(60, BODY)}\n\n\`\`\` a\`b\n\n# a real heading\n\n${sections(60, BODY)}\n`
    ]
  ])('%s: the same tree as micromark', (_, source) => {
    expect(parseTree(source)).toEqual(micromarkTree(source))
  })

  test.each([
    ['a link definition anywhere', `${sections(120, BODY)}\n\n[ref]: https://example.com\n`],
    ['a footnote definition', `${sections(120, BODY)}\n\n[^1]: a note\n`]
  ])('%s: not cut (definitions reach across the document)', (_, source) => {
    expectSameTree(source, false)
  })

  test('a short document is not cut', () => {
    expect(independentParts(sections(3, BODY))).toBeUndefined()
  })
})
