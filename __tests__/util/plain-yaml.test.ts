/**
 * The fast YAML reader gives the same data as the full parser on every YAML file the project
 * ships (configs, rule files, Alertmanager configs, the bad-input corpus), or declines and leaves
 * the file to the full parser.
 */
import { readFileSync } from 'node:fs'
import { globSync } from 'tinyglobby'
import { positionedYaml } from '../../src/config/lines.js'
import { readPlainYaml } from '../../src/util/plain-yaml.js'

const files = globSync(['examples/**/*.{yml,yaml}', '__tests__/fixtures/**/*.{yml,yaml}', 'action.yml'])

describe('readPlainYaml', () => {
  test('the project ships YAML files to compare', () => {
    expect(files.length).toBeGreaterThan(20)
  })

  test.each(files)('%s: same data as the full parser, or declined', (file) => {
    const text = readFileSync(file, 'utf8')
    const { doc } = positionedYaml(text)
    const fast = readPlainYaml(text)
    if (doc.errors.length || doc.warnings.length) {
      // Text the full parser refuses is never read by the fast one.
      expect(fast).toBeUndefined()
      return
    }
    if (fast) expect(fast.value).toEqual(doc.toJS({ maxAliasCount: 100 }))
  })

  test.each([
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a tab as indentation', 'a:\n\tb: 1\n'],
    ['an alias', 'a: &x 1\nb: *x\n'],
    ['a custom tag', 'a: !!python/object:os.system 1\n'],
    ['an explicit key', '? a\n: 1\n']
  ])('declines %s', (_, text) => {
    expect(readPlainYaml(text)).toBeUndefined()
  })

  test('a __proto__ key is data, never the prototype', () => {
    const fast = readPlainYaml('__proto__: { polluted: true }\na: 1\n')
    expect(fast).toBeDefined()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(fast!.value)).toBe(Object.prototype)
  })
})
