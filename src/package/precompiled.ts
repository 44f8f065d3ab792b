import type { ValidateFunction } from 'ajv'

/**
 * The validators of schemas/, compiled at build time with ajv standalone code: scripts/bundle.mjs
 * bundles a generated module in place of this one, so the action compiles no schema at start; it
 * reads each validator (dist/validators/) on first use, so a run loads only the ones it needs.
 * Run from source this is empty and schemas.ts compiles each schema on first use.
 */
export const PRECOMPILED: Record<string, ValidateFunction> = {}
/** The same for what the run writes itself (the `own` options of ajv-options.json). */
export const PRECOMPILED_OWN: Record<string, ValidateFunction> = {}
