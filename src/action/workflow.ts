import { randomUUID } from 'node:crypto'
import { appendFileSync, constants, existsSync } from 'node:fs'
import { access, appendFile, writeFile } from 'node:fs/promises'
import { EOL } from 'node:os'

/**
 * The runner's side of an action, as the action uses it: inputs from INPUT_<NAME>, outputs to
 * $GITHUB_OUTPUT, the job summary to $GITHUB_STEP_SUMMARY, and `::command::` lines on stdout.
 * @actions/core offers the same calls (and satisfies this interface), but it loads an HTTP client
 * at start; this module does what those calls do, byte for byte, with Node's own modules.
 */
export interface ActionsCore {
  getInput(name: string): string
  setOutput(name: string, value: unknown): void
  setFailed(message: string | Error): void
  setSecret(secret: string): void
  info(message: string): void
  debug(message: string): void
  notice(message: string | Error, properties?: AnnotationProperties): void
  warning(message: string | Error, properties?: AnnotationProperties): void
  error(message: string | Error, properties?: AnnotationProperties): void
  summary: JobSummary
}

export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

export interface JobSummary {
  addRaw(text: string, addEOL?: boolean): JobSummary
  stringify(): string
  emptyBuffer(): JobSummary
  write(options?: { overwrite?: boolean }): Promise<JobSummary>
}

/** A value as a command carries it: strings as they are, anything else as JSON, nothing as ''. */
function toCommandValue(input: unknown): string {
  if (input === null || input === undefined) return ''
  if (typeof input === 'string' || input instanceof String) return String(input)
  return JSON.stringify(input)
}

/** The escaping of a command's message (the runner decodes it back). */
function escapeData(s: unknown): string {
  return toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** The escaping of a command's property value: also `:` and `,`, which separate properties. */
function escapeProperty(s: unknown): string {
  return toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** `::name key=value,...::message`, as the runner reads workflow commands. */
function commandLine(command: string, properties: Record<string, unknown>, message: unknown): string {
  let line = `::${command}`
  const props = Object.entries(properties)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
  if (Object.keys(properties).length > 0) line += ` ${props.join(',')}`
  return `${line}::${escapeData(message)}`
}

function issueCommand(command: string, properties: Record<string, unknown>, message: unknown): void {
  process.stdout.write(commandLine(command, properties, message) + EOL)
}

function annotationProperties(p: AnnotationProperties): Record<string, unknown> {
  if (!Object.keys(p).length) return {}
  return { title: p.title, file: p.file, line: p.startLine, endLine: p.endLine, col: p.startColumn, endColumn: p.endColumn }
}

const messageOf = (m: string | Error): string => (m instanceof Error ? m.toString() : m)

/** One output as a $GITHUB_OUTPUT entry: `name<<delimiter`, the value, the delimiter. */
function keyValueMessage(key: string, value: unknown, delimiter = `ghadelimiter_${randomUUID()}`): string {
  const converted = toCommandValue(value)
  if (key.includes(delimiter)) throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`)
  if (converted.includes(delimiter)) throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`)
  return `${key}<<${delimiter}${EOL}${converted}${EOL}${delimiter}`
}

class Summary implements JobSummary {
  private buffer = ''
  private filePath?: string
  addRaw(text: string, addEOL = false): JobSummary {
    this.buffer += text
    if (addEOL) this.buffer += EOL
    return this
  }
  stringify(): string {
    return this.buffer
  }
  emptyBuffer(): JobSummary {
    this.buffer = ''
    return this
  }
  async write(options?: { overwrite?: boolean }): Promise<JobSummary> {
    const file = await this.file()
    await (options?.overwrite ? writeFile : appendFile)(file, this.buffer, { encoding: 'utf8' })
    return this.emptyBuffer()
  }
  private async file(): Promise<string> {
    if (this.filePath) return this.filePath
    const fromEnv = process.env.GITHUB_STEP_SUMMARY
    if (!fromEnv)
      throw new Error(
        'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.'
      )
    try {
      await access(fromEnv, constants.R_OK | constants.W_OK)
    } catch {
      throw new Error(`Unable to access summary file: '${fromEnv}'. Check if the file has correct read/write permissions.`)
    }
    this.filePath = fromEnv
    return fromEnv
  }
}

/** The runner's side, read from and written to this process's environment and stdout. */
export const workflowCore: ActionsCore = {
  getInput: (name) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim(),
  setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT || ''
    if (file) {
      if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`)
      appendFileSync(file, `${keyValueMessage(name, value)}${EOL}`, { encoding: 'utf8' })
      return
    }
    process.stdout.write(EOL)
    issueCommand('set-output', { name }, toCommandValue(value))
  },
  setFailed(message) {
    process.exitCode = 1
    workflowCore.error(message)
  },
  setSecret: (secret) => issueCommand('add-mask', {}, secret),
  info: (message) => void process.stdout.write(message + EOL),
  debug: (message) => issueCommand('debug', {}, message),
  notice: (message, properties = {}) => issueCommand('notice', annotationProperties(properties), messageOf(message)),
  warning: (message, properties = {}) => issueCommand('warning', annotationProperties(properties), messageOf(message)),
  error: (message, properties = {}) => issueCommand('error', annotationProperties(properties), messageOf(message)),
  summary: new Summary()
}
