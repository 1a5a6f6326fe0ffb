import { describe, expect, it } from 'vitest'
import { sortByScore, titleKeyOrder, titleKeys } from '../../src/search/order'
import { createRng } from '../../tools/synth/lib'

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
    expect([...sortByScore(docs, { scores, rank, inRankOrder: true })]).toEqual(expected)
    let min = Infinity
    let max = 0
    for (const d of docs) {
      min = Math.min(min, scores[d]!)
      max = Math.max(max, scores[d]!)
    }
    expect([...sortByScore(docs, { scores, rank, inRankOrder: true, range: [min, max] })]).toEqual(expected)
  })
})

describe('title keys', () => {
  it('order titles by their normalised start, case and diacritics aside', () => {
    const titles = ['Zebra crossing', 'apple tree', 'Äpfel', '  Čas', 'Cas 2', 'cas 10', 'Ünter', 'Београд', 'Київ']
    const order = [...titleKeyOrder(titleKeys(titles), titles.length)].map(i => titles[i])
    // Leading spaces are dropped and a shorter title sorts first; other scripts come after Latin.
    expect(order).toEqual(['Äpfel', 'apple tree', 'Београд', '  Čas', 'cas 10', 'Cas 2', 'Ünter', 'Zebra crossing', 'Київ'])
  })

  it('give the same order from the comparison sort of small sets and the radix sort of large ones', () => {
    const rnd = createRng(9)
    const words = ['Inter', 'cultural', 'Città', 'Ville', 'Град', 'anti', 'rumour', 'Öffentlich', 'école', 'Київ']
    const title = (): string => Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => words[Math.floor(rnd() * words.length)]).join(' ')
    const titles = Array.from({ length: 6000 }, title) // many exact duplicates: ties go by number
    const keys = titleKeys(titles)
    const byKeys = (a: number, b: number): number => {
      for (let w = 0; w < keys.length / titles.length; w++) {
        const d = keys[a * (keys.length / titles.length) + w]! - keys[b * (keys.length / titles.length) + w]!
        if (d !== 0)
          return d
      }
      return a - b
    }
    const expected = Array.from({ length: titles.length }, (_, i) => i).sort(byKeys)
    expect([...titleKeyOrder(keys, titles.length)]).toEqual(expected) // radix
    const small = titles.slice(0, 300)
    expect([...titleKeyOrder(titleKeys(small), small.length)]).toEqual(expected.filter(i => i < 300)) // comparison
  })
})
