/**
 * Text from evidence, config or an API shown in Markdown: escaped so it renders as the text it is,
 * and `@mentions` / `#123` references neutralised so they notify nobody.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`)
    .replace(/@(?=[A-Za-z0-9])/g, '@\u200d')
}
