/**
 * Hostile backends against the one HTTP client: every fault is a BackendError in bounded time and
 * memory, with the URL never carrying its userinfo.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { BackendError } from '../../src/util/errors.js'
import { authHeaders, httpRequest, redactUrl, retryAfterMs, setHttpLimits } from '../../src/util/http.js'
import { MemoryLogger } from '../harness/memory-logger.js'
import { secrets } from '../../src/util/redact.js'

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void

interface Backend {
  url: string
  requests: Array<{ method: string; path: string; authorization?: string }>
  stop(): Promise<void>
}

async function backend(handler: Handler): Promise<Backend> {
  const requests: Backend['requests'] = []
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization })
    req.resume()
    handler(req, res, requests.length)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: async () => {
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
    }
  }
}

/** Streams 64 KiB chunks for as long as the client reads. */
function endless(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' })
  const chunk = Buffer.alloc(64 * 1024, 'x')
  const pump = (): void => {
    while (!res.destroyed && res.write(chunk)) {
      /* until the socket pushes back */
    }
    if (!res.destroyed) res.once('drain', pump)
  }
  pump()
}

async function failure(p: Promise<unknown>): Promise<BackendError> {
  try {
    await p
  } catch (err) {
    expect(err).toBeInstanceOf(BackendError)
    return err as BackendError
  }
  throw new Error('expected a BackendError')
}

const PASSWORD = 'hunter2-Zq8vLm3RtY'
let servers: Backend[] = []
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  servers = []
  setHttpLimits({ maxResponseBytes: 8 * 1024 * 1024 })
})
const start = async (h: Handler): Promise<Backend> => {
  const b = await backend(h)
  servers.push(b)
  return b
}

describe('URL userinfo', () => {
  test('becomes Basic auth, is stripped from the URL sent, and is a secret from then on', async () => {
    const b = await start((_q, res) => res.end('{}'))
    const url = b.url.replace('http://', `http://svc-user:${encodeURIComponent(PASSWORD)}@`)
    const res = await httpRequest({ backend: 'prom', url: `${url}/api/v1/query`, timeoutMs: 2000 })
    expect(res.status).toBe(200)
    expect(b.requests[0]!.authorization).toBe(`Basic ${Buffer.from(`svc-user:${PASSWORD}`).toString('base64')}`)
    expect(secrets.redact(`login failed for ${PASSWORD}`)).toBe('login failed for ***')
  })

  test('never appears in an error message: refused connection, timeout, invalid scheme', async () => {
    const closed = await start(() => undefined)
    await closed.stop()
    servers = []
    const port = new URL(closed.url).port
    const refused = await failure(httpRequest({ backend: 'prom', url: `http://u:${PASSWORD}@127.0.0.1:${port}/x`, timeoutMs: 1000 }))
    expect(refused.message).toBe(`prom: unreachable (ECONNREFUSED) (GET http://127.0.0.1:${port}/x)`)
    expect(refused.message).not.toContain(PASSWORD)
    expect(refused.message).not.toContain('u:')
    const scheme = await failure(httpRequest({ backend: 'prom', url: 'file:///etc/passwd', timeoutMs: 1000 }))
    expect(scheme.message).toBe('prom: only http and https URLs are requested, not file: (GET file:///etc/passwd)')
    const invalid = await failure(httpRequest({ backend: 'prom', url: `file://u:${PASSWORD}@localhost/etc/passwd`, timeoutMs: 1000 }))
    expect(invalid.message).toBe('prom: the URL is not a valid absolute URL (GET (invalid URL))')
  })

  test('redactUrl drops userinfo also from text that is not a valid URL', () => {
    expect(redactUrl('https://a:b@host.example/x')).toBe('https://host.example/x')
    expect(redactUrl('https://a:b@[::1')).toBe('https://[::1')
    expect(redactUrl('https://host.example/x')).toBe('https://host.example/x')
  })
})

