/**
 * Credentials never live in the config: it names environment variables (`*-env` fields, `env:NAME`
 * header values). These tell a credential pasted in by mistake from a variable name, and say
 * what was found without showing any part of it.
 */

/** A POSIX-style environment variable name. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Prefixes of well-known tokens (GitHub, GitLab, Slack, OpenAI-style, AWS, JWT) and auth schemes. */
const TOKEN_PREFIX =
  /^(gh[pousr]_|github_pat_|glpat-|xox[abprse]-|sk-|AKIA[0-9A-Z]{12}|ASIA[0-9A-Z]{12}|eyJ[A-Za-z0-9_-]{8}|(bearer|basic|token|digest|apikey)\s)/i

/** Does a value look like a secret rather than a name? Upper-case snake names (`PROM_TOKEN`) never do. */
export function looksLikeCredential(value: string): boolean {
  const v = value.trim()
  if (TOKEN_PREFIX.test(v)) return true
  if (/^[A-Z_][A-Z0-9_]*$/.test(v)) return false
  if (/\s/.test(v) || v.length < 20) return false
  // A long run of mixed letters and digits with no separators is a key, not a name.
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(v)).length
  return /^[A-Za-z0-9+/=_.~-]+$/.test(v) && classes >= 2 && /[0-9]/.test(v)
}

/** Header names whose value is a credential, so it must come from the environment. */
export function isSensitiveHeader(name: string): boolean {
  return (
    /^(authorization|proxy-authorization|cookie|set-cookie)$/i.test(name) ||
    /token|secret|passw|api-?key|auth|session|signature|credential|private/i.test(name)
  )
}

/** What was found, without any of it. */
export function hiddenValue(value: string): string {
  return `a ${value.length}-character value that is not shown, as it may be a credential`
}

/** A URL for a message, with any user name and password in it removed. */
export function withoutUserinfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1')
}
