import type { z } from 'zod'
import { describeValue } from '../util/errors.js'
import { hiddenValue, looksLikeCredential, withoutUserinfo } from './credentials.js'

/**
 * zod's issues in plain words. zod speaks to programmers ("Invalid input: expected 1",
 * "Too small: expected number to be >0"); a config error speaks to the person who wrote the file:
 * what the field must be, what was found, and the nearest valid choice.
 */

export interface PlainIssue {
  expected: string
  /** A rule that reads better on its own than "expected ...". */
  says?: string
  found: string
  suggestion?: string
}

type Path = ReadonlyArray<PropertyKey>

/** Edit distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const m = a.length
  const n = b.length
  let prev = Array.from({ length: n + 1 }, (_, j) => j)
  for (let i = 1; i <= m; i++) {
    const cur = [i]
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    prev = cur
  }
  return prev[n]!
}

/** The valid choice nearest to a wrong one, when it is near enough to be what was meant. */
export function nearest(wrong: string, choices: readonly string[]): string | undefined {
  const w = wrong.toLowerCase()
  let best: string | undefined
  let bestDistance = Infinity
  for (const c of choices) {
    const cl = c.toLowerCase()
    const d = cl === w ? 0 : w.length >= 3 && (cl.startsWith(w) || w.startsWith(cl)) ? 1 : editDistance(w, cl)
    if (d < bestDistance) {
      best = c
      bestDistance = d
    }
  }
  const allowed = Math.max(1, Math.min(3, Math.floor(wrong.length / 3)))
  return best !== undefined && bestDistance <= allowed ? best : undefined
}

/** "did you mean `x`?" or the list of valid choices. */
export function suggest(wrong: string, choices: readonly string[], what = 'choices'): string | undefined {
  if (choices.length === 0) return undefined
  const near = nearest(wrong, choices)
  if (near) return `did you mean \`${near}\`?`
  const shown = choices.slice(0, 12).map((c) => `\`${c}\``)
  return `the ${what} here are ${shown.join(', ')}${choices.length > 12 ? ', ...' : ''}`
}

/** A part of the config that may hold a credential: its value is never shown. */
export function isSecretPath(path: Path): boolean {
  return path.some((p) => {
    const k = String(p)
    return k === 'auth' || k === 'headers' || /-env$|token|secret|password|passwd|api-?key|routing-key|credential|cookie/i.test(k)
  })
}

/** A found value for a message, never showing anything that may be a credential. */
export function foundValue(value: unknown, path: Path): string {
  if (typeof value === 'string') {
    if (isSecretPath(path) || looksLikeCredential(value)) return hiddenValue(value)
    return describeValue(withoutUserinfo(value))
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : describeValue(value)
  if (typeof value === 'boolean') return String(value)
  return describeValue(value)
}

/** What a zod type name means to a person writing YAML. */
function typeWords(expected: string): string {
  const words: Record<string, string> = {
    string: 'a text value',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping (key: value lines)',
    record: 'a mapping (key: value lines)',
    literal: 'a fixed value',
    null: 'nothing (null)'
  }
  return words[expected] ?? expected
}

/** A zod message that a schema author wrote (not one of zod's own). */
function authored(message: string): string | undefined {
  return /^(Invalid|Too (small|big)|Unrecognized key|Expected|Required)\b/.test(message) ? undefined : message
}

function listOf(values: readonly unknown[]): string {
  const shown = values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
  if (shown.length <= 1) return shown.join('')
  return `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`
}

function bound(
  issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean; origin?: string },
  small: boolean
): { says: string; expected: string } {
  const limit = String(small ? issue.minimum : issue.maximum)
  const origin = issue.origin ?? 'number'
  if (origin === 'string') {
    if (small && limit === '1') return { says: 'must not be empty', expected: 'a non-empty text' }
    return small
      ? { says: `must be at least ${limit} characters long`, expected: `text of at least ${limit} characters` }
      : { says: `must be at most ${limit} characters long`, expected: `text of at most ${limit} characters` }
  }
  if (origin === 'array' || origin === 'set') {
    return small
      ? { says: `must have at least ${limit} item(s)`, expected: `a list of at least ${limit}` }
      : { says: `must have at most ${limit} item(s)`, expected: `a list of at most ${limit}` }
  }
  const rule = small
    ? issue.inclusive
      ? `at least ${limit}`
      : `greater than ${limit}`
    : issue.inclusive
      ? `at most ${limit}`
      : `less than ${limit}`
  return { says: `must be ${rule}`, expected: `a number ${rule}` }
}

