const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' }

/**
 * Whether a URL's host is in `allowed-hosts`. An entry is a host (`api.example.com`, any port), a
 * host with port (`127.0.0.1:8080`), or a wildcard (`*.example.com`, subdomains only, not the
 * apex). Endpoints come from deploy output: nothing outside the list is ever called.
 */
export function isHostAllowed(url: string, allowed: string[]): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false
  const host = u.hostname.toLowerCase().replace(/^\[|\]$/g, '')
  const port = u.port || DEFAULT_PORTS[u.protocol] || ''
  return allowed.some((raw) => {
    const entry = raw.trim().toLowerCase()
    if (!entry) return false
    const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry)
    if (!m) return false
    const entryHost = (m[1] as string).replace(/^\[|\]$/g, '')
    const entryPort = m[2]
    if (entryPort !== undefined && entryPort !== port) return false
    if (entryHost.startsWith('*.')) return host.endsWith(entryHost.slice(1)) && host.length > entryHost.length - 1
    return host === entryHost
  })
}
