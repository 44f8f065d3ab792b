/**
 * The run's known secrets and the one redactor every exit applies: the log, annotations, outputs,
 * the job summary, every package file and every request body sent to GitHub. A secret is known
 * from the moment it is read (a token, an `*-env` credential, an `env:NAME` header, URL userinfo);
 * like the runner's own masking, the set lives for the whole process.
 */

/** Shorter values are masked in the log only: replacing them in files would destroy words ("pass"). */
export const MIN_REDACTED_LENGTH = 6
/** A secret this long is also found when it was cut short (`ghp_abc...`), by its first characters. */
const PREFIX_MATCH = 12
export const MASK = '***'

/** Credentials recognisable by their form, known to the run or not. */
// Each pattern below needs one of PATTERN_CUES in the text: a new pattern needs its cue there too.
const TOKEN_PATTERNS: RegExp[] = [
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /\bglpat-[A-Za-z0-9_-]{20,}/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g
]
/** `scheme://user:pass@host`: the userinfo of any URL in any text. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>`]+@/gi
/** An Authorization value written out (`Authorization: Bearer x`, `"authorization":"Basic x"`). */
const AUTHORIZATION = /(authorization["']?\s*[:=]\s*["']?\s*(?:bearer|basic|token)?\s*)[^\s"',;]+/gi
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/-]{16,}=*/g
/** What every pattern above needs somewhere in a text: without it none can match (most strings). */
const PATTERN_CUES = /:\/\/|authorization|bearer|gh[pousr]_|github_pat_|glpat-|xox[abprs]-/i

/** Strings remembered by one redactDeep walk: short ones, up to a bound. */
const MEMO_MAX_LENGTH = 4096
const MEMO_MAX_ENTRIES = 200_000

export class Redactor {
  private readonly values = new Set<string>()
  private ordered: string[] = []
  private readonly listeners = new Set<(secret: string) => void>()

  /** Remember a secret (and its URL-encoded and JSON-escaped forms); listeners (the runner's masking) hear of each. */
  add(secret: string | undefined | null): void {
    if (!secret || this.values.has(secret)) return
    const forms = new Set([secret, secret.trim(), encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])
    const added: string[] = []
    for (const f of forms) {
      if (f && !this.values.has(f)) {
        this.values.add(f)
        added.push(f)
      }
    }
    this.ordered = [...this.values].sort((a, b) => b.length - a.length)
    for (const f of added) for (const l of this.listeners) l(f)
  }

  /** Hear of every secret known now and added later. Returns the way to stop listening. */
  listen(listener: (secret: string) => void): () => void {
    this.listeners.add(listener)
    for (const v of this.values) listener(v)
    return () => this.listeners.delete(listener)
  }

  /** Every known secret, longest first. */
  known(): readonly string[] {
    return this.ordered
  }

  /** Text as it may leave the process: no known secret, no URL userinfo, no token by its form. */
  redact(text: string): string {
    return this.apply(text, MIN_REDACTED_LENGTH)
  }

  /** For the log, where even short secrets are masked (the runner masks them too). */
  redactLog(text: string): string {
    return this.apply(text, 1)
  }

  /**
   * Every string in a JSON value (keys included), redacted; the shape stays as it was. What holds
   * no secret is returned as it is, not copied (a package file can be 25 MB of objects).
   */
  redactDeep<T>(value: T): T {
    return this.walk(value, new Map()) as T
  }

  /**
   * A fleet's package repeats its keys and its queries thousands of times: each distinct string is
   * redacted once a walk (the secrets cannot change during one).
   */
  private redactMemo(text: string, memo: Map<string, string>): string {
    let out = memo.get(text)
    if (out === undefined) {
      out = this.redact(text)
      if (text.length <= MEMO_MAX_LENGTH && memo.size < MEMO_MAX_ENTRIES) memo.set(text, out)
    }
    return out
  }

