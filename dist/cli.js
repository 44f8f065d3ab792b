#!/usr/bin/env node
// Command-line entry of sre-monitoring-action: the same bundle as the action.
globalThis.__SRE_MONITORING_CLI__ = true
await import('./index.js')
