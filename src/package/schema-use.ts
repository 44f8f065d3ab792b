/**
 * What a validation is for. `input`: a file people or other tools wrote (evidence, a hook's
 * artifact, a previous package): every error, each with the failing sub-schema, so that
 * `x-expected` can say what is allowed. `own`: a file this run writes, where an error is a bug of
 * the action and the first one is enough: a validator a third smaller, quicker to load.
 */
export type SchemaUse = 'input' | 'own'