  private walk(value: unknown, memo: Map<string, string>): unknown {
    if (typeof value === 'string') return this.redactMemo(value, memo)
    if (Array.isArray(value)) {
      let out: unknown[] | undefined
      for (let i = 0; i < value.length; i++) {
        const v = this.walk(value[i], memo)
        if (v !== value[i]) (out ??= value.slice())[i] = v
      }
      return out ?? value
    }
    // Bytes (a request body) are not text to redact; what JSON.stringify would write through
    // toJSON (a URL's href, with its userinfo) is redacted as that value; a Date stays the Date.
    if (ArrayBuffer.isView(value)) return value
    if (value && typeof value === 'object' && !(value instanceof Date) && typeof (value as { toJSON?: unknown }).toJSON === 'function')
      return this.walk((value as { toJSON: () => unknown }).toJSON(), memo)
    if (value && typeof value === 'object' && !(value instanceof Date)) {
      const obj = value as Record<string, unknown>
      const keys = Object.keys(obj)
      let out: Record<string, unknown> | undefined
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!
        const key = this.redactMemo(k, memo)
        const w = this.walk(obj[k], memo)
        if (!out && (key !== k || w !== obj[k])) {
          // The first change: the keys before it were unchanged, copied as they are.
          out = {}
          for (let j = 0; j < i; j++) setOwn(out, keys[j]!, obj[keys[j]!])
        }
        if (out) setOwn(out, key, w)
      }
      return out ?? value
    }
    return value
  }

  private apply(text: string, minLength: number): string {
    if (typeof text !== 'string' || text === '') return text
    let out = text
    for (const s of this.ordered) {
      if (s.length < minLength) continue
      if (out.includes(s)) out = out.split(s).join(MASK)
      if (s.length > PREFIX_MATCH + 4) out = cutShort(out, s)
    }
    if (!PATTERN_CUES.test(out)) return out
    out = out.replace(URL_USERINFO, `$1${MASK}@`)
    out = out.replace(AUTHORIZATION, `$1${MASK}`)
    out = out.replace(BEARER, `$1${MASK}`)
    for (const p of TOKEN_PATTERNS) out = out.replace(p, MASK)
    return out
  }
}

/** An own property, even `__proto__` (a key of parsed JSON is data, never the prototype). */
function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true })
  else o[key] = value
}

/** A secret cut short in a message (its first PREFIX_MATCH characters or more) is masked too. */
function cutShort(text: string, secret: string): string {
  const head = secret.slice(0, PREFIX_MATCH)
  let from = text.indexOf(head)
  if (from < 0) return text
  let out = ''
  let last = 0
  while (from >= 0) {
    let n = PREFIX_MATCH
    while (n < secret.length && from + n < text.length && text[from + n] === secret[n]) n++
    out += text.slice(last, from) + MASK
    last = from + n
    from = text.indexOf(head, last)
  }
  return out + text.slice(last)
}

/** The process's secrets: one set, as the runner's masking is one set. */
export const secrets = new Redactor()

export const redact = (text: string): string => secrets.redact(text)
export const redactDeep = <T>(value: T): T => secrets.redactDeep(value)

/** Environment variables that hold the runner's own credentials. */
const RUNNER_SECRET_VARIABLES = ['GITHUB_TOKEN', 'INPUT_GITHUB-TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN']

/** A variable name as people write them; anything else in a name's place may be the credential itself. */
const VARIABLE_NAME = /^[A-Z_][A-Z0-9_]{0,63}$/

/**
 * Every credential a config names, registered before anything from the config or evidence is
 * logged: values of `*-env` fields, `env:NAME` header values, URL userinfo, literal Authorization
 * headers. Walks the whole config, so a field added later is covered without being listed here.
 */