/** One zod issue in plain words. `value` is the value at the issue's path. */
export function plainIssue(issue: z.core.$ZodIssue, value: unknown): PlainIssue {
  const path = issue.path
  const key = String(path.at(-1) ?? '')
  const found = foundValue(value, path)
  const own = authored(issue.message)
  switch (issue.code) {
    case 'invalid_type': {
      const expected = own ?? typeWords(issue.expected)
      if (value === undefined) return { expected, says: `is required: ${expected}`, found: 'nothing (missing)' }
      if (own === undefined && issue.expected === 'int' && typeof value === 'number') return { expected: 'a whole number', found }
      return { expected, found: describeType(value, found) }
    }
    case 'too_small':
      return { ...bound(issue, true), found }
    case 'too_big':
      return { ...bound(issue, false), found }
    case 'invalid_value': {
      const values = issue.values
      if (key === 'version' && path.length === 1) {
        return {
          expected: `a config version this action reads (${listOf(values)})`,
          says:
            value === undefined ? 'is required: the config file starts with `version: 1`' : `must be a config version this action reads`,
          found: value === undefined ? 'nothing (missing)' : `version ${found}`,
          suggestion: `the versions that exist are: ${listOf(values)} (write \`version: ${String(values[0])}\`)`
        }
      }
      const choices = values.map(String)
      const expected = `one of ${listOf(values)}`
      return {
        expected,
        says: value === undefined ? `is required: ${expected}` : `must be ${expected}`,
        found,
        ...(typeof value === 'string' && nearest(value, choices) ? { suggestion: `did you mean \`${nearest(value, choices)}\`?` } : {})
      }
    }
    case 'invalid_union': {
      const disc = (issue as { discriminator?: string; options?: unknown[] }).discriminator
      const options = ((issue as { options?: unknown[] }).options ?? []).map(String)
      if (disc !== undefined && options.length) {
        const expected = `${disc} set to one of ${listOf(options)}`
        if (value === undefined) return { expected, says: `is required: one of ${listOf(options)}`, found: 'nothing (missing)' }
        const near = typeof value === 'string' ? nearest(value, options) : undefined
        return { expected, says: `must be one of ${listOf(options)}`, found, ...(near ? { suggestion: `did you mean \`${near}\`?` } : {}) }
      }
      if (own) return { expected: own, found }
      // Each alternative said what it wanted; name them all.
      const wants = issue.errors.map((alt) =>
        alt[0] ? (authored(alt[0].message) ?? typeWords((alt[0] as { expected?: string }).expected ?? 'a value')) : 'a value'
      )
      return { expected: [...new Set(wants)].join(', or '), found }
    }
    case 'invalid_format':
      return { expected: own ?? `text in the ${issue.format} format`, found }
    case 'not_multiple_of':
      return { expected: `a multiple of ${String(issue.divisor)}`, says: `must be a multiple of ${String(issue.divisor)}`, found }
    case 'custom': {
      const params = (issue as { params?: Record<string, unknown> }).params
      if (params?.duration && /^must /.test(issue.message)) return { expected: 'a duration greater than 0', says: issue.message, found }
      return { expected: issue.message, found }
    }
    default:
      return { expected: own ?? 'a valid value', found }
  }
}

function describeType(value: unknown, found: string): string {
  if (Array.isArray(value)) return `a list of ${value.length}`
  if (value !== null && typeof value === 'object') return found.replace(/^an object/, 'a mapping')
  if (typeof value === 'number') return `the number ${found}`
  if (typeof value === 'boolean') return `the boolean ${found}`
  return found
}
