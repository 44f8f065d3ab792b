import { CORE_SCHEMA, load } from 'js-yaml'

/**
 * An anchor or alias (`&a`, `*a`), a tag (`!x`, `!!str`), a directive (`%YAML`) or an explicit key
 * (`? k`) anywhere in the text, even inside a quoted string: such text takes the full parser, which
 * bounds alias expansion, reports tags and speaks YAML 1.2 exactly. A false hit (`x *2` in an
 * expression) only costs speed.
 */
const NEEDS_FULL_PARSER = /(?:^|[\s[\]{},])(?:[&*][^\s[\]{},]|!(?:[!\w<])|%|\?\s)/

/**
 * Plain YAML (maps, lists and scalars, one document) read with js-yaml's core schema, about five
 * times faster than the full parser and with the same data. Undefined when the text needs the full
 * parser or js-yaml refuses it (a duplicate key, bad indentation): the full parser then reads it
 * and its error names the line.
 */
export function readPlainYaml(text: string): { value: unknown } | undefined {
  if (NEEDS_FULL_PARSER.test(text)) return undefined
  try {
    return { value: load(text, { schema: CORE_SCHEMA }) }
  } catch {
    return undefined
  }
}
