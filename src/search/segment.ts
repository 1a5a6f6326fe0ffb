/**
 * Index segments: one compact binary file per feed shard, built by tools/build-feed (or by the app when a
 * feed ships none) and opened together by openIndex. A segment holds everything the engine needs without
 * the practice records: per practice its id, title (for collation), facet values and sort keys, and the
 * inverted index of title, summary and body (translations included, each in its field).
 *
 * Format, version 1. Little-endian; every section starts on a 4-byte boundary so it can be viewed in place
 * as a typed array.
 *
 *   header (32 bytes)  "ICCX" · u16 version · u16 section count · u32 total bytes · u32 checksum of the
 *                      bytes after the first 16 · u32 docs · u32 terms · u32 body words (BM25 stats) · u32 0
 *   section table      per section: u32 offset · u32 byte length (order: the Section enum below)
 *   strings            ids and titles: u32 offsets in UTF-16 units + UTF-8 bytes; facet value strings
 *                      (countries, cities, languages, topics, counted in VALUE_KINDS) the same way
 *   doc columns        u16 per doc: country, city (0xffff = none), start year, end year (0 = none), flags
 *                      (bit 0 = ongoing), body words; u32 id hash; topics and languages as CSR (u32 offsets
 *                      + u16 value indexes); a 16-byte title sort key (order.ts, for the newest order's ties)
 *   dictionary         terms sorted by UTF-8 bytes (u32 offsets + bytes), u32 postings offsets, u16 document
 *                      frequency, u32 term order by reversed bytes (suffix look-ups for typo tolerance)
 *   postings           per term, per doc ascending: varint((docGap - 1) << 1 | hasFlags) then, if hasFlags,
 *                      one byte: bit 7 in title, bit 6 in summary, bits 0-5 body count (capped at 63); without
 *                      it the word is in the body once — the most common case, so it costs no byte
 *   prefix lists       for short prefixes (2–6 bytes) shared by many frequent words, the merged postings of
 *                      every longer word with that prefix (same encoding, flags or-ed, body counts summed):
 *                      while typing "int", a query reads one list of ≤ 1 entry per doc instead of the 300
 *                      lists of "intercultural", "integration" …; kept only where that saves at least a third
 *                      of the work (about half as many postings again in all, a fifth of the segment).
 *                      Sorted prefixes (u32 offsets + bytes), u32 list offsets, u16 document frequency.
 */
import type { Practice } from '../catalogue/schema.ts'
import { checksum32, compareBytes, createWriter, fromUtf8, hashString, utf8 } from './bytes.ts'
import { forEachWord, isIndexed } from './tokenize.ts'
import { normalize } from './normalize.ts'
import { TITLE_KEY_WORDS, titleKeys } from './order.ts'

export const SEGMENT_VERSION = 1
const MAGIC = [0x49, 0x43, 0x43, 0x58] // "ICCX"
const HEADER_BYTES = 32
/** Doc ids within a segment are 16-bit; a shard must be smaller than this. */
export const MAX_SEGMENT_DOCS = 0xffff
export const NO_VALUE = 0xffff

export const FLAG_TITLE = 0x80
export const FLAG_SUMMARY = 0x40
export const BODY_TF_MASK = 0x3f

