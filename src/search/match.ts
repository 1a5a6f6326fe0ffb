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
import { compareBytes } from './bytes'
import type { SegmentData } from './segment'

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

/**
 * A segment's dictionary prepared for look-ups: per term its first four bytes as one big-endian number (and per
 * reversed-order position its last four, reversed), so that binary searches compare numbers and touch one small
 * array; bytes are compared only within a run of terms sharing four bytes. Built on a segment's first look-up.
 */
export interface Dictionary {
  seg: SegmentData
  head: Uint32Array
  revHead: Uint32Array
}

export function dictionary(seg: SegmentData): Dictionary {
  const n = seg.termCount
  const off = seg.termOffsets
  const b = seg.termBytes
  const head = new Uint32Array(n)
  const revHead = new Uint32Array(n)
  for (let t = 0; t < n; t++) {
    const a = off[t]!
    const len = off[t + 1]! - a
    head[t] = ((b[a]! << 24) | ((len > 1 ? b[a + 1]! : 0) << 16) | ((len > 2 ? b[a + 2]! : 0) << 8) | (len > 3 ? b[a + 3]! : 0)) >>> 0
  }
  for (let r = 0; r < n; r++) {
    const t = seg.reversed[r]!
    const e = off[t + 1]!
    const len = e - off[t]!
    revHead[r] = ((b[e - 1]! << 24) | ((len > 1 ? b[e - 2]! : 0) << 16) | ((len > 2 ? b[e - 3]! : 0) << 8) | (len > 3 ? b[e - 4]! : 0)) >>> 0
  }
  return { seg, head, revHead }
}

/** key[0..min(4, keyLen)) as a big-endian number, missing bytes as `fill`. */
function pack(key: Uint8Array, keyLen: number, fill: number): number {
  let v = 0
  for (let i = 0; i < 4; i++)
    v = v * 256 + (i < keyLen ? key[i]! : fill)
  return v
}

/**
 * First index in [lo, hi) whose value is ≥ x. The values are integers, so the first one > x is the first one
 * ≥ x + 1.
 */
function bound(values: Uint32Array, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (values[mid]! < x)
      lo = mid + 1
    else
      hi = mid
  }
  return lo
}

/** Within [lo, hi), the run of ranks where `compare` is 0 (it is negative before the run, positive after). */
function equalRange(lo: number, hi: number, compare: (rank: number) => number): [number, number] {
  const end = hi
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (compare(mid) < 0)
      lo = mid + 1
    else
      hi = mid
  }
  const first = lo
  hi = end
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (compare(mid) <= 0)
      lo = mid + 1
    else
      hi = mid
  }
  return [first, lo]
}

/**
 * One order of the dictionary's entries: by leading bytes (`head`) or by trailing bytes (`revHead`, through the
 * reversed-order table), with the comparison of an entry's key past its first four bytes.
 */
interface KeyOrder {
  table: 'head' | 'revHead'
  compareRest: (seg: SegmentData, rank: number, key: Uint8Array, keyLen: number) => number
}

const BY_PREFIX: KeyOrder = { table: 'head', compareRest: comparePrefix }
const BY_SUFFIX: KeyOrder = { table: 'revHead', compareRest: compareSuffix }

/**
 * The run of dictionary entries, in `order`, whose key starts with key[0..keyLen): found on the packed table
 * (the keys' leading bytes as integers), then, past four bytes, by `compareRest`.
 */
function keyRange(dict: Dictionary, order: KeyOrder, key: Uint8Array, keyLen: number): [number, number] {
  const table = dict[order.table]
  const count = dict.seg.termCount
  const lo = bound(table, pack(key, keyLen, 0), 0, count)
  const hi = bound(table, pack(key, keyLen, 0xff) + 1, lo, count)
  const compareRest = order.compareRest
  return keyLen <= 4 ? [lo, hi] : equalRange(lo, hi, rank => compareRest(dict.seg, rank, key, keyLen))
}

/** Ranks [lo, hi) of the terms starting with key[0..keyLen). */
export function prefixRange(dict: Dictionary, key: Uint8Array, keyLen = key.length): [number, number] {
  return keyRange(dict, BY_PREFIX, key, keyLen)
}

/** Positions [lo, hi) in the reversed-order table of the terms ending with the reverse of revKey[0..keyLen). */
function suffixRange(dict: Dictionary, revKey: Uint8Array, keyLen = revKey.length): [number, number] {
  return keyRange(dict, BY_SUFFIX, revKey, keyLen)
}

