// The command line of the main job on the example workspace, shared by `npm run example` and the
// benchmark so both run the same job.
import { join, resolve } from 'node:path'

export const CLI = resolve(import.meta.dirname, '..', '..', 'dist', 'cli.js')

/** Arguments for `node <CLI> ...` on workspace ws, writing the package and summary under out. */
export function exampleJobArgs(ws, out, { onCallOwner = 'payments-oncall', extra = [] } = {}) {
  return [
    CLI,
    '--workspace',
    ws,
    '--evidence',
    'evidence',
    '--config',
    'sre-monitoring.yml',
    '--output',
    join(out, 'monitoring'),
    '--deliver-to',
    join(out, 'delivered'),
    '--summary-file',
    join(out, 'summary.md'),
    '--approved-by',
    'alice (SRE lead)',
    '--on-call-owner',
    onCallOwner,
    ...extra
  ]
}
