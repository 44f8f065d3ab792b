import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkDashboards } from '../../src/alerting/dashboards.js'
import { loadConfig } from '../../src/config/load.js'
import { loadOpenSlo } from '../../src/config/openslo.js'
import { InputError, InputErrors } from '../../src/util/errors.js'
import { globWorkspace, readWorkspaceText, resolveInWorkspace } from '../../src/util/workspace.js'
import { makeContext, service } from '../harness/context.js'

const PASSWD = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n'

/** A workspace with a secret-looking file outside it and links that lead there. */
function workspace() {
  const outside = mkdtempSync(join(tmpdir(), 'outside-'))
  writeFileSync(join(outside, 'passwd'), PASSWD)
  const ws = mkdtempSync(join(tmpdir(), 'ws-'))
  mkdirSync(join(ws, 'dashboards'))
  writeFileSync(join(ws, 'dashboards', 'ok.json'), JSON.stringify({ title: 'OK', panels: [] }))
  symlinkSync(join(outside, 'passwd'), join(ws, 'dashboards', 'leak.json'))
  symlinkSync(outside, join(ws, 'linked'))
  symlinkSync('/', join(ws, 'root'))
  return { ws, outside }
}

async function errorsOf(p: Promise<unknown>): Promise<InputError[]> {
  try {
    await p
  } catch (err) {
    if (err instanceof InputErrors) return err.errors
    if (err instanceof InputError) return [err]
    throw err
  }
  throw new Error('accepted')
}

describe('config paths are confined to the workspace at load time, with file, line and field', () => {
  test('a symbolic link that leads outside, a linked folder, ../ and absolute paths', async () => {
    const { ws } = workspace()
    const cfg = join(ws, 'sre.yml')
    writeFileSync(
      cfg,
      [
        'version: 1',
        'dashboards:',
        '  files:',
        '    - dashboards/ok.json',
        '    - dashboards/leak.json',
        'incidents:',
        '  file: linked/passwd',
        'baseline:',
        '  previous:',
        '    file: ../../etc/passwd',
        'runbook:',
        '  path: linked/runbook.md',
        'alerting:',
        '  rule-files: [/etc/passwd]',
        ''
      ].join('\n')
    )
    const errors = await errorsOf(loadConfig(cfg, { workspace: ws }))
    const shown = errors.map((e) => `${e.line} ${e.field}: ${e.found}`)
    // The lexical refusals come first (they need no disk), then what the disk shows.
    expect(shown).toEqual([
      '14 /alerting/rule-files/0: the absolute path "/etc/passwd"',
      '10 /baseline/previous/file: the path "../../etc/passwd", which leads outside the workspace'
    ])
    writeFileSync(
      cfg,
      [
        'version: 1',
        'dashboards:',
        '  files:',
        '    - dashboards/ok.json',
        '    - dashboards/leak.json',
        'incidents:',
        '  file: linked/passwd',
        'runbook:',
        '  path: linked/runbook.md',
        ''
      ].join('\n')
    )
    const onDisk = await errorsOf(loadConfig(cfg, { workspace: ws }))
    expect(onDisk.map((e) => `${e.file}:${e.line} ${e.field}`)).toEqual([
      `${cfg}:5 /dashboards/files/1`,
      `${cfg}:7 /incidents/file`,
      `${cfg}:9 /runbook/path`
    ])
    for (const e of onDisk) {
      expect(e.found).toMatch(/goes through a symbolic link that leads outside the workspace/)
      expect(e.message).not.toContain('root:x')
    }
  })
})

describe('files are read only inside the workspace, and errors never quote them', () => {
  test('a glob skips links and refuses patterns that climb out', async () => {
    const { ws } = workspace()
    expect((await globWorkspace(ws, 'dashboards/*.json', { field: 'dashboards.files' })).map((f) => f.shown)).toEqual([
      'dashboards/ok.json'
    ])
    // A link to / is not walked for `**`, and a pattern that names a path through it is refused.
    expect((await globWorkspace(ws, '**/*.conf', { field: 'f' })).map((f) => f.shown)).toEqual([])
    const [through] = await errorsOf(globWorkspace(ws, 'root/etc/*', { field: 'f' }))
    expect(through!.found).toMatch(/goes through a symbolic link that leads outside the workspace/)
    const [e] = await errorsOf(globWorkspace(ws, '../*/passwd', { field: 'openslo/0' }))
    expect(e!.message).toContain('the pattern "../*/passwd", which climbs out with ..')
  })

  test('a file reached through a linked folder is refused unread', async () => {
    const { ws } = workspace()
    const [e] = await errorsOf(readWorkspaceText(ws, 'linked/passwd', { field: 'incidents.file' }, { what: 'an incidents JSON file' }))
    expect(e!.field).toBe('incidents.file')
    expect(e!.message).not.toContain('root:x')
    expect((await resolveInWorkspace(ws, 'dashboards/new.json', { field: 'f' })).exists).toBe(false)
  })

  test('a dashboard link to /etc/passwd-like content never reaches the report; a broken dashboard is named, not quoted', async () => {
    const { ws } = workspace()
    writeFileSync(join(ws, 'dashboards', 'broken.json'), PASSWD)
    const ctx = makeContext(
      { dashboards: { files: ['dashboards/leak.json', 'dashboards/broken.json', 'linked/passwd'] } },
      { workspace: ws, services: [service('checkout')] }
    )
    const report = await checkDashboards(ctx)
    const text = JSON.stringify(report)
    expect(text).not.toContain('root:x')
    expect(text).not.toContain('daemon')
    expect(text).toContain('dashboards/broken.json')
    expect(text).toContain('symbolic link that leads outside the workspace')
  })

  test('OpenSLO files: a link outside is refused; a YAML error names the line without the text', async () => {
    const { ws, outside } = workspace()
    writeFileSync(join(outside, 'slo.yaml'), 'apiVersion: openslo/v1\n')
    symlinkSync(join(outside, 'slo.yaml'), join(ws, 'slo.yaml'))
    const [e] = await errorsOf(loadOpenSlo(['slo.yaml'], ws))
    expect(e!.message).toContain('leads outside the workspace')
    writeFileSync(join(ws, 'bad.yaml'), 'apiVersion: openslo/v1\nkind: SLO\n  secret-token-value: [unclosed\n')
    const errors = await errorsOf(loadOpenSlo(['bad.yaml'], ws))
    for (const x of errors) {
      expect(x.message).toMatch(/^bad\.yaml:\d+: expected valid YAML/)
      expect(x.message).not.toContain('secret-token-value')
    }
  })

  test('non-UTF-8 files are refused with the byte offset', async () => {
    const { ws } = workspace()
    writeFileSync(join(ws, 'incidents.json'), Buffer.from('[{"id": "caf\xe9"}]', 'latin1'))
    const [e] = await errorsOf(readWorkspaceText(ws, 'incidents.json', { field: 'incidents.file' }, { what: 'an incidents JSON file' }))
    expect(e!.message).toBe(
      'incidents.json:1: expected an incidents JSON file in UTF-8, found bytes that are not valid UTF-8 (byte 0xE9 at byte offset 12; a binary file or another encoding such as Latin-1)'
    )
  })
})
