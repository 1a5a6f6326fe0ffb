/**
 * Look-ups in one segment's term dictionary (terms sorted by UTF-8 bytes): exact terms, prefix ranges,
 * and the terms at Damerau–Levenshtein distance 1 from a query word (typo tolerance).
 *
 * Typo candidates: one edit (substitution, insertion, deletion or transposition of neighbours) touches at most
 * two adjacent positions of the query word, so a word of length L within distance 1 keeps either its first
 * a = ⌊(L−1)/2⌋ characters or its last b = L−1−a characters. The candidates are the dictionary's prefix range
 * for the first a characters plus its suffix range (through the reversed-order table) for the last b, filtered
 * by length (±1) and checked exactly. At 100,000 practices that is a few hundred checks per segment instead of a
 * scan of the whole vocabulary. It works on bytes, so it is limited to ASCII words (every Latin-script word
 * after normalisation, Serbian Cyrillic included); words in other scripts get exact and prefix matching only.
 */
import { compareBytes } from './bytes.ts'
import type { SegmentData } from './segment.ts'

/** Compares the term at rank t with `key` over at most key's length: 0 when the term starts with key. */
function comparePrefix(seg: SegmentData, t: number, key: Uint8Array, keyLen: number): number {
  const bytes = seg.termBytes
  const start = seg.termOffsets[t]!
  const len = seg.termOffsets[t + 1]! - start
  const n = len < keyLen ? len : keyLen
  for (let i = 0; i < n; i++) {
    const d = bytes[start + i]! - key[i]!
    if (d !== 0)
      return d
  }
  return len < keyLen ? -1 : 0
}

/** Like comparePrefix for the term at reversed rank r read backwards against an already reversed key. */
function compareSuffix(seg: SegmentData, r: number, revKey: Uint8Array, keyLen: number): number {
  const t = seg.reversed[r]!
  const bytes = seg.termBytes
  const end = seg.termOffsets[t + 1]! - 1
  const len = end + 1 - seg.termOffsets[t]!
  const n = len < keyLen ? len : keyLen
  for (let i = 0; i < n; i++) {
    const d = bytes[end - i]! - revKey[i]!
    if (d !== 0)
      return d
  }
  return len < keyLen ? -1 : 0
}

/** Ranks [lo, hi) of the terms starting with key[0..keyLen). */
export function prefixRange(seg: SegmentData, key: Uint8Array, keyLen = key.length): [number, number] {
  let lo = 0
  let hi = seg.termCount
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (comparePrefix(seg, mid, key, keyLen) < 0)
      lo = mid + 1
    else
      hi = mid
  }
  const first = lo
  hi = seg.termCount
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (comparePrefix(seg, mid, key, keyLen) <= 0)
      lo = mid + 1
    else
      hi = mid
  }
  return [first, lo]
}

/** Positions [lo, hi) in the reversed-order table of the terms ending with the reverse of revKey[0..keyLen). */
export function suffixRange(seg: SegmentData, revKey: Uint8Array, keyLen = revKey.length): [number, number] {
  let lo = 0
  let hi = seg.termCount
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (compareSuffix(seg, mid, revKey, keyLen) < 0)
      lo = mid + 1
    else
      hi = mid
  }
  const first = lo
  hi = seg.termCount
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (compareSuffix(seg, mid, revKey, keyLen) <= 0)
      lo = mid + 1
    else
      hi = mid
  }
  return [first, lo]
}

/** Rank of the term equal to key, or −1. */
export function findExact(seg: SegmentData, key: Uint8Array): number {
  const [lo, hi] = prefixRange(seg, key)
  // The shortest term of a prefix range comes first; it is the key itself when present.
  return lo < hi && seg.termOffsets[lo + 1]! - seg.termOffsets[lo]! === key.length ? lo : -1
}

/** bytes[ts + ti ..] equals q[qi ..] (to the ends of both, which must be equally far). */
function restEqual(bytes: Uint8Array, ts: number, tl: number, ti: number, q: Uint8Array, qi: number): boolean {
  if (q.length - qi !== tl - ti)
    return false
  for (; qi < q.length; qi++, ti++) {
    if (bytes[ts + ti] !== q[qi])
      return false
  }
  return true
}

/** True when the term at rank t is at Damerau–Levenshtein distance exactly 1 from q. */
export function isOneEdit(seg: SegmentData, t: number, q: Uint8Array): boolean {
  const bytes = seg.termBytes
  const ts = seg.termOffsets[t]!
  const tl = seg.termOffsets[t + 1]! - ts
  const ql = q.length
  if (tl > ql + 1 || ql > tl + 1)
    return false
  let i = 0
  const n = tl < ql ? tl : ql
  while (i < n && bytes[ts + i] === q[i])
    i++
  if (i === n)
    return tl !== ql // equal up to the shorter length: one extra character at the end, or identical
  if (tl === ql) {
    if (restEqual(bytes, ts, tl, i + 1, q, i + 1))
      return true // substitution
    return i + 1 < ql && bytes[ts + i] === q[i + 1] && bytes[ts + i + 1] === q[i] && restEqual(bytes, ts, tl, i + 2, q, i + 2) // transposition
  }
  if (ql === tl + 1)
    return restEqual(bytes, ts, tl, i, q, i + 1) // the query has an extra character
  return restEqual(bytes, ts, tl, i + 1, q, i) // the term has an extra character
}

/** Ranks of the terms at distance exactly 1 from the ASCII word q (length ≥ 2), deduplicated. */
export function oneEditTerms(seg: SegmentData, q: Uint8Array, qReversed: Uint8Array): number[] {
  const out: number[] = []
  const L = q.length
  const a = (L - 1) >> 1
  const b = L - 1 - a
  const [plo, phi] = prefixRange(seg, q, a)
  for (let t = plo; t < phi; t++) {
    const len = seg.termOffsets[t + 1]! - seg.termOffsets[t]!
    if (len >= L - 1 && len <= L + 1 && isOneEdit(seg, t, q))
      out.push(t)
  }
  const [slo, shi] = suffixRange(seg, qReversed, b)
  for (let r = slo; r < shi; r++) {
    const t = seg.reversed[r]!
    if (t >= plo && t < phi)
      continue // already considered as a prefix candidate
    const len = seg.termOffsets[t + 1]! - seg.termOffsets[t]!
    if (len >= L - 1 && len <= L + 1 && isOneEdit(seg, t, q))
      out.push(t)
  }
  return out
}

/** Index of the prefix list for exactly `key`, or −1 (see the prefix lists in segment.ts). */
export function findPrefixList(seg: SegmentData, key: Uint8Array): number {
  let lo = 0
  let hi = seg.prefixCount
  const bytes = seg.prefixBytes
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const start = seg.prefixOffsets[mid]!
    const c = compareBytes(bytes, start, seg.prefixOffsets[mid + 1]!, key, 0, key.length)
    if (c === 0)
      return mid
    if (c < 0)
      lo = mid + 1
    else
      hi = mid
  }
  return -1
}
