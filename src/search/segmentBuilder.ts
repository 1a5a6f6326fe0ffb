/**
 * Builds index segments (format: segment.ts). Used by tools/build-feed and, in the app, only when a feed ships
 * no segments or the stored ones cannot be read, so it stays out of the start-up bundle.
 */
import type { Practice } from '../catalogue/schema'
import { checksum32, compareBytes, createWriter, hashString, utf8 } from './bytes'
import { forEachWord, isIndexed } from './tokenize'
import { normalize } from './normalize'
import { countryCodeWord, countryNameText, topicNamesOf } from './places'
import { type Stemmer, stemmerFor } from './stemmers'
import { joinedCompounds, otherForms } from './wordForms'
import { titleKeys } from './order'
import {
  assertLittleEndian, BODY_TF_MASK, FLAG_SUMMARY, FLAG_TITLE, FORM_MARK, HEADER_BYTES, MAGIC, MAX_SEGMENT_DOCS, NO_VALUE,
  PREFIX_MAX_BYTES, PREFIX_MIN_BYTES, Section, SEGMENT_VERSION, VALUE_MARK,
} from './segment'

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
function linkNames(inv: Pick<Inverted, 'termId' | 'linkForms'>, values: ValueTables, options: SegmentOptions): void {
  const { termId, linkForms } = inv
  const link = (text: string, lang: string, target: number): void => {
    forEachWord(normalize(text), (w) => {
      if (isIndexed(w))
        linkForms(w, lang, target)
    })
  }
  for (const code of values.countries.list) {
    // Names are not stemmed: "Spanien" has no other form worth a look-up.
    link(countryNameText(code, options.nameLanguages), '', termId(`${VALUE_MARK}c${code}`))
  }
  const names = options.taxonomy ? topicNamesOf(options.taxonomy) : {}
  for (const topic of values.topics.list) {
    for (const { language, name } of names[topic] ?? [])
      link(name, language, termId(`${VALUE_MARK}t${topic}`))
  }
}

/** Sorted distinct values and a lookup from value to index. */
function valueTable(values: Iterable<string>): { list: string[], index: Map<string, number> } {
  const list = [...new Set(values)].sort()
  return { list, index: new Map(list.map((v, i) => [v, i])) }
}

