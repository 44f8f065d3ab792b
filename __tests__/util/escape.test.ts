import type { RootContent } from 'mdast'
import { codeBlock, escapeCell, escapeHtml, escapeMarkdown, inlineCode, mdLink, safeUrl } from '../../src/util/escape.js'
import { parseGfm } from '../report/mermaid.js'

type Node = { type: string; value?: string; children?: Node[] }
const ZWJ = '\u200D'
const HOSTILE = [
  '@octocat and @org/team, cc _@dev',
  'fixes #12, acme/shop#7 and GH-3',
  '<img src=x onerror=alert(1)><script>alert(1)</script>',
  'a | b | c',
  '`code` and ``more``',
  '*bold* _it_ ~~gone~~ $x^2$ \\ back',
  '[click](javascript:alert(1)) ![img](http://evil/x.png) [ref]: http://evil',
  '- a list',
  '1. a numbered list',
  '# a heading',
  '> a quote',
  'two\nlines\r\nand\rthree\n\n| x | y |',
  'tab\there, bell\u0007, escape\u001b[31m',
  'https://example.com/a and www.example.com &amp; &lt; &#39;'
]

/** Every node's type in a tree, and the text it shows. */
function shape(md: string): { types: Set<string>; shown: string } {
  const types = new Set<string>()
  let shown = ''
  const walk = (n: Node & { url?: string }): void => {
    // GitHub links a bare http(s) URL or e-mail address whatever the escaping; nothing else may link.
    const autolink = n.type === 'link' && /^(https?:\/\/|mailto:)/.test(n.url ?? '') && n.children?.length === 1
    if (!autolink) types.add(n.type)
    if (n.type === 'text') shown += n.value
    for (const c of n.children ?? []) walk(c)
  }
  walk(parseGfm(md) as unknown as Node)
  return { types, shown }
}
const visible = (s: string): string => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/[ \t]*(\r\n?|\n)\s*/g, ' ')
const noZwj = (s: string): string => s.split(ZWJ).join('')

describe('the one Markdown and HTML escaper', () => {
  test.each(HOSTILE)('inline text renders as the literal text and nothing else: %j', (text) => {
    for (const md of [escapeMarkdown(text), `- ${escapeMarkdown(text)}`, `**Service:** ${escapeMarkdown(text)}`]) {
      const { types, shown } = shape(md)
      expect([...types].filter((t) => !['root', 'paragraph', 'text', 'list', 'listItem', 'strong'].includes(t))).toEqual([])
      expect(noZwj(shown).replace(/^Service: /, '')).toBe(visible(text).trim())
    }
  })

  test.each(HOSTILE)('a table cell stays one cell of one row: %j', (text) => {
    const md = `| a | b |\n| --- | --- |\n| ${escapeCell(text)} | z |\n`
    const table = parseGfm(md).children[0] as unknown as Node
    expect(table.type).toBe('table')
    expect(table.children).toHaveLength(2)
    const cells = table.children![1]!.children!
    expect(cells).toHaveLength(2)
    expect(noZwj(shape(md).shown)).toBe(`ab${visible(text).trim()}z`)
  })

  test('mentions and references are broken, e-mail addresses are not', () => {
    const md = escapeMarkdown('@octocat @org/team _@dev #12 acme/shop#7 GH-3 x@y.z')
    expect(md).not.toMatch(/(^|[^a-z])@[A-Za-z]/)
    expect(md).not.toMatch(/#\d|GH-\d/)
    expect(md).toContain('x@y.z')
    expect(escapeHtml('@octocat #1')).toBe(`@${ZWJ}octocat #${ZWJ}1`)
  })

  test('a table cell is shortened', () => {
    expect(escapeCell('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`)
    expect(escapeCell('short', 10)).toBe('short')
  })

  test('a code span shows its text verbatim, one line, pipes escaped for tables', () => {
    for (const text of ['a `b` c', '``x``', '`', 'x|y', 'one\ntwo', 'a']) {
      const md = `| a |\n| --- |\n| ${inlineCode(text)} |\n`
      const cell = (parseGfm(md).children[0] as unknown as Node).children![1]!.children![0]!
      const code = cell.children![0]!
      expect(code.type).toBe('inlineCode')
      expect(code.value).toBe(text.replace(/\n/g, ' '))
    }
  })

  test('a code block holds any text, fences included', () => {
    const text = 'line 1\n```\n````js\nend'
    const tree = parseGfm(codeBlock(text, 'text'))
    expect(tree.children).toHaveLength(1)
    expect(tree.children[0]).toMatchObject({ type: 'code', lang: 'text', value: text })
  })

  test('HTML text and attributes cannot open a tag, close a quote or end the block', () => {
    const h = escapeHtml(`"><script>alert('x')</script>\n\n# heading & more`)
    expect(h).toBe('&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; # heading &amp; more')
    const tree = parseGfm(`<details><summary>${h}</summary>\n\nbody\n\n</details>`)
    expect((tree.children[0] as RootContent).type).toBe('html')
    expect(tree.children[0]).toMatchObject({ value: `<details><summary>${h}</summary>` })
  })

  test('only http(s) URLs become links, and they stay whole', () => {
    expect(mdLink('run [1]', 'https://github.com/acme/shop/actions/runs/1')).toBe(
      '[run \\[1\\]](<https://github.com/acme/shop/actions/runs/1>)'
    )
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '/relative', 'http://', '', undefined]) {
      expect(safeUrl(bad)).toBeUndefined()
      expect(mdLink('text_', bad)).toBe('text\\_')
    }
    const odd = 'https://grafana.example/d/x?q=a b>c<d&(e)'
    const link = (parseGfm(mdLink('x', odd)).children[0] as unknown as Node).children![0] as unknown as { type: string; url: string }
    expect(link.type).toBe('link')
    expect(decodeURIComponent(link.url)).toBe(odd)
  })
})
