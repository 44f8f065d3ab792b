// Builds dist/ from src/ with ncc in one pass: dist/index.js is the action and, behind the small
// dist/cli.js, the command line. Heavy clients are dynamic imports, so ncc puts them in chunks
// that load only when used.
import { execFileSync } from 'node:child_process'
import { chmodSync, rmSync, writeFileSync } from 'node:fs'

rmSync('dist', { recursive: true, force: true })
execFileSync('npx', ['ncc', 'build', 'src/index.ts', '-o', 'dist', '--target', 'es2022', '--license', 'licenses.txt', '--quiet'], { stdio: 'inherit' })
writeFileSync(
  'dist/cli.js',
  '#!/usr/bin/env node\n// Command-line entry of sre-monitoring-action: the same bundle as the action.\nglobalThis.__SRE_MONITORING_CLI__ = true\nawait import(\'./index.js\')\n'
)
chmodSync('dist/cli.js', 0o755)
