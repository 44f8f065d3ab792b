import type { Config, SignalCheckConfig } from '../config/schema.js'
import type { Logger } from '../util/log.js'
import { HttpJsonProvider } from './http-json/provider.js'
import { LokiProvider } from './loki/provider.js'
import { PrometheusProvider } from './prometheus/provider.js'
import type { TelemetryProvider } from './provider.js'
import { SyntheticProvider } from './synthetic/provider.js'

export interface ProviderOptions {
  /** First retry backoff for backend requests (doubles per retry). */
  backoffMs?: number
  /** Pause between probe attempts. */
  probePauseMs?: number
}

/**
 * Builds each provider once per run and hands out the one a check needs, so request counts add up
 * per backend. A check naming a backend that does not exist or has the wrong type is a config
 * mistake, thrown with a message that says which.
 */
export class ProviderRegistry {
  private readonly cache = new Map<string, TelemetryProvider>()
  readonly all: TelemetryProvider[] = []

  constructor(
    private readonly config: Config,
    private readonly env: NodeJS.ProcessEnv,
    private readonly log: Logger,
    private readonly opts: ProviderOptions = {}
  ) {}

  get requests(): number {
    return this.all.reduce((n, p) => n + p.requests, 0)
  }

  private remember(key: string, make: () => TelemetryProvider): TelemetryProvider {
    let p = this.cache.get(key)
    if (!p) {
      p = make()
      this.cache.set(key, p)
      this.all.push(p)
    }
    return p
  }

  private backendConfig(name: string, want: 'prometheus' | 'loki' | undefined, kind: string) {
    const config = this.config.backends[name]
    if (!config)
      throw new Error(
        `${kind} check names backend "${name}", which is not in backends (${Object.keys(this.config.backends).join(', ') || 'none configured'})`
      )
    if (want && config.type !== want) throw new Error(`${kind} check needs a ${want} backend; "${name}" is ${config.type}`)
    return config
  }

  prometheus(name: string): PrometheusProvider {
    const config = this.backendConfig(name, 'prometheus', 'promql')
    return this.remember(
      `prometheus:${name}`,
      () => new PrometheusProvider({ name, config, env: this.env, log: this.log }, { backoffMs: this.opts.backoffMs })
    ) as PrometheusProvider
  }

  for(check: SignalCheckConfig): TelemetryProvider {
    switch (check.kind) {
      case 'promql':
        return this.prometheus(check.backend)
      case 'logql': {
        const config = this.backendConfig(check.backend, 'loki', 'logql')
        return this.remember(
          `loki:${check.backend}`,
          () => new LokiProvider({ name: check.backend, config, env: this.env, log: this.log }, { backoffMs: this.opts.backoffMs })
        )
      }
      case 'http': {
        const name = check.backend
        const config = name ? this.backendConfig(name, undefined, 'http') : undefined
        return this.remember(
          `http:${name ?? ''}`,
          () => new HttpJsonProvider({ name, config, env: this.env, log: this.log, backoffMs: this.opts.backoffMs })
        )
      }
      case 'probe':
        return this.remember(
          'synthetic',
          () => new SyntheticProvider({ allowedHosts: this.config['allowed-hosts'], pauseBetweenAttemptsMs: this.opts.probePauseMs })
        )
    }
  }
}
