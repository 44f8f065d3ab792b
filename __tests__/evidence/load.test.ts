import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { EVIDENCE_FILES, loadEvidence } from '../../src/evidence/load.js'

describe('loadEvidence', () => {
  test('loads the bundled example and fingerprints each file', async () => {
    const dir = 'examples/evidence'
    const evidence = await loadEvidence(dir, { maxBytes: 1024 * 1024 })
    expect(evidence.dir).toBe(dir)
    expect(evidence.validation.release?.tag).toBe('v2.4.0')
    expect(evidence.report.release.tag).toBe('v2.4.0')
    expect(evidence.report.services.map((s) => s.name)).toEqual(['checkout', 'payments', 'catalog'])
    expect(evidence.healthLog.metrics_status).toBe('within_slo')
    expect(evidence.files.map((f) => f.path)).toEqual([...EVIDENCE_FILES])
    for (const f of evidence.files) {
      const bytes = readFileSync(path.join(dir, f.path))
      expect(f.bytes).toBe(statSync(path.join(dir, f.path)).size)
      expect(f.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    }
  })

  test('a file exactly at the limit is accepted', async () => {
    const largest = Math.max(...EVIDENCE_FILES.map((f) => statSync(path.join('examples/evidence', f)).size))
    await expect(loadEvidence('examples/evidence', { maxBytes: largest })).resolves.toBeDefined()
    await expect(loadEvidence('examples/evidence', { maxBytes: largest - 1 })).rejects.toThrow(/expected an evidence file of at most/)
  })
})
