/**
 * The job summary of a failing run, rendered as GitHub renders it (GFM to HTML, Mermaid blocks
 * drawn by mermaid in the page) and photographed by a real headless Chromium. The picture is
 * kept in .artifacts/summary-screenshot/ for a person to look at.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { renderSummary } from '../../src/report/summary.js'
import { failingRun } from './failing-run.js'

const run = promisify(execFile)
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync)
const OUT = resolve('.artifacts/summary-screenshot')
const MERMAID = resolve('node_modules/mermaid/dist/mermaid.min.js')

// A look close to github.com's Markdown body: font, table borders, <details>, code.
const CSS = `
body { font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.5; color: #1f2328; max-width: 1012px; margin: 24px auto; padding: 0 32px; }
h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; } h3 { font-size: 1.25em; } h4 { font-size: 1em; }
table { border-collapse: collapse; margin: 0 0 16px; display: block; overflow: auto; } th, td { border: 1px solid #d1d9e0; padding: 6px 13px; } tr:nth-child(2n) { background: #f6f8fa; } th { font-weight: 600; }
code { background: rgba(129,139,152,.12); border-radius: 6px; padding: .2em .4em; font-size: 85%; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
details { margin: 0 0 8px; } summary { cursor: pointer; font-weight: 600; }
a { color: #0969da; text-decoration: none; } li { margin: .25em 0; }
.mermaid { background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; margin: 0 0 16px; max-width: 720px; }
`

function page(md: string): string {
  // GitHub keeps <details>/<summary> and drops other raw HTML; the summary holds no other HTML.
  const body = micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] })
  return `<!doctype html><html><head><meta charset="utf-8"><title>Job summary</title><style>${CSS}</style></head><body>
${body}
<script src="${pathToFileURL(MERMAID).href}"></script>
<script>
for (const code of document.querySelectorAll('pre > code.language-mermaid')) {
  const div = document.createElement('div'); div.className = 'mermaid'; div.textContent = code.textContent
  code.parentElement.replaceWith(div)
}
mermaid.initialize({ startOnLoad: false, theme: 'default', xyChart: { width: 640, height: 300 } })
mermaid.run({ querySelector: '.mermaid' }).then(() => { document.body.dataset.charts = 'drawn' }, (e) => { document.body.dataset.charts = 'failed: ' + e })
</script></body></html>`
}

const chromium = (args: string[]): Promise<{ stdout: string }> =>
  run(
    CHROMIUM!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--allow-file-access-from-files',
      '--virtual-time-budget=15000',
      ...args
    ],
    {
      timeout: 90_000,
      maxBuffer: 64 * 1024 * 1024
    }
  )

const maybe = CHROMIUM ? describe : describe.skip

maybe('job summary in a real browser', () => {
  test('a failing run: the failures and their hints on the first screen, the charts drawn', async () => {
    mkdirSync(OUT, { recursive: true })
    const md = renderSummary(failingRun(), {
      repoUrl: 'https://github.com/acme/shop',
      ref: 'abc123',
      runUrl: 'https://github.com/acme/shop/actions/runs/1'
    })
    writeFileSync(join(OUT, 'summary.md'), md)
    const html = join(OUT, 'summary.html')
    writeFileSync(html, page(md))

    // The DOM after the page's scripts ran: every Mermaid block became an SVG chart.
    const { stdout: dom } = await chromium(['--dump-dom', pathToFileURL(html).href])
    expect(dom).toContain('data-charts="drawn"')
    expect(dom.match(/<svg[^>]+aria-roledescription="xychart"/g)).toHaveLength(4)
    expect(dom).not.toMatch(/Syntax error in text/)

    const png = join(OUT, 'failing-run.png')
    await chromium([`--screenshot=${png}`, '--window-size=1280,2200', pathToFileURL(html).href])
    const buf = readFileSync(png)
    expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
    expect([buf.readUInt32BE(16), buf.readUInt32BE(20)]).toEqual([1280, 2200])
    expect(buf.length).toBeGreaterThan(50_000)
  }, 180_000)
})
