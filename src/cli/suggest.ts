/** Edit distance (insertions, deletions, substitutions, adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) d[0]![j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
    }
  }
  return d[a.length]![b.length]!
}

/** The closest choice, when it is close enough to be what was meant. */
export function nearest(word: string, choices: readonly string[]): string | undefined {
  const w = word.toLowerCase()
  let best: { choice: string; distance: number } | undefined
  for (const c of choices) {
    const distance = c.startsWith(w) && w.length >= 3 ? 0.5 : editDistance(w, c.toLowerCase())
    if (!best || distance < best.distance) best = { choice: c, distance }
  }
  return best && best.distance <= Math.max(2, Math.floor(word.length / 3)) ? best.choice : undefined
}
