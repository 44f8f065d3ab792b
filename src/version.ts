/** Who wrote the package: recorded as `verified_by` in the manifest. */
export const VERSION = '1.0.0'
export const GENERATOR = `sre-monitoring-action@${VERSION}`
