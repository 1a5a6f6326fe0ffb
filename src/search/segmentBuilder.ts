/**
 * Builds index segments (format: segment.ts). Used by tools/build-feed and, in the app, only when a feed ships
 * no segments or the stored ones cannot be read, so it stays out of the start-up bundle.
 */
import type { Practice } from '../catalogue/schema.ts'
import { checksum32, compareBytes, createWriter, hashString, utf8 } from './bytes.ts'
import { forEachWord, isIndexed } from './tokenize.ts'
import { normalize } from './normalize.ts'
import { countryCodeWord, countryNameText, topicNamesOf } from './places.ts'
import { type Stemmer, stemmerFor } from './stemmers.ts'
import { joinedCompounds, otherForms } from './wordForms.ts'
import { titleKeys } from './order.ts'
import {
  assertLittleEndian, BODY_TF_MASK, FLAG_SUMMARY, FLAG_TITLE, FORM_MARK, HEADER_BYTES, MAGIC, MAX_SEGMENT_DOCS, NO_VALUE,
  PREFIX_MAX_BYTES, PREFIX_MIN_BYTES, Section, SEGMENT_VERSION, VALUE_MARK,
} from './segment.ts'

/** A prefix list is kept when its words' postings add up to at least this many times its own length… */
const PREFIX_GAIN = 1.5
/** …and it has at least this many documents. */
const PREFIX_MIN_DOCS = 64

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

/** A form's sources in place of postings: ascending term ranks as varint gaps (segment.ts). */
function writeRanks(out: ReturnType<typeof createWriter>, ranks: number[]): void {
  let prev = -1
  for (const r of ranks) {
    out.varint(r - prev - 1)
    prev = r
  }
}

/** The number of distinct docs in these postings (a form's document frequency); `mark` is left zeroed. */
function unionSize(lists: number[][], mark: Uint8Array): number {
  let size = 0
  for (const docs of lists) {
    for (const d of docs) {
      if (!mark[d]) {
        mark[d] = 1
        size++
      }
    }
  }
  for (const docs of lists) {
    for (const d of docs)
      mark[d] = 0
  }
  return size
}

/**
 * Points every word of the segment's countries' and topics' names (and the words' forms) at the value term
 * of that country or topic: names cost a few bytes per word per segment, not a posting per practice and
 * language (29 interface languages would otherwise add half the index).
 */
function linkNames(
  countries: readonly string[],
  topics: readonly string[],
  options: SegmentOptions,
  termId: (w: string) => number,
  linkForms: (word: string, lang: string, target: number) => void,
): void {
  const link = (text: string, lang: string, target: number): void => {
    forEachWord(normalize(text), (w) => {
      if (isIndexed(w))
        linkForms(w, lang, target)
    })
  }
  for (const code of countries) {
    // Names are not stemmed: "Spanien" has no other form worth a look-up.
    link(countryNameText(code, options.nameLanguages), '', termId(`${VALUE_MARK}c${code}`))
  }
  const names = options.taxonomy ? topicNamesOf(options.taxonomy) : {}
  for (const topic of topics) {
    for (const { language, name } of names[topic] ?? [])
      link(name, language, termId(`${VALUE_MARK}t${topic}`))
  }
}

/** Sorted distinct values and a lookup from value to index. */
function valueTable(values: Iterable<string>): { list: string[], index: Map<string, number> } {
  const list = [...new Set(values)].sort()
  return { list, index: new Map(list.map((v, i) => [v, i])) }
}

export interface SegmentOptions {
  /** The taxonomy: a practice is found by the names of its topics in every language it gives. */
  taxonomy?: Parameters<typeof topicNamesOf>[0]
  /** The interface languages, in which every country's names are indexed (default PLACE_NAME_LANGUAGES). */
  nameLanguages?: readonly string[]
}

/**
 * The extra forms of each word (spelling, stem), cached per language for one build: a shard repeats its
 * vocabulary many times over, and stemming every occurrence would make the build several times slower.
 */
function formsCache(): (word: string, language: string) => string[] {
  const caches = new Map<string, { stemmers: Stemmer[], forms: Map<string, string[]> }>()
  return (word, language) => {
    let c = caches.get(language)
    if (!c) {
      const stem = stemmerFor(language)
      c = { stemmers: stem ? [stem] : [], forms: new Map() }
      caches.set(language, c)
    }
    let forms = c.forms.get(word)
    if (!forms) {
      forms = otherForms(word, c.stemmers)
      c.forms.set(word, forms)
    }
    return forms
  }
}