export function registerConfigSecrets(
  config: unknown,
  env: NodeJS.ProcessEnv,
  register: (secret: string) => void = (s) => secrets.add(s)
): void {
  for (const name of RUNNER_SECRET_VARIABLES) {
    const v = env[name]
    if (v) register(v)
  }
  const fromEnv = (name: string): void => {
    const v = env[name]
    if (v) register(v)
    // Not a variable name as people write them: most likely the credential itself, pasted where a name belongs.
    if (!VARIABLE_NAME.test(name)) register(name)
  }
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (key.endsWith('-env')) fromEnv(value)
      else if (value.startsWith('env:')) fromEnv(value.slice(4))
      else if (/^authorization$/i.test(key) || /^(auth|token|password)$/i.test(key))
        register(value.replace(/^(bearer|basic|token)\s+/i, ''))
      userinfoSecrets(value).forEach(register)
      return
    }
    if (Array.isArray(value)) value.forEach((v) => visit(v, key))
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k)
  }
  visit(config, '')
}

/** The secrets in a URL's userinfo: the password, `user:pass` and its Basic token. */
export function userinfoSecrets(url: string): string[] {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url)) return []
  try {
    const u = new URL(url)
    if (!u.username && !u.password) return []
    const user = safeDecode(u.username)
    const pass = safeDecode(u.password)
    const out = [`${user}:${pass}`, Buffer.from(`${user}:${pass}`).toString('base64')]
    if (pass) out.push(pass)
    else out.push(user) // a token written as the user part (https://TOKEN@host)
    return out
  } catch {
    return []
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/**
 * Text as it may reach the runner's log: no line of it can start a workflow command. The runner
 * reads a line starting with `::` (after white space) as a command, and `##[` anywhere as a
 * legacy one; a `::stop-commands::` from evidence would switch off the masking of later secrets.
 */
export function neutraliseLog(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      let l = line.replace(/##\[/g, '#\\#[')
      if (/^\s*::/.test(l)) l = l.replace(/^(\s*)::/, '$1\\::')
      return l
    })
    .join('\n')
}

/** A config file this large is not read here: the loader refuses it with its own message. */
const CONFIG_SCAN_MAX_BYTES = 1024 * 1024

/**
 * The credentials a config file names, registered before the file is validated: a config that is
 * refused (a token pasted where a variable name belongs, a YAML error) is quoted in error messages,
 * and what it holds must already be masked then. Never throws; the loader reports the file's faults.
 */
export async function registerConfigFileSecrets(
  path: string,
  env: NodeJS.ProcessEnv,
  register: (secret: string) => void = (s) => secrets.add(s)
): Promise<void> {
  registerConfigSecrets({}, env, register)
  let text: string
  try {
    // At most the first CONFIG_SCAN_MAX_BYTES, however large the file is.
    const { open } = await import('node:fs/promises')
    const file = await open(path, 'r')
    try {
      const buf = Buffer.alloc(CONFIG_SCAN_MAX_BYTES)
      const { bytesRead } = await file.read(buf, 0, CONFIG_SCAN_MAX_BYTES, 0)
      text = buf.subarray(0, bytesRead).toString('utf8')
    } finally {
      await file.close()
    }
  } catch {
    return
  }
  // Line by line first, so that even a file YAML cannot parse gives up its literal credentials.
  for (const line of text.split(/\r?\n/)) {
    for (const m of line.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s/?#@"'<>`]+@[^\s"'<>`]*/gi)) userinfoSecrets(m[0]).forEach(register)
    // A key at the start of the line or inside a flow mapping (`{ url: ..., auth: "Bearer x" }`).
    for (const literal of line.matchAll(
      /(?:^|[\s{,])["']?(authorization|auth|token|password)["']?\s*:\s*["']?(?:bearer\s+|basic\s+|token\s+)?([^\s"'{}[\],]{6,})/gi
    ))
      if (literal[2]) register(literal[2])
    const names = [...line.matchAll(/["']?env:([^\s"',}\]]+)/g), ...line.matchAll(/-env["']?\s*:\s*["']?([^\s"',}\]#]+)/g)].map(
      (m) => m[1]!
    )
    for (const name of names) {
      if (env[name]) register(env[name]!)
      if (!VARIABLE_NAME.test(name)) register(name)
    }
  }
  // What only the YAML structure shows (a block scalar, a multi-line flow mapping) is registered by
  // the config loader from its own parse, before it validates anything (registerConfigSecrets).
}
