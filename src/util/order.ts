/**
 * Text in code-unit order: the same on every runner whatever its locale, and without the ICU
 * collator that `localeCompare` starts on its first call (about 9 ms of a cold start).
 */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
