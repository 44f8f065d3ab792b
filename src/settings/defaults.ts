/**
 * The default of every action input, written once: action.yml must say the same (a test checks
 * every input and its `default:`), getSettings fills an unset input from here, and the command
 * line's options take theirs from here. Plain data with no imports: it is on the cold-start path.
 */
export const INPUT_DEFAULTS = {
  'evidence-path': '.artifacts/deployment',
  'evidence-artifact': '',
  'evidence-run-id': '',
  config: '.github/sre-monitoring.yml',
  'output-dir': '.artifacts/monitoring',
  mode: 'post-deploy',
  'package-artifact': 'monitoring-package',
  'retention-days': '',
  // An expression only the runner evaluates: outside it (tests, a missing input) there is no token.
  'github-token': '${{ github.token }}',
  'backlog-issues': 'true',
  'alert-tests': 'true',
  'fail-on': 'gate',
  'approved-by': '',
  'on-call-owner': ''
} as const

export type InputName = keyof typeof INPUT_DEFAULTS

/** The value an unset input takes when the runner has not filled it: the default, or '' for an expression. */
export function inputDefault(name: string): string {
  const value: string | undefined = (INPUT_DEFAULTS as Record<string, string>)[name]
  return value === undefined || value.startsWith('${{') ? '' : value
}