describe('size cap', () => {
  test('an endless body stops at the cap, as an error naming the URL and the cap, in bounded time', async () => {
    const b = await start((_q, res) => endless(res))
    setHttpLimits({ maxResponseBytes: 1024 * 1024 })
    const t0 = Date.now()
    const err = await failure(httpRequest({ backend: 'prom', url: `${b.url}/api/v1/query`, timeoutMs: 10_000, retries: 3 }))
    expect(Date.now() - t0).toBeLessThan(5000)
    expect(err.message).toBe(
      `prom: the answer exceeded the 1048576-byte cap (limits.response-max-bytes); the rest was not read (GET ${b.url}/api/v1/query)`
    )
    // An oversized answer is not retried: it would be as large again.
    expect(b.requests).toHaveLength(1)
  })

  test('a declared 100 MiB body is refused before it is read', async () => {
    const b = await start((_q, res) => {
      res.writeHead(200, { 'content-length': String(100 * 1024 * 1024) })
      res.write('{')
    })
    const err = await failure(httpRequest({ backend: 'grafana', url: `${b.url}/api/search`, timeoutMs: 5000 }))
    expect(err.message).toContain('the answer is 104857600 bytes (Content-Length), over the 8388608-byte cap (limits.response-max-bytes)')
  })

  test('a body exactly at the cap is accepted', async () => {
    const b = await start((_q, res) => res.end('y'.repeat(4096)))
    const res = await httpRequest({ backend: 'x', url: b.url, timeoutMs: 2000, maxBytes: 4096 })
    expect(res.text).toHaveLength(4096)
  })
})

describe('time bounds', () => {
  test('no headers: a timeout naming the wait, retried as asked for a GET, within the total bound', async () => {
    const b = await start(() => undefined)
    const t0 = Date.now()
    const err = await failure(httpRequest({ backend: 'prom', url: b.url, timeoutMs: 300, retries: 2, backoffMs: 10 }))
    expect(err.message).toMatch(/no answer within 300 ms/)
    expect(b.requests).toHaveLength(3)
    expect(Date.now() - t0).toBeLessThan(3000)
  })

  test('a body that trickles forever ends at the attempt timeout', async () => {
    const b = await start((_q, res) => {
      res.writeHead(200)
      const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write('.')), 20)
    })
    const t0 = Date.now()
    const err = await failure(httpRequest({ backend: 'prom', url: b.url, timeoutMs: 400 }))
    expect(err.message).toMatch(/the answer did not finish within 400 ms/)
    expect(Date.now() - t0).toBeLessThan(2000)
  })

  test('totalMs bounds all attempts together', async () => {
    const b = await start(() => undefined)
    const t0 = Date.now()
    await failure(httpRequest({ backend: 'prom', url: b.url, timeoutMs: 1000, retries: 10, totalMs: 1200 }))
    expect(Date.now() - t0).toBeLessThan(2500)
    expect(b.requests.length).toBeLessThanOrEqual(2)
  })
})

