import { safeLine } from '../util/log.js'
import { redact } from '../util/redact.js'
import type { ActionsCore, AnnotationProperties } from './workflow.js'

/**
 * The runner's side (workflow.ts, or @actions/core) with the run's redactor in front of every exit it offers: outputs, the job
 * summary, annotations, log lines and the failure message. The action uses only this object, so
 * no new output or summary line can skip the redaction.
 */
export function guardCore(core: ActionsCore): ActionsCore {
  const summary = core.summary
  const guardedSummary = new Proxy(summary, {
    get(target, prop, receiver) {
      if (prop === 'write') {
        return async (options?: { overwrite?: boolean }) => {
          const text = redact(target.stringify())
          target.emptyBuffer()
          target.addRaw(text)
          await target.write(options)
          return guardedSummary
        }
      }
      const value = Reflect.get(target, prop, receiver) as unknown
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        const out = (value as (...a: unknown[]) => unknown).apply(target, args)
        return out === target ? guardedSummary : out
      }
    }
  })
  const message = (m: string | Error): string => safeLine(m instanceof Error ? m.message : String(m))
  return {
    ...core,
    summary: guardedSummary,
    setOutput: (name: string, value: unknown) => core.setOutput(name, redact(typeof value === 'string' ? value : JSON.stringify(value))),
    setFailed: (m: string | Error) => core.setFailed(message(m)),
    info: (m: string) => core.info(safeLine(m)),
    debug: (m: string) => core.debug(safeLine(m)),
    notice: (m: string | Error, p?: AnnotationProperties) => core.notice(message(m), p),
    warning: (m: string | Error, p?: AnnotationProperties) => core.warning(message(m), p),
    error: (m: string | Error, p?: AnnotationProperties) => core.error(message(m), p)
  }
}
