// Builds dist/ from src/ with ncc: the action (dist/index.js) and the command line (dist/cli/index.js).
// Heavy clients are dynamic imports, so ncc puts them in chunks loaded only when used.
import { execFileSync } from 'node:child_process'
import { chmodSync, rmSync } from 'node:fs'

rmSync('dist', { recursive: true, force: true })
const ncc = (entry, out) =>
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--target', 'es2022', '--license', 'licenses.txt', '--quiet'], { stdio: 'inherit' })
ncc('src/index.ts', 'dist')
ncc('src/cli.ts', 'dist/cli')
chmodSync('dist/cli/index.js', 0o755)
