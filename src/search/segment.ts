/**
 * Index segments: one compact binary file per feed shard, built by buildSegment (segmentBuilder.ts: in
 * tools/build-feed, or by the app when a feed ships none) and opened here, together, by openIndex. A segment holds everything the engine needs without
 * the practice records: per practice its id, title (for collation), facet values and sort keys, and the
 * inverted index of title, summary and body (translations included, each in its field).
 *
 * Format, version 2 (version 1 had no word forms). Little-endian; every section starts on a 4-byte boundary so it can be viewed in place
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
import { checksum32, fromUtf8 } from './bytes'
import { TITLE_KEY_WORDS } from './order'

export const SEGMENT_VERSION = 2
export const MAGIC = [0x49, 0x43, 0x43, 0x58] // "ICCX"
export const HEADER_BYTES = 32
/** Doc ids within a segment are 16-bit; a shard must be smaller than this. */
export const MAX_SEGMENT_DOCS = 0xffff
export const NO_VALUE = 0xffff

/**
 * Prefixed to the other forms of a word (canonical spelling, stem: wordForms.ts) in the dictionary. They sort
 * apart from the words as written, so prefix look-ups and their lists, "Did you mean" and the typo look-ups
 * see only words as written, and a query finds the forms by exact look-up alone (QueryContext.wordForms).
 * A form's postings hold instead the ranks of the words it comes from (varint gaps, ascending) and its
 * document frequency is that of their union: a query scans those words' postings, so forms cost a few bytes
 * each instead of a second copy of the postings.
 */
export const FORM_MARK = '\u0001'
/**
 * Prefixed to a value term: `${VALUE_MARK}c${country}` and `${VALUE_MARK}t${topic}` hold the postings of the
 * practices with that country or topic (summary weight); the words of their names in every language are
 * forms pointing at them, so a name is one entry per segment, not a posting per practice.
 */
export const VALUE_MARK = '\u0002'

export const FLAG_TITLE = 0x80
export const FLAG_SUMMARY = 0x40
export const BODY_TF_MASK = 0x3f

