/**
 * The inputs' defaults are written once (src/settings/defaults.ts): action.yml, the settings
 * parser and the command line must agree with that table.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { CLI_OPTIONS } from '../../src/cli/main.js'
import { INPUT_DEFAULTS, inputDefault } from '../../src/settings/defaults.js'
import { getSettings } from '../../src/settings/inputs.js'

const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, { default?: unknown; required?: boolean }> }

/** The command line's flags that stand for an action input under another name. */
const CLI_NAMES: Record<string, string> = { evidence: 'evidence-path', output: 'output-dir' }

describe('one table of input defaults', () => {
  test('action.yml declares exactly the inputs of the table', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(INPUT_DEFAULTS).sort())
  })

  test.each(Object.keys(INPUT_DEFAULTS))("action.yml's default of %s is the table's", (name) => {
    const input = action.inputs[name]!
    expect(input.required ?? false).toBe(false)
    // An input without `default:` is '' to the runner; a YAML true or 90 would be a different type.
    expect(typeof (input.default ?? '')).toBe('string')
    expect(input.default ?? '').toBe(INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS])
  })

  test('the settings parser reads every input of the table, and only those', () => {
    const asked = new Set<string>()
    getSettings((name) => {
      asked.add(name)
      return ''
    })
    expect([...asked].sort()).toEqual(Object.keys(INPUT_DEFAULTS).sort())
  })

  test('an unset input takes the default; an expression default is never taken as a value', () => {
    const s = getSettings(() => '')
    expect(s).toMatchObject({
      evidencePath: INPUT_DEFAULTS['evidence-path'],
      config: INPUT_DEFAULTS.config,
      outputDir: INPUT_DEFAULTS['output-dir'],
      mode: INPUT_DEFAULTS.mode,
      backlogIssues: INPUT_DEFAULTS['backlog-issues'] === 'true',
      alertTests: INPUT_DEFAULTS['alert-tests'] === 'true',
      failOn: INPUT_DEFAULTS['fail-on']
    })
    expect(s.githubToken).toBeUndefined()
    expect(inputDefault('github-token')).toBe('')
    expect(inputDefault('no-such-input')).toBe('')
  })

  test("the command line's defaults are the table's", () => {
    const shared = Object.entries(CLI_OPTIONS).filter(([flag, o]) => (CLI_NAMES[flag] ?? flag) in INPUT_DEFAULTS && 'default' in o)
    expect(shared.map(([flag]) => flag).sort()).toEqual(['alert-tests', 'config', 'evidence', 'fail-on', 'mode', 'output'])
    for (const [flag, o] of shared) {
      expect([flag, (o as { default: unknown }).default]).toEqual([
        flag,
        INPUT_DEFAULTS[(CLI_NAMES[flag] ?? flag) as keyof typeof INPUT_DEFAULTS]
      ])
    }
  })
})
