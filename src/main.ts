import { guardCore } from './action/guarded-core.js'
import { runAction } from './action/run-action.js'
import { workflowCore as rawCore } from './action/workflow.js'
import { getSettings } from './settings/inputs.js'

/** The action: parse inputs once, run, and turn a failed gate or an error into setFailed. */
export async function run(): Promise<void> {
  const core = guardCore(rawCore)
  try {
    const settings = getSettings((name) => core.getInput(name))
    const result = await runAction(settings, rawCore)
    const failed = result.gates.filter((g) => g.status === 'fail').map((g) => `gate ${g.id} (${g.name})`)
    if (result.status === 'fail' && settings.failOn === 'gate') core.setFailed(`Protocol 12 quality gates failed: ${failed.join(', ')}`)
    else if (result.status === 'fail') core.warning(`Advisory run (fail-on: never): ${failed.join(', ')} failed`)
  } catch (err) {
    core.setFailed(err instanceof Error ? err.message : String(err))
  }
}
