import { isDynamicPattern } from 'tinyglobby'
import { InputError } from '../util/errors.js'
import { globEscape, lexicalEscape, resolveInWorkspace } from '../util/workspace.js'
import { ENV_NAME, hiddenValue, isSensitiveHeader, looksLikeCredential } from './credentials.js'
import { suggest } from './issues.js'
import { pointer, type YamlLines } from './lines.js'
import { SIGNALS, type Config } from './schema.js'

/**
 * Checks across fields that a schema cannot express, run once the config has its shape: every
 * name refers to something that exists, no header carries a credential, every path stays in the
 * workspace. Each error names the file, the line and the field.
 */

type Path = Array<string | number>

class Collector {
  readonly errors: InputError[] = []
  constructor(
    readonly file: string,
    readonly lines: YamlLines
  ) {}

  add(path: Path, args: { expected: string; found: string; says?: string; suggestion?: string }): void {
    this.errors.push(new InputError({ file: this.file, line: this.lines.of(path), field: pointer(path), ...args }))
  }
}

function checkBackendRef(c: Collector, config: Config, path: Path, name: string | undefined, types: string[], what: string): void {
  if (name === undefined) return
  const names = Object.keys(config.backends)
  const backend = config.backends[name]
  if (!backend) {
    c.add(path, {
      expected: names.length
        ? `the name of a backend in \`backends\` (${names.join(', ')})`
        : 'the name of a backend in `backends` (none is defined)',
      says: `names a backend that does not exist`,
      found: `"${name}"`,
      ...(names.length ? { suggestion: suggest(name, names, 'backends')! } : { suggestion: 'define it under `backends:`' })
    })
    return
  }
  if (types.length && !types.includes(backend.type)) {
    const fitting = names.filter((n) => types.includes(config.backends[n]!.type))
    c.add(path, {
      expected: `a ${types.join(' or ')} backend for ${what}`,
      says: `must name a ${types.join(' or ')} backend for ${what}`,
      found: `"${name}", a ${backend.type} backend`,
      ...(fitting.length ? { suggestion: `the ${types.join('/')} backends are ${fitting.map((n) => `\`${n}\``).join(', ')}` } : {})
    })
  }
}

function checkUnique(c: Collector, items: Array<{ name: string }>, base: Path, what: string): void {
  const first = new Map<string, number>()
  items.forEach((item, i) => {
    const seen = first.get(item.name)
    if (seen === undefined) first.set(item.name, i)
    else {
      const line = c.lines.of([...base, seen, 'name'])
      c.add([...base, i, 'name'], {
        expected: `a ${what} name used once`,
        says: `repeats a ${what} name`,
        found: `"${item.name}", already used${line !== undefined ? ` at line ${line}` : ''}`
      })
    }
  })
}

function checkHeaders(c: Collector, headers: Record<string, string>, base: Path): void {
  for (const [name, value] of Object.entries(headers)) {
    const path = [...base, name]
    if (value.startsWith('env:')) {
      const variable = value.slice(4)
      if (!ENV_NAME.test(variable) || looksLikeCredential(variable)) {
        c.add(path, {
          expected: 'env:NAME, with NAME the name of the environment variable that holds the value (credentials are never written inline)',
          found: hiddenValue(value)
        })
      }
    } else if (isSensitiveHeader(name) || looksLikeCredential(value)) {
      c.add(path, {
        expected: `env:NAME for the ${name} header, naming the environment variable that holds it (credentials are never written inline)`,
        found: hiddenValue(value)
      })
    }
  }
}

/** Every config field that names a file, with its path in the config. */
export function configPaths(config: Config): Array<{ path: Path; value: string }> {
  const out: Array<{ path: Path; value: string }> = []
  config.dashboards.files.forEach((v, i) => out.push({ path: ['dashboards', 'files', i], value: v }))
  config.alerting['rule-files'].forEach((v, i) => out.push({ path: ['alerting', 'rule-files', i], value: v }))
  config.openslo.forEach((v, i) => out.push({ path: ['openslo', i], value: v }))
  if (config.incidents.file !== undefined) out.push({ path: ['incidents', 'file'], value: config.incidents.file })
  if (config.baseline.previous?.file !== undefined)
    out.push({ path: ['baseline', 'previous', 'file'], value: config.baseline.previous.file })
  out.push({ path: ['runbook', 'path'], value: config.runbook.path })
  return out
}

const PATH_EXPECTED = 'a path inside the workspace, relative to the repository root'

function checkPathsLexically(c: Collector, config: Config): void {
  for (const { path, value } of configPaths(config)) {
    if (value.trim() === '') {
      c.add(path, { expected: PATH_EXPECTED, says: 'must not be empty', found: 'an empty path' })
      continue
    }
    const problem = isDynamicPattern(value)
      ? globEscape(value)
      : value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value)
        ? `the absolute path ${JSON.stringify(value)}`
        : lexicalEscape('/workspace', value)
    if (problem) c.add(path, { expected: PATH_EXPECTED, found: problem })
  }
}

/** The checks that need only the parsed config. */
export function checkConfig(config: Config, file: string, lines: YamlLines): InputError[] {
  const c = new Collector(file, lines)
  for (const signal of SIGNALS) {
    const check = config.signals[signal]
    if (!check || check.kind === 'probe') continue
    const types = check.kind === 'promql' ? ['prometheus'] : check.kind === 'logql' ? ['loki'] : []
    checkBackendRef(c, config, ['signals', signal, 'backend'], check.backend, types, `${check.kind} queries`)
    if (check.kind === 'http' && check.backend === undefined && check.url.startsWith('/')) {
      c.add(['signals', signal, 'url'], {
        expected: 'a full http(s) URL, or a backend for this check to resolve the path against',
        says: 'is a path with no backend to resolve it against',
        found: `"${check.url}"`,
        suggestion: 'set `backend:` on the check, or write the full URL'
      })
    }
  }
  config.slos.forEach((s, i) => checkBackendRef(c, config, ['slos', i, 'backend'], s.backend, ['prometheus'], 'SLO queries'))
  checkBackendRef(c, config, ['baseline', 'backend'], config.baseline.backend, ['prometheus'], 'baseline queries')
  checkBackendRef(c, config, ['alerting', 'rules-backend'], config.alerting['rules-backend'], ['prometheus'], 'reading the rules in force')

  const provider = config.alerting.provider
  if (provider !== undefined && (config.alerting as Record<string, unknown>)[provider] === undefined) {
    c.add(['alerting', 'provider'], {
      expected: `an alerting.${provider} section for the ${provider} provider`,
      says: `names a provider that is not configured`,
      found: `"${provider}" with no alerting.${provider} section`
    })
  }

  checkUnique(c, config.services, ['services'], 'service')
  checkUnique(c, config.slos, ['slos'], 'SLO')
  checkUnique(c, config.alerting.routes, ['alerting', 'routes'], 'route')

  for (const [name, b] of Object.entries(config.backends)) checkHeaders(c, b.headers, ['backends', name, 'headers'])
  if (config.alerting.alertmanager) checkHeaders(c, config.alerting.alertmanager.headers, ['alerting', 'alertmanager', 'headers'])

  checkPathsLexically(c, config)
  return c.errors
}

/** The path checks that look at the disk: symbolic links followed, nothing outside the workspace. */
export async function checkConfigPathsOnDisk(config: Config, file: string, lines: YamlLines, workspace: string): Promise<InputError[]> {
  const c = new Collector(file, lines)
  for (const { path, value } of configPaths(config)) {
    if (isDynamicPattern(value)) continue
    try {
      // The line is looked up only for a refusal: finding it parses the file with positions.
      await resolveInWorkspace(workspace, value, {
        field: pointer(path),
        file,
        get line() {
          return lines.of(path)
        }
      })
    } catch (err) {
      if (err instanceof InputError) c.errors.push(err)
      else throw err
    }
  }
  return c.errors
}