/** Rank of the term equal to key, or −1; with its prefix range when the caller needs that too. */
export function findExact(dict: Dictionary, key: Uint8Array, range: [number, number] = prefixRange(dict, key)): number {
  const [lo, hi] = range
  const off = dict.seg.termOffsets
  // The shortest term of a prefix range comes first; it is the key itself when present.
  return lo < hi && off[lo + 1]! - off[lo]! === key.length ? lo : -1
}

/**
 * Rank of the term equal to key, or −1, without building its prefix range: for the many exact look-ups of a
 * query's word forms. The first term whose packed head is key's is the shortest with that head; past four
 * bytes, the run of equal heads is searched by bytes.
 */
export function findTerm(dict: Dictionary, key: Uint8Array): number {
  const seg = dict.seg
  const count = seg.termCount
  const off = seg.termOffsets
  const head = pack(key, key.length, 0)
  let lo = bound(dict.head, head, 0, count)
  if (key.length > 4) {
    let hi = bound(dict.head, head + 1, lo, count)
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (compareWhole(seg, mid, key) < 0)
        lo = mid + 1
      else
        hi = mid
    }
  }
  return lo < count && off[lo + 1]! - off[lo]! === key.length && compareWhole(seg, lo, key) === 0 ? lo : -1
}

/** Compares the term at rank t with key as byte strings (memcmp order, shorter first on a tie). */
function compareWhole(seg: SegmentData, t: number, key: Uint8Array): number {
  const start = seg.termOffsets[t]!
  return compareBytes(seg.termBytes, start, seg.termOffsets[t + 1]!, key, 0, key.length)
}

/**
 * bytes[from ..] equals q[qi ..], over the rest of q. The caller has checked that the term's rest is as long:
 * isOneEdit compares rests of equal length only.
 */
function restEqual(bytes: Uint8Array, from: number, q: Uint8Array, qi: number): boolean {
  for (let k = from - qi; qi < q.length; qi++) {
    if (bytes[k + qi] !== q[qi])
      return false
  }
  return true
}

/** True when the term at rank t is at Damerau–Levenshtein distance exactly 1 from q. */
function isOneEdit(seg: SegmentData, t: number, q: Uint8Array): boolean {
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
    if (restEqual(bytes, ts + i + 1, q, i + 1))
      return true // substitution
    return i + 1 < ql && bytes[ts + i] === q[i + 1] && bytes[ts + i + 1] === q[i] && restEqual(bytes, ts + i + 2, q, i + 2) // transposition
  }
  // The lengths differ by one (checked above), so the rests after the extra character are equally long.
  if (ql === tl + 1)
    return restEqual(bytes, ts + i, q, i + 1) // the query has an extra character
  return restEqual(bytes, ts + i + 1, q, i) // the term has an extra character
}

/** A query word's bytes, forwards and reversed, for typo look-ups. */
export interface WordKey {
  key: Uint8Array
  reversedKey: Uint8Array
}

/**
 * Ranks of the terms at distance exactly 1 from the ASCII word (length ≥ 2), deduplicated, leaving out those in
 * [skipLo, skipHi) (the prefix range, already matched better).
 */
export function oneEditTerms(dict: Dictionary, word: WordKey, skipLo = 0, skipHi = 0): number[] {
  const { key: q, reversedKey: qReversed } = word
  const seg = dict.seg
  const out: number[] = []
  const L = q.length
  const a = (L - 1) >> 1
  const b = L - 1 - a
  const [plo, phi] = prefixRange(dict, q, a)
  for (let t = plo; t < phi; t++) {
    const len = seg.termOffsets[t + 1]! - seg.termOffsets[t]!
    if (len >= L - 1 && len <= L + 1 && (t < skipLo || t >= skipHi) && isOneEdit(seg, t, q))
      out.push(t)
  }
  const [slo, shi] = suffixRange(dict, qReversed, b)
  for (let r = slo; r < shi; r++) {
    const t = seg.reversed[r]!
    if ((t >= plo && t < phi) || (t >= skipLo && t < skipHi) || seg.termBytes[seg.termOffsets[t]!]! < 0x20)
      continue // already considered as a prefix candidate, or a prefix match, or a form or value term (segment.ts)
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

/**
 * Appends to `out` the ranks of the words a form (a FORM_MARK term, segment.ts) comes from: in place of
 * postings, a form holds them as varint gaps.
 */
export function formSources(seg: SegmentData, t: number, out: number[]): void {
  const b = seg.postings
  let rank = -1
  for (let p = seg.postOffsets[t]!, end = seg.postOffsets[t + 1]!; p < end;) {
    let v = 0
    let shift = 0
    let x: number
    do {
      x = b[p++]!
      v |= (x & 0x7f) << shift
      shift += 7
    } while (x & 0x80)
    rank += v + 1
    out.push(rank)
  }
}