describe('retries', () => {
  test('a GET answered 503 with Retry-After: 1 waits that second and succeeds', async () => {
    const b = await start((_q, res, n) => {
      if (n === 1) {
        res.writeHead(503, { 'retry-after': '1' })
        res.end('busy')
      } else res.end('{"ok":true}')
    })
    const t0 = Date.now()
    const res = await httpRequest({ backend: 'prom', url: b.url, timeoutMs: 2000, retries: 1, backoffMs: 10 })
    expect(res.status).toBe(200)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950)
  })

  test('a Retry-After beyond the bound is not waited for: the 429 is returned at once', async () => {
    const b = await start((_q, res) => {
      res.writeHead(429, { 'retry-after': '3600' })
      res.end()
    })
    const t0 = Date.now()
    const res = await httpRequest({ backend: 'prom', url: b.url, timeoutMs: 2000, retries: 3 })
    expect(res.status).toBe(429)
    expect(b.requests).toHaveLength(1)
    expect(Date.now() - t0).toBeLessThan(1000)
  })

  test('a POST is not retried unless the caller says the receiver deduplicates it', async () => {
    const b = await start((_q, res) => {
      res.writeHead(502)
      res.end()
    })
    const once = await httpRequest({ backend: 'hook', url: b.url, method: 'POST', body: '{}', timeoutMs: 1000, retries: 2, backoffMs: 5 })
    expect(once.status).toBe(502)
    expect(b.requests).toHaveLength(1)
    await httpRequest({
      backend: 'am',
      url: b.url,
      method: 'POST',
      body: '[]',
      timeoutMs: 1000,
      retries: 2,
      backoffMs: 5,
      idempotent: true
    })
    expect(b.requests).toHaveLength(4)
  })

  test('Retry-After as seconds and as an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000)
    expect(retryAfterMs(new Date(Date.now() + 3000).toUTCString())).toBeGreaterThan(1000)
    expect(retryAfterMs('soon')).toBeUndefined()
    expect(retryAfterMs(null)).toBeUndefined()
  })
})

describe('redirects', () => {
  test('are not followed: the 302 is what the caller sees, and its target is never called', async () => {
    const target = await start((_q, res) => res.end('metadata'))
    const b = await start((_q, res) => {
      res.writeHead(302, { location: `${target.url}/latest/meta-data` })
      res.end()
    })
    const res = await httpRequest({ backend: 'prom', url: b.url, timeoutMs: 1000 })
    expect(res.status).toBe(302)
    expect(target.requests).toHaveLength(0)
  })
})

describe('credentials from the environment only', () => {
  test('an env: header naming a variable that holds nothing names the variable and the field', () => {
    const log = new MemoryLogger()
    expect(() => authHeaders({ type: 'none' } as never, { 'X-Scope-OrgID': 'env:MIMIR_TENANT' }, {}, log, 'mimir')).toThrow(
      'mimir: environment variable MIMIR_TENANT is not set (header X-Scope-OrgID) (credentials)'
    )
  })

  test('a token pasted where a variable name belongs is never echoed, and is masked from then on', () => {
    const log = new MemoryLogger()
    const token = 'ghp_' + 'a1B2c3D4e5'.repeat(4)
    let message = ''
    try {
      authHeaders({ type: 'none' } as never, { Authorization: `env:${token}` }, {}, log, 'prom')
    } catch (err) {
      message = (err as Error).message
    }
    expect(message).toContain('header Authorization names an environment variable that is not set; the name is not shown')
    expect(message).not.toContain(token)
    expect(secrets.redact(`x ${token} y`)).toBe('x *** y')
  })

  test('every credential read is registered: bearer, basic (user:pass and its token), env headers', () => {
    const log = new MemoryLogger()
    const env = { PROM_TOKEN: 'tok-9f8e7d6c5b4a', PROM_USER: 'reader', PROM_PASS: 'pw-0a9b8c7d6e', TENANT: 'tenant-secret-77' }
    const bearer = authHeaders({ type: 'bearer', 'token-env': 'PROM_TOKEN' } as never, { 'X-Scope-OrgID': 'env:TENANT' }, env, log, 'prom')
    expect(bearer).toEqual({ 'X-Scope-OrgID': 'tenant-secret-77', Authorization: 'Bearer tok-9f8e7d6c5b4a' })
    const basic = authHeaders({ type: 'basic', 'username-env': 'PROM_USER', 'password-env': 'PROM_PASS' } as never, {}, env, log, 'prom')
    const b64 = Buffer.from('reader:pw-0a9b8c7d6e').toString('base64')
    expect(basic.Authorization).toBe(`Basic ${b64}`)
    expect(log.secrets).toEqual(
      expect.arrayContaining(['tok-9f8e7d6c5b4a', 'tenant-secret-77', 'pw-0a9b8c7d6e', 'reader:pw-0a9b8c7d6e', b64])
    )
  })
})
