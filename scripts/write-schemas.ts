// Writes the JSON Schemas that are generated from the zod contracts into schemas/.
// `npm run schemas` after changing a contract; the tests fail while schemas/ differs.
import { writeFileSync } from 'node:fs'
import { GENERATED_SCHEMAS } from '../src/schemas/generated.js'

for (const [file, schema] of Object.entries(GENERATED_SCHEMAS)) {
  writeFileSync(file, JSON.stringify(schema(), null, 2) + '\n')
  console.log(`wrote ${file}`)
}