export const enum Section {
  IdOffsets, IdBytes, TitleOffsets, TitleBytes, ValueOffsets, ValueBytes, ValueKinds,
  Columns, IdHash, TopicOffsets, TopicValues, LangOffsets, LangValues,
  TermOffsets, TermBytes, PostOffsets, Postings, Df, Reversed,
  PrefixOffsets, PrefixBytes, PrefixPostOffsets, PrefixPostings, PrefixDf, TitleKeys,
  Count,
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

export function assertLittleEndian(): void {
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

/** Checks a segment's header, length and checksum; returns its bytes (4-byte aligned) and a view of them. */
function checkedBytes(input: Uint8Array): { bytes: Uint8Array, view: DataView, total: number } {
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
  return { bytes, view, total }
}

/** Typed views of a segment's sections, each checked to lie within the segment (and to have its length). */
interface Sections {
  length: (s: Section) => number
  u8: (s: Section) => Uint8Array
  u16: (s: Section, count: number) => Uint16Array
  u32: (s: Section, count: number) => Uint32Array
}

function sectionsOf(bytes: Uint8Array, view: DataView, total: number): Sections {
  const section = (s: Section): { offset: number, length: number } => {
    const offset = view.getUint32(HEADER_BYTES + 8 * s, true)
    const length = view.getUint32(HEADER_BYTES + 8 * s + 4, true)
    if (offset % 4 !== 0 || offset + length > total)
      throw corrupt(`section ${s} is out of bounds`)
    return { offset, length }
  }
  const sized = (s: Section, count: number, width: number): number => {
    const { offset, length } = section(s)
    if (length !== count * width)
      throw corrupt(`section ${s} has the wrong length`)
    return bytes.byteOffset + offset
  }
  return {
    length: s => section(s).length,
    u8: (s) => {
      const { offset, length } = section(s)
      return new Uint8Array(bytes.buffer, bytes.byteOffset + offset, length)
    },
    u16: (s, count) => new Uint16Array(bytes.buffer, sized(s, count, 2), count),
    u32: (s, count) => new Uint32Array(bytes.buffer, sized(s, count, 4), count),
  }
}

/** The facet value tables: countries, cities, languages and topics, in that order in one string table. */
function readValues(sec: Sections): Pick<SegmentData, 'countries' | 'cities' | 'languages' | 'topics'> {
  const kinds = sec.u32(Section.ValueKinds, 4)
  const valueCount = kinds[0]! + kinds[1]! + kinds[2]! + kinds[3]!
  const values = decodeStrings(sec.u32(Section.ValueOffsets, valueCount + 1), sec.u8(Section.ValueBytes), 'facet values')
  return {
    countries: values.slice(0, kinds[0]),
    cities: values.slice(kinds[0], kinds[0]! + kinds[1]!),
    languages: values.slice(kinds[0]! + kinds[1]!, kinds[0]! + kinds[1]! + kinds[2]!),
    topics: values.slice(kinds[0]! + kinds[1]! + kinds[2]!),
  }
}

/** The per-document sections, checked so that a bad file cannot read out of bounds. */
function readDocs(sec: Sections, docCount: number, values: Pick<SegmentData, 'countries' | 'cities' | 'languages' | 'topics'>) {
  const ids = decodeStrings(sec.u32(Section.IdOffsets, docCount + 1), sec.u8(Section.IdBytes), 'ids')
  const titleOffsets = sec.u32(Section.TitleOffsets, docCount + 1)
  const columns = sec.u16(Section.Columns, docCount * 6)
  const col = (k: number): Uint16Array => columns.subarray(k * docCount, (k + 1) * docCount)
  const topicValues = sec.u16(Section.TopicValues, sec.length(Section.TopicValues) / 2)
  const langValues = sec.u16(Section.LangValues, sec.length(Section.LangValues) / 2)
  const topicOffsets = sec.u32(Section.TopicOffsets, docCount + 1)
  const langOffsets = sec.u32(Section.LangOffsets, docCount + 1)
  checkOffsets(titleOffsets, docCount, Number.MAX_SAFE_INTEGER, 'title')
  checkOffsets(topicOffsets, docCount, topicValues.length, 'topic')
  checkOffsets(langOffsets, docCount, langValues.length, 'language')
  checkValues(col(0), values.countries.length, 'country', true)
  checkValues(col(1), values.cities.length, 'city', true)
  checkValues(topicValues, values.topics.length, 'topic', false)
  checkValues(langValues, values.languages.length, 'language', false)
  return {
    ids, titleOffsets, titleBytes: sec.u8(Section.TitleBytes),
    country: col(0), city: col(1), yearStart: col(2), yearEnd: col(3), flags: col(4), bodyLen: col(5),
    idHash: sec.u32(Section.IdHash, docCount), topicOffsets, topicValues, langOffsets, langValues,
    titleKeys: sec.u32(Section.TitleKeys, docCount * TITLE_KEY_WORDS),
  }
}

/** The dictionary, postings and prefix lists, with their offsets checked. */
function readTerms(sec: Sections, termCount: number) {
  const termOffsets = sec.u32(Section.TermOffsets, termCount + 1)
  const termBytes = sec.u8(Section.TermBytes)
  const postOffsets = sec.u32(Section.PostOffsets, termCount + 1)
  const postings = sec.u8(Section.Postings)
  checkOffsets(termOffsets, termCount, termBytes.length, 'term')
  checkOffsets(postOffsets, termCount, postings.length, 'postings')
  const reversed = sec.u32(Section.Reversed, termCount)
  for (let i = 0; i < termCount; i++) {
    if (reversed[i]! >= termCount)
      throw corrupt('reversed term order is out of range')
  }
  const prefixCount = sec.length(Section.PrefixDf) / 2
  const prefixOffsets = sec.u32(Section.PrefixOffsets, prefixCount + 1)
  const prefixBytes = sec.u8(Section.PrefixBytes)
  const prefixPostOffsets = sec.u32(Section.PrefixPostOffsets, prefixCount + 1)
  const prefixPostings = sec.u8(Section.PrefixPostings)
  checkOffsets(prefixOffsets, prefixCount, prefixBytes.length, 'prefix')
  checkOffsets(prefixPostOffsets, prefixCount, prefixPostings.length, 'prefix postings')
  return {
    termOffsets, termBytes, postOffsets, postings, df: sec.u16(Section.Df, termCount), reversed,
    prefixCount, prefixOffsets, prefixBytes, prefixPostOffsets, prefixPostings, prefixDf: sec.u16(Section.PrefixDf, prefixCount),
  }
}

/**
 * Opens a segment for reading, checking its header, length, checksum and structure; throws an Error whose
 * message starts "Search index segment is corrupt" (or names an unsupported version) on bad input. The
 * typed arrays are views into `input` (copied first only if it is not 4-byte aligned), so keep it unchanged.
 */
export function readSegment(input: Uint8Array): SegmentData {
  const { bytes, view, total } = checkedBytes(input)
  const docCount = view.getUint32(16, true)
  const termCount = view.getUint32(20, true)
  const bodyWords = view.getUint32(24, true)
  if (docCount > MAX_SEGMENT_DOCS)
    throw corrupt('too many documents')
  const sec = sectionsOf(bytes, view, total)
  const values = readValues(sec)
  return { docCount, termCount, bodyWords, ...values, ...readDocs(sec, docCount, values), ...readTerms(sec, termCount) }
}

/** The titles of a segment, decoded on demand (only sorting by title needs them). */
export function segmentTitles(seg: SegmentData): string[] {
  return decodeStrings(seg.titleOffsets, seg.titleBytes, 'titles')
}