function languagesOf(p: Practice): string[] {
  return [...new Set([p.language, ...Object.keys(p.translations ?? {})])]
}

/**
 * Builds one segment from a shard's practices (at most 65,535). Deterministic: the same practices in the same
 * order give the same bytes. Accepts records validated by checkPractice; it does not validate them again.
 */
export function buildSegment(practices: Practice[], options: SegmentOptions = {}): Uint8Array {
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
  let language = ''
  const formsOf = formsCache()
  // Per form (FORM_MARK term), the terms it stands for: written in place of its postings.
  const formSources = new Map<number, Set<number>>()
  const termId = (w: string): number => {
    let t = termIds.get(w)
    if (t === undefined) {
      t = termList.length
      termIds.set(w, t)
      termList.push(w)
      postDocs.push([])
      postFlags.push([])
      lastDoc.push(-1)
    }
    return t
  }
  /** Makes `word` and its forms in `lang` forms that stand for term `target`. */
  const linkForms = (word: string, lang: string, target: number): void => {
    for (const form of [word, ...formsOf(word, lang)]) {
      const f = termId(FORM_MARK + form)
      let sources = formSources.get(f)
      if (!sources)
        formSources.set(f, sources = new Set())
      sources.add(target)
    }
  }
  const addWord = (w: string): void => {
    if (!isIndexed(w))
      return
    count++
    const word = addTerm(w)
    for (const form of formsOf(w, language))
      linkForms(form, '', word)
  }
  // A term's posting for the current doc and field; returns its id.
  const addTerm = (w: string): number => {
    const t = termId(w)
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
    return t
  }
  const addWords = (text: string, d: number, f: 0 | 1 | 2): number => {
    doc = d
    field = f
    count = 0
    if (text !== '') {
      const normalized = normalize(text)
      forEachWord(normalized, addWord)
      for (const joined of joinedCompounds(normalized))
        addTerm(joined)
    }
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

    const texts = [{ language: p.language, title: p.title, summary: p.summary, body: p.body }, ...Object.entries(p.translations ?? {}).map(([l, t]) => ({ language: l, ...t }))]
    let body = 0
    for (const t of texts) {
      language = t.language
      addWords(t.title, i, 0)
      addWords(t.summary, i, 1)
      body += addWords(t.body, i, 2)
    }
    // The city is searchable like the summary (below a title match): a practice filed under Bilbao is found by
    // "bilbao" even when its text never names it. So are its country and topics, through one value term each
    // (VALUE_MARK) that their names in every language point to (linkNames), and the country code counts as
    // one word of the body, the weakest field.
    language = ''
    addWords(p.city, i, 1)
    if (p.country !== '') {
      addTerm(`${VALUE_MARK}c${p.country}`)
      addWords(countryCodeWord(p.country) ?? '', i, 2)
    }
    for (const topic of new Set(p.topics))
      addTerm(`${VALUE_MARK}t${topic}`)
    bodyLen[i] = Math.min(body, 0xffff)
    bodyWords += bodyLen[i]!
  })
  linkNames(countries.list, topics.list, options, termId, linkForms)
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
  const inUnion = new Uint8Array(n)
  const rankOf = new Uint32Array(termList.length)
  order.forEach((t, rank) => { rankOf[t] = rank })
  order.forEach((t, rank) => {
    termOffsets[rank] = termBytes.length()
    termBytes.bytes(termUtf8[t]!)
    postOffsets[rank] = postings.length()
    const docs = postDocs[t]!
    const fl = postFlags[t]!
    const sources = formSources.get(t)
    if (sources) {
      df[rank] = unionSize([...sources].map(w => postDocs[w]!), inUnion)
      writeRanks(postings, [...sources].map(w => rankOf[w]!).sort((a, b) => a - b))
    }
    else {
      df[rank] = docs.length
      writePostings(postings, docs, fl, docs.length)
    }
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
      if (key.length <= L || (key[L]! & 0xc0) === 0x80 || key[0]! < 0x20) {
        r++ // too short, the prefix would split a character, or a form or value term (never matched by prefix)
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
