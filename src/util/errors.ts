/**
 * An input the user gave us (evidence, config, an input) is wrong. Carries enough to fix it
 * without reading a stack trace: the file, the field (JSON pointer or Markdown heading), what was
 * expected and what was found.
 */
export class InputError extends Error {
  readonly file: string
  readonly field: string
  readonly expected: string
  readonly found: string
  readonly line?: number
  /** The nearest valid choice, as a phrase ("did you mean `freshness`?"). */
  readonly suggestion?: string

  /**
   * `says` replaces "expected <expected>" in the message when a rule reads better on its own
   * ("must be greater than 0, found -300"); `expected` still carries what was expected.
   */
  constructor(args: { file: string; field?: string; expected: string; found: string; line?: number; says?: string; suggestion?: string }) {
    const where = args.line !== undefined ? `${args.file}:${args.line}` : args.file
    const field = args.field ?? ''
    const rule = args.says ?? `expected ${args.expected}`
    super(`${where}${field ? ` at ${field}` : ''}: ${rule}, found ${args.found}${args.suggestion ? `; ${args.suggestion}` : ''}`)
    this.name = 'InputError'
    this.file = args.file
    this.field = field
    this.expected = args.expected
    this.found = args.found
    if (args.line !== undefined) this.line = args.line
    if (args.suggestion !== undefined) this.suggestion = args.suggestion
  }
}

/** Several input errors found in one pass, reported together. */
export class InputErrors extends Error {
  readonly errors: InputError[]
  constructor(errors: InputError[]) {
    super(errors.map((e) => e.message).join('\n'))
    this.name = 'InputErrors'
    this.errors = errors
  }
}

/** A backend (Prometheus, Alertmanager, GitHub...) could not answer. Never a failed check. */
export class BackendError extends Error {
  readonly backend: string
  readonly request: string
  readonly status?: number
  /** The answer was over the response cap (limits.response-max-bytes): a smaller question may fit. */
  tooLarge?: boolean
  constructor(backend: string, request: string, message: string, status?: number) {
    super(`${backend}: ${message} (${request})`)
    this.name = 'BackendError'
    this.backend = backend
    this.request = request
    this.status = status
  }
}

/** Whether a smaller question may get an answer: the backend refused the query (400/422) or its answer was over the cap. */
export function smallerMayAnswer(err: unknown): boolean {
  return err instanceof BackendError && (err.status === 400 || err.status === 422 || err.tooLarge === true)
}

/** Describe a found value briefly for an error message, without dumping a whole document. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (missing)'
  if (value === null) return 'null'
  if (Array.isArray(value)) return `an array of ${value.length}`
  if (typeof value === 'object') {
    const keys = Object.keys(value as object)
    if (keys.length === 0) return 'an empty object'
    return `an object with keys ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', ...' : ''}`
  }
  if (typeof value === 'string') {
    const s = value.length > 60 ? `${value.slice(0, 57)}...` : value
    return `the string ${JSON.stringify(s)}`
  }
  return `${typeof value} ${String(value)}`
}

/** One line for an error in a report: input errors as they are, others with their kind. */
export function errorText(err: unknown): string {
  if (err instanceof InputErrors || err instanceof InputError) return err.message
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err)
}
