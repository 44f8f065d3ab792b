import { z } from 'zod'

export const gateCheckContract = z
  .strictObject({
    name: z.string(),
    status: z.enum(['pass', 'fail', 'error']),
    value: z.string().describe('The deciding value, as measured (or why none was).'),
    threshold: z.string()
  })
  .describe('One criterion behind a gate, with the value that decided it.')

export const gateResultContract = z.strictObject({
  id: z.literal([1, 2, 3, 4]),
  name: z.string(),
  status: z.enum(['pass', 'fail']),
  reasons: z.array(z.string()).describe('Why the gate failed, each naming the service, file or check. Empty on pass.'),
  errors: z.array(z.string()).describe('Backend errors among the reasons, listed apart: they are not failed checks.'),
  checks: z.array(gateCheckContract),
  evidence: z.array(z.string()).describe('The package files the gate read.')
})

export const gateResultsContract = z
  .strictObject({
    evaluated_at: z.iso.datetime({ offset: true }),
    status: z.enum(['pass', 'fail']),
    final: z.boolean().describe('false in the uploaded copy: the downstream notification check of gate 4 is decided after the upload.'),
    gates: z.array(gateResultContract).length(4)
  })
  .describe('The four Protocol 12 quality gates with their deciding values.')

export type GateCheck = z.infer<typeof gateCheckContract>
export type GateResult = z.infer<typeof gateResultContract>
export type GateResults = z.infer<typeof gateResultsContract>