const enum Section {
  IdOffsets, IdBytes, TitleOffsets, TitleBytes, ValueOffsets, ValueBytes, ValueKinds,
  Columns, IdHash, TopicOffsets, TopicValues, LangOffsets, LangValues,
  TermOffsets, TermBytes, PostOffsets, Postings, Df, Reversed,
  PrefixOffsets, PrefixBytes, PrefixPostOffsets, PrefixPostings, PrefixDf, TitleKeys,
  Count,
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

function assertLittleEndian(): void {
  if (!LITTLE_ENDIAN)
    throw new Error('Search index segments need a little-endian platform')
}

/** A segment opened for reading: views into its bytes plus the few strings decoded eagerly. */
export interface SegmentData {
  docCount: number
  termCount: number
  bodyWords: number
  ids: string[]
  titleOffsets: Uint32Array
  titleBytes: Uint8Array
  countries: string[]
  cities: string[]
  languages: string[]
  topics: string[]
  country: Uint16Array
  city: Uint16Array
  yearStart: Uint16Array
  yearEnd: Uint16Array
  flags: Uint16Array
  bodyLen: Uint16Array
  idHash: Uint32Array
  topicOffsets: Uint32Array
  topicValues: Uint16Array
  langOffsets: Uint32Array
  langValues: Uint16Array
  termOffsets: Uint32Array
  termBytes: Uint8Array
  postOffsets: Uint32Array
  postings: Uint8Array
  df: Uint16Array
  reversed: Uint32Array
  prefixCount: number
  prefixOffsets: Uint32Array
  prefixBytes: Uint8Array
  prefixPostOffsets: Uint32Array
  prefixPostings: Uint8Array
  prefixDf: Uint16Array
  /** TITLE_KEY_WORDS words per doc (order.ts). */
  titleKeys: Uint32Array
}

/** Prefix lists exist for prefixes of these lengths (in UTF-8 bytes). */
export const PREFIX_MIN_BYTES = 2
export const PREFIX_MAX_BYTES = 6
/** A prefix list is kept when its words' postings add up to at least this many times its own length… */
const PREFIX_GAIN = 1.5
/** …and it has at least this many documents. */
const PREFIX_MIN_DOCS = 64

// ---------------------------------------------------------------------------------------------- building

function bytesOf(a: Uint16Array | Uint32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
}

/** A string table: offsets in UTF-16 units (so the decoded blob can be sliced) and one UTF-8 blob. */
function stringTable(strings: string[]): [Uint8Array, Uint8Array] {
  const offsets = new Uint32Array(strings.length + 1)
  let at = 0
  strings.forEach((s, i) => {
    offsets[i] = at
    at += s.length
  })
  offsets[strings.length] = at
  return [bytesOf(offsets), utf8(strings.join(''))]
}

function writePostings(out: ReturnType<typeof createWriter>, docs: ArrayLike<number>, flags: ArrayLike<number>, count: number): void {
  let prev = -1
  for (let k = 0; k < count; k++) {
    const f = flags[k]!
    const gap = docs[k]! - prev - 1
    prev = docs[k]!
    if (f === 1) {
      out.varint(gap * 2)
    }
    else {
      out.varint(gap * 2 + 1)
      out.u8(f)
    }
  }
}

/** Sorted distinct values and a lookup from value to index. */
function valueTable(values: Iterable<string>): { list: string[], index: Map<string, number> } {
  const list = [...new Set(values)].sort()
  return { list, index: new Map(list.map((v, i) => [v, i])) }
}

function languagesOf(p: Practice): string[] {
  return [...new Set([p.language, ...Object.keys(p.translations ?? {})])]
}

/**
 * Builds one segment from a shard's practices (at most 65,535). Deterministic: the same practices in the same
 * order give the same bytes. Accepts records validated by checkPractice; it does not validate them again.
 */
export function buildSegment(practices: Practice[]): Uint8Array {
  assertLittleEndian()
  const n = practices.length
  if (n > MAX_SEGMENT_DOCS)
    throw new Error(`A search index segment holds at most ${MAX_SEGMENT_DOCS} practices, got ${n}: split the feed into more shards`)

  const countries = valueTable(practices.map(p => p.country).filter(c => c !== ''))
  const cities = valueTable(practices.map(p => p.city).filter(c => c !== ''))
  const languages = valueTable(practices.flatMap(languagesOf))
  const topics = valueTable(practices.flatMap(p => p.topics))

  const country = new Uint16Array(n)
  const city = new Uint16Array(n)
  const yearStart = new Uint16Array(n)
  const yearEnd = new Uint16Array(n)
  const flags = new Uint16Array(n)
  const bodyLen = new Uint16Array(n)
  const idHash = new Uint32Array(n)
  const topicOffsets = new Uint32Array(n + 1)
  const topicValues: number[] = []
  const langOffsets = new Uint32Array(n + 1)
  const langValues: number[] = []

  // Inverted index under construction: per term its docs and their flag bytes.
  const termIds = new Map<string, number>()
  const termList: string[] = []
  const postDocs: number[][] = []
  const postFlags: number[][] = []
  const lastDoc: number[] = []
  let bodyWords = 0

  let doc = 0
  let field: 0 | 1 | 2 = 0
  let count = 0
  const addWord = (w: string): void => {
    if (!isIndexed(w))
      return
    count++
    let t = termIds.get(w)
    if (t === undefined) {
      t = termList.length
      termIds.set(w, t)
      termList.push(w)
      postDocs.push([])
      postFlags.push([])
      lastDoc.push(-1)
    }
    const docs = postDocs[t]!
    const fl = postFlags[t]!
    if (lastDoc[t] !== doc) {
      lastDoc[t] = doc
      docs.push(doc)
      fl.push(0)
    }
    const k = fl.length - 1
    const f = fl[k]!
    if (field === 0)
      fl[k] = f | FLAG_TITLE
    else if (field === 1)
      fl[k] = f | FLAG_SUMMARY
    else if ((f & BODY_TF_MASK) < BODY_TF_MASK)
      fl[k] = f + 1
  }
  const addWords = (text: string, d: number, f: 0 | 1 | 2): number => {
    doc = d
    field = f
    count = 0
    if (text !== '')
      forEachWord(normalize(text), addWord)
    return count
  }

  practices.forEach((p, i) => {
    country[i] = p.country === '' ? NO_VALUE : countries.index.get(p.country)!
    city[i] = p.city === '' ? NO_VALUE : cities.index.get(p.city)!
    yearStart[i] = p.period.start ?? 0
    yearEnd[i] = p.period.end ?? 0
    flags[i] = p.period.ongoing ? 1 : 0
    idHash[i] = hashString(p.id)
    topicOffsets[i] = topicValues.length
    for (const t of new Set(p.topics))
      topicValues.push(topics.index.get(t)!)
    langOffsets[i] = langValues.length
    for (const l of languagesOf(p))
      langValues.push(languages.index.get(l)!)

    const texts = [{ title: p.title, summary: p.summary, body: p.body }, ...Object.values(p.translations ?? {})]
    let body = 0
    for (const t of texts) {
      addWords(t.title, i, 0)
      addWords(t.summary, i, 1)
      body += addWords(t.body, i, 2)
    }
    // The city is searchable like the summary: a practice filed under Bilbao is found by "bilbao" even when
    // its text never names the city.
    addWords(p.city, i, 1)
    bodyLen[i] = Math.min(body, 0xffff)
    bodyWords += bodyLen[i]!
  })
  topicOffsets[n] = topicValues.length
  langOffsets[n] = langValues.length

  // Dictionary in UTF-8 byte order, so that a prefix is a contiguous range found by binary search.
  const termUtf8 = termList.map(utf8)
  const order = termList.map((_, i) => i)
  order.sort((a, b) => { const x = termUtf8[a]!, y = termUtf8[b]!; return compareBytes(x, 0, x.length, y, 0, y.length) })
  const termCount = order.length
  const termOffsets = new Uint32Array(termCount + 1)
  const postOffsets = new Uint32Array(termCount + 1)
  const df = new Uint16Array(termCount)
  const termBytes = createWriter()
  const postings = createWriter(1 << 18)
  order.forEach((t, rank) => {
    termOffsets[rank] = termBytes.length()
    termBytes.bytes(termUtf8[t]!)
    postOffsets[rank] = postings.length()
    const docs = postDocs[t]!
    const fl = postFlags[t]!
    df[rank] = docs.length
    writePostings(postings, docs, fl, docs.length)
  })
  termOffsets[termCount] = termBytes.length()
  postOffsets[termCount] = postings.length()

  // Prefix lists. Terms sharing a prefix are contiguous in byte order; the term equal to the prefix (if any)
  // sorts first and is left out (a query reads it as an exact match anyway).
  const sortedUtf8 = order.map(t => termUtf8[t]!)
  const prefixes: { key: Uint8Array, docs: Uint32Array, flags: Uint8Array, count: number }[] = []
  const acc = new Uint8Array(n)
  const seen = new Uint8Array(n)
  for (let L = PREFIX_MIN_BYTES; L <= PREFIX_MAX_BYTES; L++) {
    let r = 0
    while (r < termCount) {
      const key = sortedUtf8[r]!
      if (key.length <= L || (key[L]! & 0xc0) === 0x80) {
        r++ // too short, or the prefix would split a character
        continue
      }
      let end = r + 1
      let sum = df[r]!
      while (end < termCount) {
        const other = sortedUtf8[end]!
        if (other.length <= L || compareBytes(other, 0, L, key, 0, L) !== 0)
          break
        sum += df[end]!
        end++
      }
      if (end - r >= 2 && sum >= PREFIX_GAIN * PREFIX_MIN_DOCS) {
        const touched: number[] = []
        for (let k = r; k < end; k++) {
          const t = order[k]!
          const docs = postDocs[t]!
          const fl = postFlags[t]!
          for (let j = 0; j < docs.length; j++) {
            const d = docs[j]!
            const f = fl[j]!
            if (!seen[d]) {
              seen[d] = 1
              acc[d] = 0
              touched.push(d)
            }
            const body = Math.min(BODY_TF_MASK, (acc[d]! & BODY_TF_MASK) + (f & BODY_TF_MASK))
            acc[d] = (acc[d]! & (FLAG_TITLE | FLAG_SUMMARY)) | (f & (FLAG_TITLE | FLAG_SUMMARY)) | body
          }
        }
        if (touched.length >= PREFIX_MIN_DOCS && sum >= PREFIX_GAIN * touched.length) {
          touched.sort((a, b) => a - b)
          const flags = Uint8Array.from(touched, d => acc[d]!)
          prefixes.push({ key: key.subarray(0, L), docs: Uint32Array.from(touched), flags, count: touched.length })
        }
        for (const d of touched)
          seen[d] = 0
      }
      r = end
    }
  }
  prefixes.sort((a, b) => compareBytes(a.key, 0, a.key.length, b.key, 0, b.key.length))
  const prefixOffsets = new Uint32Array(prefixes.length + 1)
  const prefixPostOffsets = new Uint32Array(prefixes.length + 1)
  const prefixDf = new Uint16Array(prefixes.length)
  const prefixBytes = createWriter(1024)
  const prefixPostings = createWriter(1 << 16)
  prefixes.forEach((p, i) => {
    prefixOffsets[i] = prefixBytes.length()
    prefixBytes.bytes(p.key)
    prefixPostOffsets[i] = prefixPostings.length()
    prefixDf[i] = p.count
    writePostings(prefixPostings, p.docs, p.flags, p.count)
  })
  prefixOffsets[prefixes.length] = prefixBytes.length()
  prefixPostOffsets[prefixes.length] = prefixPostings.length()

  // Term ranks sorted by their bytes read backwards: terms sharing a suffix are contiguous.
  const reversedKeys = sortedUtf8.map(b => b.slice().reverse())
  const reversed = new Uint32Array(termCount)
  const rev = Array.from({ length: termCount }, (_, i) => i)
  rev.sort((a, b) => { const x = reversedKeys[a]!, y = reversedKeys[b]!; return compareBytes(x, 0, x.length, y, 0, y.length) })
  rev.forEach((r, i) => { reversed[i] = r })

  const valueStrings = [...countries.list, ...cities.list, ...languages.list, ...topics.list]
  const columns = new Uint16Array(n * 6)
  columns.set(country, 0)
  columns.set(city, n)
  columns.set(yearStart, 2 * n)
  columns.set(yearEnd, 3 * n)
  columns.set(flags, 4 * n)
  columns.set(bodyLen, 5 * n)

  const sections: Uint8Array[] = []
  ;[sections[Section.IdOffsets], sections[Section.IdBytes]] = stringTable(practices.map(p => p.id))
  ;[sections[Section.TitleOffsets], sections[Section.TitleBytes]] = stringTable(practices.map(p => p.title))
  ;[sections[Section.ValueOffsets], sections[Section.ValueBytes]] = stringTable(valueStrings)
  sections[Section.ValueKinds] = bytesOf(new Uint32Array([countries.list.length, cities.list.length, languages.list.length, topics.list.length]))
  sections[Section.Columns] = bytesOf(columns)
  sections[Section.IdHash] = bytesOf(idHash)
  sections[Section.TopicOffsets] = bytesOf(topicOffsets)
  sections[Section.TopicValues] = bytesOf(Uint16Array.from(topicValues))
  sections[Section.LangOffsets] = bytesOf(langOffsets)
  sections[Section.LangValues] = bytesOf(Uint16Array.from(langValues))
  sections[Section.TermOffsets] = bytesOf(termOffsets)
  sections[Section.TermBytes] = termBytes.view()
  sections[Section.PostOffsets] = bytesOf(postOffsets)
  sections[Section.Postings] = postings.view()
  sections[Section.Df] = bytesOf(df)
  sections[Section.Reversed] = bytesOf(reversed)
  sections[Section.PrefixOffsets] = bytesOf(prefixOffsets)
  sections[Section.PrefixBytes] = prefixBytes.view()
  sections[Section.PrefixPostOffsets] = bytesOf(prefixPostOffsets)
  sections[Section.PrefixPostings] = prefixPostings.view()
  sections[Section.PrefixDf] = bytesOf(prefixDf)
  sections[Section.TitleKeys] = bytesOf(titleKeys(practices.map(p => p.title)))

  const out = createWriter(HEADER_BYTES + 8 * Section.Count + sections.reduce((s, b) => s + b.length + 3, 0))
  for (let i = 0; i < HEADER_BYTES + 8 * Section.Count; i++)
    out.u8(0)
  const table: number[] = []
  for (const s of sections) {
    out.align4()
    table.push(out.length(), s.length)
    out.bytes(s)
  }
  out.align4()
  const bytes = out.view().slice()
  const view = new DataView(bytes.buffer)
  MAGIC.forEach((b, i) => view.setUint8(i, b))
  view.setUint16(4, SEGMENT_VERSION, true)
  view.setUint16(6, Section.Count, true)
  view.setUint32(8, bytes.length, true)
  view.setUint32(16, n, true)
  view.setUint32(20, termCount, true)
  view.setUint32(24, bodyWords, true)
  table.forEach((v, i) => view.setUint32(HEADER_BYTES + 4 * i, v, true))
  view.setUint32(12, checksum32(new Uint32Array(bytes.buffer, 16, (bytes.length - 16) / 4)), true)
  return bytes
}

// ---------------------------------------------------------------------------------------------- reading

function corrupt(reason: string): Error {
  return new Error(`Search index segment is corrupt: ${reason}`)
}

function decodeStrings(offsets: Uint32Array, blob: Uint8Array, what: string): string[] {
  let all: string
  try {
    all = fromUtf8(blob)
  }
  catch {
    throw corrupt(`${what} are not valid UTF-8`)
  }
  const count = offsets.length - 1
  if (count < 0 || offsets[count] !== all.length)
    throw corrupt(`${what} do not match their offsets`)
  const out = new Array<string>(count)
  for (let i = 0; i < count; i++) {
    const a = offsets[i]!, b = offsets[i + 1]!
    if (b < a)
      throw corrupt(`${what} offsets are not increasing`)
    out[i] = all.slice(a, b)
  }
  return out
}

function checkOffsets(offsets: Uint32Array, length: number, limit: number, what: string): void {
  if (offsets.length !== length + 1 || offsets[0] !== 0 || offsets[length]! > limit)
    throw corrupt(`${what} offsets are out of range`)
  for (let i = 0; i < length; i++) {
    if (offsets[i + 1]! < offsets[i]!)
      throw corrupt(`${what} offsets are not increasing`)
  }
}

function checkValues(values: Uint16Array, limit: number, what: string, noneAllowed: boolean): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!
    if (v >= limit && !(noneAllowed && v === NO_VALUE))
      throw corrupt(`${what} value ${v} is out of range`)
  }
}

