import { describe, expect, it } from 'vitest'
import { sortByScore, titleKeyOrder, titleKeys } from '../../src/search/order.ts'
import { createRng } from '../../tools/synth/lib.ts'

describe('sortByScore', () => {
  it('orders large sets like a comparison sort: score descending, ties by rank', () => {
    const rnd = createRng(5)
    const n = 5000
    const scores = new Float32Array(n)
    for (let d = 0; d < n; d++)
      scores[d] = Math.floor(rnd() * 300) / 7 + (rnd() < 0.3 ? 1000 : 0) // many ties, two tiers
    const rank = new Uint32Array(n)
    const order = Array.from({ length: n }, (_, d) => d).sort(() => rnd() - 0.5)
    order.forEach((d, r) => { rank[d] = r })
    const docs = Uint32Array.from(order.filter((_, i) => i % 3 !== 0)) // in rank order
    const expected = [...docs].sort((a, b) => (scores[b]! - scores[a]!) || (rank[a]! - rank[b]!))
    expect([...sortByScore(docs, docs.length, scores, rank, true)]).toEqual(expected)
    let min = Infinity
    let max = 0
    for (const d of docs) {
      min = Math.min(min, scores[d]!)
      max = Math.max(max, scores[d]!)
    }
    expect([...sortByScore(docs, docs.length, scores, rank, true, undefined, [min, max])]).toEqual(expected)
  })
})

describe('title keys', () => {
  it('order titles by their normalised start, case and diacritics aside', () => {
    const titles = ['Zebra crossing', 'apple tree', 'Äpfel', '  Čas', 'Cas 2', 'cas 10', 'Ünter', 'Београд', 'Київ']
    const order = [...titleKeyOrder(titleKeys(titles), titles.length)].map(i => titles[i])
    // Leading spaces are dropped and a shorter title sorts first; other scripts come after Latin.
    expect(order).toEqual(['Äpfel', 'apple tree', 'Београд', '  Čas', 'cas 10', 'Cas 2', 'Ünter', 'Zebra crossing', 'Київ'])
  })
})
