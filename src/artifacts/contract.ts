// Build-time only (npm run schemas and its test): turns a zod contract into the JSON Schema that
// schemas/ holds. Run-time code never imports this module nor a contract (eslint.config.js).
import { z } from 'zod'
import type { SchemaFile } from './files.js'

/** Where the schemas of schemas/ are published: `$id` is this followed by the file name. */
export const SCHEMA_ID_BASE = 'https://github.com/org/sre-monitoring-action/schemas/'

/** One generated schema: the file in schemas/, its title and the contract it comes from. */
export interface ContractEntry {
  file: SchemaFile
  title: string
  contract: z.ZodType
  /**
   * 'output' (the default) for what the action writes: a field with a default is required.
   * 'input' for what people write (the config): such a field may be left out.
   */
  io?: 'input' | 'output'
}

/** The JSON Schema (draft 2020-12) of a contract, with `$id` and `title`. */
export function contractJsonSchema(entry: ContractEntry): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(entry.contract, { target: 'draft-2020-12', io: entry.io ?? 'output' }) as Record<
    string,
    unknown
  >
  return { $schema, $id: `${SCHEMA_ID_BASE}${entry.file}`, title: entry.title, ...schema }
}