/**
 * Opens a segment for reading, checking its header, length, checksum and structure; throws an Error whose
 * message starts "Search index segment is corrupt" (or names an unsupported version) on bad input. The
 * typed arrays are views into `input` (copied first only if it is not 4-byte aligned), so keep it unchanged.
 */
export function readSegment(input: Uint8Array): SegmentData {
  assertLittleEndian()
  if (!(input instanceof Uint8Array))
    throw corrupt('not a byte array')
  if (input.length < HEADER_BYTES)
    throw corrupt(`truncated (${input.length} bytes, less than a header)`)
  for (let i = 0; i < MAGIC.length; i++) {
    if (input[i] !== MAGIC[i])
      throw corrupt('wrong magic number (not an ICC search index segment)')
  }
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice()
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const version = view.getUint16(4, true)
  if (version !== SEGMENT_VERSION)
    throw new Error(`Search index segment has unsupported version ${version} (expected ${SEGMENT_VERSION}): rebuild the feed`)
  const sectionCount = view.getUint16(6, true)
  const total = view.getUint32(8, true)
  if (total > bytes.length)
    throw corrupt(`truncated (${bytes.length} of ${total} bytes)`)
  if (total < bytes.length)
    throw corrupt(`${bytes.length - total} unexpected bytes after its end`)
  if (total % 4 !== 0 || sectionCount !== Section.Count || total < HEADER_BYTES + 8 * sectionCount)
    throw corrupt('bad header')
  const sum = checksum32(new Uint32Array(bytes.buffer, bytes.byteOffset + 16, (total - 16) / 4))
  if (sum !== view.getUint32(12, true))
    throw corrupt('checksum mismatch')

  const docCount = view.getUint32(16, true)
  const termCount = view.getUint32(20, true)
  const bodyWords = view.getUint32(24, true)
  const section = (s: Section): { offset: number, length: number } => {
    const offset = view.getUint32(HEADER_BYTES + 8 * s, true)
    const length = view.getUint32(HEADER_BYTES + 8 * s + 4, true)
    if (offset % 4 !== 0 || offset + length > total)
      throw corrupt(`section ${s} is out of bounds`)
    return { offset, length }
  }
  const u8 = (s: Section): Uint8Array => {
    const { offset, length } = section(s)
    return new Uint8Array(bytes.buffer, bytes.byteOffset + offset, length)
  }
  const u16 = (s: Section, count: number): Uint16Array => {
    const { offset, length } = section(s)
    if (length !== count * 2)
      throw corrupt(`section ${s} has the wrong length`)
    return new Uint16Array(bytes.buffer, bytes.byteOffset + offset, count)
  }
  const u32 = (s: Section, count: number): Uint32Array => {
    const { offset, length } = section(s)
    if (length !== count * 4)
      throw corrupt(`section ${s} has the wrong length`)
    return new Uint32Array(bytes.buffer, bytes.byteOffset + offset, count)
  }

  if (docCount > MAX_SEGMENT_DOCS)
    throw corrupt('too many documents')
  const ids = decodeStrings(u32(Section.IdOffsets, docCount + 1), u8(Section.IdBytes), 'ids')
  const titleOffsets = u32(Section.TitleOffsets, docCount + 1)
  const titleBytes = u8(Section.TitleBytes)
  const kinds = u32(Section.ValueKinds, 4)
  const valueCount = kinds[0]! + kinds[1]! + kinds[2]! + kinds[3]!
  const values = decodeStrings(u32(Section.ValueOffsets, valueCount + 1), u8(Section.ValueBytes), 'facet values')
  const countries = values.slice(0, kinds[0])
  const cities = values.slice(kinds[0], kinds[0]! + kinds[1]!)
  const languages = values.slice(kinds[0]! + kinds[1]!, kinds[0]! + kinds[1]! + kinds[2]!)
  const topics = values.slice(kinds[0]! + kinds[1]! + kinds[2]!)

  const columns = u16(Section.Columns, docCount * 6)
  const col = (k: number): Uint16Array => columns.subarray(k * docCount, (k + 1) * docCount)
  const topicValues = u16(Section.TopicValues, section(Section.TopicValues).length / 2)
  const langValues = u16(Section.LangValues, section(Section.LangValues).length / 2)
  const topicOffsets = u32(Section.TopicOffsets, docCount + 1)
  const langOffsets = u32(Section.LangOffsets, docCount + 1)
  const termOffsets = u32(Section.TermOffsets, termCount + 1)
  const termBytes = u8(Section.TermBytes)
  const postOffsets = u32(Section.PostOffsets, termCount + 1)
  const postings = u8(Section.Postings)

  // Structural checks: cheap (linear in docs and terms) and they keep a bad file from reading out of bounds.
  checkOffsets(titleOffsets, docCount, Number.MAX_SAFE_INTEGER, 'title')
  checkOffsets(topicOffsets, docCount, topicValues.length, 'topic')
  checkOffsets(langOffsets, docCount, langValues.length, 'language')
  checkOffsets(termOffsets, termCount, termBytes.length, 'term')
  checkOffsets(postOffsets, termCount, postings.length, 'postings')
  checkValues(col(0), countries.length, 'country', true)
  checkValues(col(1), cities.length, 'city', true)
  checkValues(topicValues, topics.length, 'topic', false)
  checkValues(langValues, languages.length, 'language', false)
  const reversed = u32(Section.Reversed, termCount)
  for (let i = 0; i < termCount; i++) {
    if (reversed[i]! >= termCount)
      throw corrupt('reversed term order is out of range')
  }
  const prefixCount = section(Section.PrefixDf).length / 2
  const prefixOffsets = u32(Section.PrefixOffsets, prefixCount + 1)
  const prefixBytes = u8(Section.PrefixBytes)
  const prefixPostOffsets = u32(Section.PrefixPostOffsets, prefixCount + 1)
  const prefixPostings = u8(Section.PrefixPostings)
  checkOffsets(prefixOffsets, prefixCount, prefixBytes.length, 'prefix')
  checkOffsets(prefixPostOffsets, prefixCount, prefixPostings.length, 'prefix postings')

  return {
    docCount, termCount, bodyWords, ids, titleOffsets, titleBytes, countries, cities, languages, topics,
    country: col(0), city: col(1), yearStart: col(2), yearEnd: col(3), flags: col(4), bodyLen: col(5),
    idHash: u32(Section.IdHash, docCount), topicOffsets, topicValues, langOffsets, langValues,
    termOffsets, termBytes, postOffsets, postings, df: u16(Section.Df, termCount), reversed,
    prefixCount, prefixOffsets, prefixBytes, prefixPostOffsets, prefixPostings, prefixDf: u16(Section.PrefixDf, prefixCount),
    titleKeys: u32(Section.TitleKeys, docCount * TITLE_KEY_WORDS),
  }
}

/** The titles of a segment, decoded on demand (only sorting by title needs them). */
export function segmentTitles(seg: SegmentData): string[] {
  return decodeStrings(seg.titleOffsets, seg.titleBytes, 'titles')
}