interface SegmentOptions {
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

type Writer = ReturnType<typeof createWriter>

/** The segment's facet value tables. */
interface ValueTables {
  countries: ReturnType<typeof valueTable>
  cities: ReturnType<typeof valueTable>
  languages: ReturnType<typeof valueTable>
  topics: ReturnType<typeof valueTable>
}

function valueTables(practices: Practice[]): ValueTables {
  return {
    countries: valueTable(practices.map(p => p.country).filter(c => c !== '')),
    cities: valueTable(practices.map(p => p.city).filter(c => c !== '')),
    languages: valueTable(practices.flatMap(languagesOf)),
    topics: valueTable(practices.flatMap(p => p.topics)),
  }
}

/** The per-document columns (segment.ts, doc columns); bodyLen is filled as the texts are indexed. */
function docColumns(practices: Practice[], v: ValueTables) {
  const n = practices.length
  const c = {
    country: new Uint16Array(n), city: new Uint16Array(n), yearStart: new Uint16Array(n), yearEnd: new Uint16Array(n),
    flags: new Uint16Array(n), bodyLen: new Uint16Array(n), idHash: new Uint32Array(n),
    topicOffsets: new Uint32Array(n + 1), topicValues: [] as number[], langOffsets: new Uint32Array(n + 1), langValues: [] as number[],
  }
  practices.forEach((p, i) => {
    c.country[i] = p.country === '' ? NO_VALUE : v.countries.index.get(p.country)!
    c.city[i] = p.city === '' ? NO_VALUE : v.cities.index.get(p.city)!
    c.yearStart[i] = p.period.start ?? 0
    c.yearEnd[i] = p.period.end ?? 0
    c.flags[i] = p.period.ongoing ? 1 : 0
    c.idHash[i] = hashString(p.id)
    c.topicOffsets[i] = c.topicValues.length
    for (const t of new Set(p.topics))
      c.topicValues.push(v.topics.index.get(t)!)
    c.langOffsets[i] = c.langValues.length
    for (const l of languagesOf(p))
      c.langValues.push(v.languages.index.get(l)!)
  })
  c.topicOffsets[n] = c.topicValues.length
  c.langOffsets[n] = c.langValues.length
  return c
}

/** The inverted index under construction: per term its docs and their flag bytes, per form its sources. */
interface Inverted {
  termList: string[]
  postDocs: number[][]
  postFlags: number[][]
  /** Per form (FORM_MARK term), the terms it stands for: written in place of its postings. */
  formSources: Map<number, Set<number>>
  termId: (w: string) => number
  /** Makes `word` and its forms in `lang` forms that stand for term `target`. */
  linkForms: (word: string, lang: string, target: number) => void
  /** A term's posting for doc d in field f (0 title, 1 summary, 2 body); returns its id. */
  addTerm: (w: string, d: number, f: 0 | 1 | 2) => number
  /** Indexes the words of a text (in `language`, for their forms); returns how many it indexed. */
  addWords: (text: string, d: number, f: 0 | 1 | 2, language: string) => number
}

/** The terms in order of first sight, each with its postings so far, and the id of a term (added when new). */
interface TermTable extends Pick<Inverted, 'termList' | 'postDocs' | 'postFlags' | 'termId'> {
  /** Per term, the last doc given a posting. */
  lastDoc: number[]
}

function termTable(): TermTable {
  const termIds = new Map<string, number>()
  const table = { termList: [] as string[], postDocs: [] as number[][], postFlags: [] as number[][], lastDoc: [] as number[] }
  const termId = (w: string): number => {
    let t = termIds.get(w)
    if (t === undefined) {
      t = table.termList.length
      termIds.set(w, t)
      table.termList.push(w)
      table.postDocs.push([])
      table.postFlags.push([])
      table.lastDoc.push(-1)
    }
    return t
  }
  return { ...table, termId }
}

/** Inverted.linkForms over a term table, recording each form's sources in `formSources`. */
function formLinker(terms: TermTable, formSources: Map<number, Set<number>>, formsOf: ReturnType<typeof formsCache>): Inverted['linkForms'] {
  return (word, lang, target) => {
    for (const form of [word, ...formsOf(word, lang)]) {
      const f = terms.termId(FORM_MARK + form)
      let sources = formSources.get(f)
      if (!sources)
        formSources.set(f, sources = new Set())
      sources.add(target)
    }
  }
}

/** Inverted.addTerm over a term table: one posting per term and doc, its flags gathering the fields. */
function postingAdder(terms: TermTable): Inverted['addTerm'] {
  const { postDocs, postFlags, lastDoc } = terms
  return (w, doc, field) => {
    const t = terms.termId(w)
    const fl = postFlags[t]!
    if (lastDoc[t] !== doc) {
      lastDoc[t] = doc
      postDocs[t]!.push(doc)
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
}

/** Inverted.addWords: each indexed word as a term, its forms linked to it, and the text's joined compounds. */
function wordAdder(inv: Pick<Inverted, 'addTerm' | 'linkForms'>, formsOf: ReturnType<typeof formsCache>): Inverted['addWords'] {
  const { addTerm, linkForms } = inv
  return (text, doc, field, language) => {
    let count = 0
    if (text !== '') {
      const normalized = normalize(text)
      forEachWord(normalized, (w) => {
        if (!isIndexed(w))
          return
        count++
        const word = addTerm(w, doc, field)
        for (const form of formsOf(w, language))
          linkForms(form, '', word)
      })
      for (const joined of joinedCompounds(normalized))
        addTerm(joined, doc, field)
    }
    return count
  }
}

function invertedIndex(): Inverted {
  const terms = termTable()
  const formSources = new Map<number, Set<number>>()
  const formsOf = formsCache()
  const linkForms = formLinker(terms, formSources, formsOf)
  const addTerm = postingAdder(terms)
  const { termList, postDocs, postFlags, termId } = terms
  return { termList, postDocs, postFlags, formSources, termId, linkForms, addTerm, addWords: wordAdder({ addTerm, linkForms }, formsOf) }
}

/** Indexes one practice's texts, city, country and topics as doc i; returns its number of body words. */
function indexPractice(inv: Inverted, p: Practice, i: number): number {
  const texts = [{ language: p.language, title: p.title, summary: p.summary, body: p.body }, ...Object.entries(p.translations ?? {}).map(([l, t]) => ({ language: l, ...t }))]
  let body = 0
  for (const t of texts) {
    inv.addWords(t.title, i, 0, t.language)
    inv.addWords(t.summary, i, 1, t.language)
    body += inv.addWords(t.body, i, 2, t.language)
  }
  // The city is searchable like the summary (below a title match): a practice filed under Bilbao is found by
  // "bilbao" even when its text never names it. So are its country and topics, through one value term each
  // (VALUE_MARK) that their names in every language point to (linkNames), and the country code counts as
  // one word of the body, the weakest field.
  inv.addWords(p.city, i, 1, '')
  if (p.country !== '') {
    inv.addTerm(`${VALUE_MARK}c${p.country}`, i, 1)
    inv.addWords(countryCodeWord(p.country) ?? '', i, 2, '')
  }
  // As built so far (segment version 2): the topics' value terms take the field of the words indexed just
  // before them, the body's when the practice has a country. Changing it changes rankings and every segment.
  const topicField = p.country !== '' ? 2 : 1
  for (const topic of new Set(p.topics))
    inv.addTerm(`${VALUE_MARK}t${topic}`, i, topicField)
  return body
}

/** The dictionary in UTF-8 byte order (a prefix is then a contiguous range) and every term's postings. */
interface Dictionary {
  /** Term ids in dictionary order. */
  order: number[]
  /** The terms' bytes, in dictionary order. */
  sortedUtf8: Uint8Array[]
  termOffsets: Uint32Array
  termBytes: Writer
  postOffsets: Uint32Array
  postings: Writer
  df: Uint16Array
}

function writeDictionary(inv: Inverted, n: number): Dictionary {
  const { termList, postDocs, postFlags, formSources } = inv
  const termUtf8 = termList.map(utf8)
  const order = termList.map((_, i) => i)
  order.sort((a, b) => { const x = termUtf8[a]!, y = termUtf8[b]!; return compareBytes(x, 0, x.length, y, 0, y.length) })
  const termCount = order.length
  const d: Dictionary = {
    order, sortedUtf8: order.map(t => termUtf8[t]!), termOffsets: new Uint32Array(termCount + 1), termBytes: createWriter(),
    postOffsets: new Uint32Array(termCount + 1), postings: createWriter(1 << 18), df: new Uint16Array(termCount),
  }
  const inUnion = new Uint8Array(n)
  const rankOf = new Uint32Array(termList.length)
  order.forEach((t, rank) => { rankOf[t] = rank })
  order.forEach((t, rank) => {
    d.termOffsets[rank] = d.termBytes.length()
    d.termBytes.bytes(termUtf8[t]!)
    d.postOffsets[rank] = d.postings.length()
    const docs = postDocs[t]!
    const sources = formSources.get(t)
    if (sources) {
      d.df[rank] = unionSize([...sources].map(w => postDocs[w]!), inUnion)
      writeRanks(d.postings, [...sources].map(w => rankOf[w]!).sort((a, b) => a - b))
    }
    else {
      d.df[rank] = docs.length
      writePostings(d.postings, docs, postFlags[t]!, docs.length)
    }
  })
  d.termOffsets[termCount] = d.termBytes.length()
  d.postOffsets[termCount] = d.postings.length()
  return d
}

interface PrefixList {
  key: Uint8Array
  docs: Uint32Array
  flags: Uint8Array
  count: number
}

/** What building the prefix lists reads, and its per-document buffers (zeroed between lists). */
interface PrefixBuild {
  inv: Inverted
  dict: Dictionary
  acc: Uint8Array
  seen: Uint8Array
}

/** The terms at dictionary ranks [start, end), sharing the prefix `key`, with the sum of their document frequencies. */
interface PrefixRun {
  start: number
  end: number
  key: Uint8Array
  sum: number
}

/**
 * The merged postings of a run of terms (flags or-ed, body counts summed), when they cover enough documents and
 * save enough work to be worth a list (PREFIX_GAIN, PREFIX_MIN_DOCS).
 */
function mergedList(build: PrefixBuild, run: PrefixRun): PrefixList | undefined {
  const { inv, dict, acc, seen } = build
  const { key, sum } = run
  const touched: number[] = []
  for (let k = run.start; k < run.end; k++) {
    const t = dict.order[k]!
    const docs = inv.postDocs[t]!
    const fl = inv.postFlags[t]!
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
  let list: PrefixList | undefined
  if (touched.length >= PREFIX_MIN_DOCS && sum >= PREFIX_GAIN * touched.length) {
    touched.sort((a, b) => a - b)
    list = { key, docs: Uint32Array.from(touched), flags: Uint8Array.from(touched, d => acc[d]!), count: touched.length }
  }
  for (const d of touched)
    seen[d] = 0
  return list
}

/**
 * Prefix lists, sorted by prefix. Terms sharing a prefix are contiguous in byte order; the term equal to the
 * prefix (if any) sorts first and is left out (a query reads it as an exact match anyway).
 */
function prefixLists(inv: Inverted, dict: Dictionary, n: number): PrefixList[] {
  const { sortedUtf8, df } = dict
  const termCount = sortedUtf8.length
  const prefixes: PrefixList[] = []
  const build: PrefixBuild = { inv, dict, acc: new Uint8Array(n), seen: new Uint8Array(n) }
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
      const list = end - r >= 2 && sum >= PREFIX_GAIN * PREFIX_MIN_DOCS ? mergedList(build, { start: r, end, key: key.subarray(0, L), sum }) : undefined
      if (list)
        prefixes.push(list)
      r = end
    }
  }
  return prefixes.sort((a, b) => compareBytes(a.key, 0, a.key.length, b.key, 0, b.key.length))
}

/** The prefix list sections (segment.ts, prefix lists). */
function prefixSections(prefixes: PrefixList[]): Partial<Record<Section, Uint8Array>> {
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
  return {
    [Section.PrefixOffsets]: bytesOf(prefixOffsets), [Section.PrefixBytes]: prefixBytes.view(),
    [Section.PrefixPostOffsets]: bytesOf(prefixPostOffsets), [Section.PrefixPostings]: prefixPostings.view(),
    [Section.PrefixDf]: bytesOf(prefixDf),
  }
}

/** Term ranks sorted by their bytes read backwards: terms sharing a suffix are contiguous. */
function reversedOrder(sortedUtf8: Uint8Array[]): Uint32Array {
  const reversedKeys = sortedUtf8.map(b => b.slice().reverse())
  const rev = Array.from({ length: sortedUtf8.length }, (_, i) => i)
  rev.sort((a, b) => { const x = reversedKeys[a]!, y = reversedKeys[b]!; return compareBytes(x, 0, x.length, y, 0, y.length) })
  return Uint32Array.from(rev)
}

/** The document sections: strings, value tables and columns. */
function docSections(practices: Practice[], v: ValueTables, c: ReturnType<typeof docColumns>): Partial<Record<Section, Uint8Array>> {
  const n = practices.length
  const columns = new Uint16Array(n * 6)
  ;[c.country, c.city, c.yearStart, c.yearEnd, c.flags, c.bodyLen].forEach((col, k) => columns.set(col, k * n))
  const lists = [v.countries.list, v.cities.list, v.languages.list, v.topics.list]
  const s: Partial<Record<Section, Uint8Array>> = {}
  ;[s[Section.IdOffsets], s[Section.IdBytes]] = stringTable(practices.map(p => p.id))
  ;[s[Section.TitleOffsets], s[Section.TitleBytes]] = stringTable(practices.map(p => p.title))
  ;[s[Section.ValueOffsets], s[Section.ValueBytes]] = stringTable(lists.flat())
  s[Section.ValueKinds] = bytesOf(new Uint32Array(lists.map(l => l.length)))
  s[Section.Columns] = bytesOf(columns)
  s[Section.IdHash] = bytesOf(c.idHash)
  s[Section.TopicOffsets] = bytesOf(c.topicOffsets)
  s[Section.TopicValues] = bytesOf(Uint16Array.from(c.topicValues))
  s[Section.LangOffsets] = bytesOf(c.langOffsets)
  s[Section.LangValues] = bytesOf(Uint16Array.from(c.langValues))
  s[Section.TitleKeys] = bytesOf(titleKeys(practices.map(p => p.title)))
  return s
}

/** Header, section table and sections, with the checksum (segment.ts, format). */
function assemble(sections: Uint8Array[], header: { docs: number, terms: number, bodyWords: number }): Uint8Array {
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
  view.setUint32(16, header.docs, true)
  view.setUint32(20, header.terms, true)
  view.setUint32(24, header.bodyWords, true)
  table.forEach((v, i) => view.setUint32(HEADER_BYTES + 4 * i, v, true))
  view.setUint32(12, checksum32(new Uint32Array(bytes.buffer, 16, (bytes.length - 16) / 4)), true)
  return bytes
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
  const values = valueTables(practices)
  const columns = docColumns(practices, values)
  const inv = invertedIndex()
  let bodyWords = 0
  practices.forEach((p, i) => {
    columns.bodyLen[i] = Math.min(indexPractice(inv, p, i), 0xffff)
    bodyWords += columns.bodyLen[i]!
  })
  linkNames(inv, values, options)
  const dict = writeDictionary(inv, n)
  const sections: Partial<Record<Section, Uint8Array>> = {
    ...docSections(practices, values, columns),
    [Section.TermOffsets]: bytesOf(dict.termOffsets), [Section.TermBytes]: dict.termBytes.view(),
    [Section.PostOffsets]: bytesOf(dict.postOffsets), [Section.Postings]: dict.postings.view(),
    [Section.Df]: bytesOf(dict.df), [Section.Reversed]: bytesOf(reversedOrder(dict.sortedUtf8)),
    ...prefixSections(prefixLists(inv, dict, n)),
  }
  const ordered = Array.from({ length: Section.Count }, (_, k) => sections[k as Section]!)
  return assemble(ordered, { docs: n, terms: dict.order.length, bodyWords })
}
