import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkPractice, type Practice } from '../../src/catalogue/schema'
import { mergeEntries } from '../../tools/import/merge'
import { parsePage } from '../../tools/import/page'
import { importPages } from '../../tools/import/pipeline'
import { keepReviewed, serialisePractice } from '../../tools/import/review'
import type { ParsedEntry } from '../../tools/import/types'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SOURCES = new URL('../../catalogue/sources/', import.meta.url)
const FILES = {
  listing1: '000_01b333482a9e1fa3.txt',
  listing2: '001_82673ffa5ff7822a.txt',
  listing3: '002_bf861d19a0dad03d.txt',
  bradford: '003_9f2cfc9c8286d14e.txt',
  lublin: '004_127f2c35aadbad8d.txt',
} as const

function seed(name: string): string {
  return readFileSync(new URL(name, SOURCES), 'utf8')
}

const allSources = Object.values(FILES).map(file => ({ file, text: seed(file) }))

/** The header of a listing page (address … "Template for collection of Good practices >>"), for building pages. */
const listingHeader = seed(FILES.listing2).split('\n').slice(0, 15).join('\n')
/** Everything of a practice page up to its title, with the French button lines kept. */
const detailHeader = seed(FILES.bradford).split('\n').slice(0, 13).join('\n')
const detailFooter = '\n\nFilter by Filter by\nTopic\nAnti-rumour\nYear\n2014\nReset Filter'

function entriesOf(name: string): ParsedEntry[] {
  return parsePage(seed(name), name).entries
}

function byTitle(entries: readonly ParsedEntry[], title: string): ParsedEntry {
  const found = entries.find(e => e.title === title)
  if (!found)
    throw new Error(`no entry titled ${title}`)
  return found
}

function detailPage(title: string, periodLine: string, paragraphs: string[]): string {
  return `${detailHeader}\n${title}\n\n${periodLine}\n  • Decrease text size\n  • Print the page\n\n${paragraphs.join('\n\n')}${detailFooter}`
}

describe('parsePage on the seed pages', () => {
  it.each([
    [FILES.listing1, 'listing', 5],
    [FILES.listing2, 'listing', 5],
    [FILES.listing3, 'listing', 20],
    [FILES.bradford, 'detail', 1],
    [FILES.lublin, 'detail', 1],
  ] as const)('%s is a %s page with %i entries', (file, kind, count) => {
    const page = parsePage(seed(file), file)
    expect(page.kind).toBe(kind)
    expect(page.entries).toHaveLength(count)
  })

  it('reads a card with a "Since" period', () => {
    const e = byTitle(entriesOf(FILES.listing2), 'Anti-Rumour Web App')
    expect(e).toMatchObject({ kind: 'listing', file: FILES.listing2, line: 16, country: 'ES', city: 'Bilbao', language: 'en', truncated: true, paragraphs: [] })
    expect(e.period).toEqual({ text: 'Since 2014', start: 2014, ongoing: true })
    expect(e.summary).toMatch(/^Purpose: A game to raise awareness of rumours/)
    expect(e.summary).toMatch(/is a priority line of$/)
  })

  it('reads a multi-word city and an "ongoing" period', () => {
    const e = byTitle(entriesOf(FILES.listing2), 'BizFeira - Bilateral overseas business development')
    expect(e).toMatchObject({ country: 'PT', city: 'Santa Maria da Feira', period: { text: 'ongoing', ongoing: true } })
    expect(e.period.start).toBeUndefined()
  })

  it('reads a two-part period with a two-digit end year', () => {
    const e = byTitle(entriesOf(FILES.listing3), 'The anti-radicalisation programme')
    expect(e).toMatchObject({ country: 'NO', city: 'Bergen' })
    expect(e.period).toEqual({ text: '2015-2020 / 2021-25', start: 2015, end: 2025, ongoing: false })
  })

  it('reads a multi-word country and strips the "..." after a full stop', () => {
    const e = byTitle(entriesOf(FILES.listing1), 'The Leeds City Region Diversity Dashboard')
    expect(e).toMatchObject({ country: 'GB', city: 'Leeds', period: { text: '2022', start: 2022, end: 2022, ongoing: false }, truncated: true })
    expect(e.summary.endsWith('public sector employers.')).toBe(true)
  })

  it('reads a national entry with a Serbian period', () => {
    const e = byTitle(entriesOf(FILES.listing1), 'Stvaranje uslova za strategiju podataka o jednakosti u Irskoj')
    expect(e).toMatchObject({ country: 'IE', city: '', language: 'sr-Latn' })
    expect(e.period).toEqual({ text: 'OD 2020', start: 2020, ongoing: true })
  })

  it('reads a city named like its country and entries with no period', () => {
    const entries = entriesOf(FILES.listing3)
    expect(byTitle(entries, 'An Equality Infrastructure')).toMatchObject({ country: 'MX', city: 'Mexico', period: { text: '', ongoing: false } })
    expect(byTitle(entries, 'Reinvigorating Employee Networks')).toMatchObject({ country: 'GB', city: 'Kirklees', period: { text: '', ongoing: false } })
    expect(byTitle(entries, 'Promoting multilingualism in a multicultural city')).toMatchObject({ country: 'KR', city: 'Ansan', period: { start: 2020 } })
    expect(byTitle(entries, 'Listening Circles on ‘Race’, Racism, and Inequalities')).toMatchObject({ country: 'GB', city: 'Kirklees', period: { start: 2020, end: 2020 } })
  })

  it('tags exactly the three Serbian entries as sr-Latn and the rest as English', () => {
    const entries = allSources.flatMap(s => parsePage(s.text, s.file).entries)
    const serbian = entries.filter(e => e.language === 'sr-Latn').map(e => `${e.country} ${e.city}`)
    expect(serbian.sort()).toEqual(['CA Montreal', 'IE ', 'NO Oslo'])
    expect(entries.filter(e => e.language !== 'sr-Latn').every(e => e.language === 'en')).toBe(true)
  })

  it('keeps an entry with an empty title and reports it', () => {
    const page = parsePage(seed(FILES.listing3), FILES.listing3)
    const untitled = page.entries.filter(e => e.title === '')
    expect(untitled).toHaveLength(1)
    expect(untitled[0]).toMatchObject({ country: 'ES', city: 'Barcelona', period: { start: 2017, ongoing: true }, line: 72 })
    expect(page.problems).toContainEqual(expect.objectContaining({ file: FILES.listing3, line: 72, message: expect.stringContaining('no title') }))
  })

  it('reads a practice page: title, period, text without the page chrome', () => {
    const page = parsePage(seed(FILES.bradford), FILES.bradford)
    const [e] = page.entries
    expect(e).toMatchObject({ kind: 'detail', title: 'Together for Stronger Communities', line: 14, country: '', city: '', language: 'en', truncated: false })
    expect(e?.period).toEqual({ text: '2019', start: 2019, end: 2019, ongoing: false })
    expect(e?.paragraphs).toHaveLength(9)
    expect(e?.paragraphs[0]).toMatch(/^Bradford has developed its Intercultural Strategy/)
    expect(e?.paragraphs[1]).toBe('1. Bord tables for feedback and prioritization')
    expect(e?.paragraphs.at(-1)).toMatch(/from a minority background\.$/)
    const text = e?.paragraphs.join('\n') ?? ''
    for (const chrome of ['Diminuer la taille du texte', 'Imprimer', 'Back', 'Covid-19', 'Filter by', 'Reset Filter', 'Template for collection', 'The Intercultural city aims'])
      expect(text).not.toContain(chrome)
    expect(page.problems).toContainEqual(expect.objectContaining({ line: 14, message: expect.stringContaining('no country or city') }))
  })

  it('reads a practice page with no period line', () => {
    const [e] = entriesOf(FILES.lublin)
    expect(e).toMatchObject({ title: 'Collaboration with Neuchâtel. Study visits and exchange of knowledge', period: { text: '', ongoing: false } })
    expect(e?.paragraphs).toHaveLength(4)
    expect(e?.paragraphs[0]).toMatch(/^The collaboration with the city of Neuchâtel/)
    expect(e?.paragraphs.at(-1)).toMatch(/ISMU Foundation\.$/)
  })

  it('imports the whole entries of a page cut off inside an entry and reports the rest', () => {
    const lines = seed(FILES.listing3).split('\n')
    // Lines 63-67 are "Anissa programme" / blank / location / blank / teaser; cut the teaser in half.
    const cut = [...lines.slice(0, 66), (lines[66] ?? '').slice(0, 40)].join('\n')
    const page = parsePage(cut, 'cut.txt')
    expect(page.kind).toBe('listing')
    expect(page.entries.map(e => e.title)).toEqual([
      'The anti-radicalisation programme', 'Inclusive Public services', 'BragaIncoming Programme',
      'Table on Interreligious dialogue', 'Small Theater – Great Place for Inspiration', 'Local Forum for religious diversity',
    ])
    expect(page.problems).toEqual([expect.objectContaining({ file: 'cut.txt', line: 63, message: expect.stringMatching(/partial entry.*Anissa programme/) })])

    const titleOnly = parsePage(lines.slice(0, 64).join('\n'), 'cut.txt')
    expect(titleOnly.entries).toHaveLength(6)
    expect(titleOnly.problems).toEqual([expect.objectContaining({ line: 63 })])
  })

  it('marks a practice page that stops before its filter list as possibly cut off', () => {
    const text = seed(FILES.lublin).split('\n').slice(0, 18).join('\n')
    const page = parsePage(text, 'cut.txt')
    expect(page.entries[0]?.truncated).toBe(true)
    expect(page.entries[0]?.paragraphs).toHaveLength(2)
    expect(page.problems.some(p => /cut off/.test(p.message))).toBe(true)
  })

  it('recognises the page chrome in French and Serbian', () => {
    const french = 'Avenue de l\'Europe\nF-67075 Strasbourg Cedex\n\nCités interculturelles : exemples de bonnes pratiques\n\nLa cité interculturelle vise à construire ses politiques sur la diversité.\n\nModèle de collecte des bonnes pratiques >>\n\nApplication anti-rumeurs\n\nEspagne Bilbao Depuis 2014\n\nObjectif : Un jeu pour sensibiliser aux rumeurs et aux stéréotypes qui nuisent à la coexistence à Bilbao...\n\nLire la suite\n\nFiltrer par\nThème\nAnti-rumeurs\nPays\nEspagne\nAnnée\n2014\nRéinitialiser le filtre'
    const listing = parsePage(french, 'fr.txt')
    expect(listing).toMatchObject({ kind: 'listing', problems: [] })
    expect(listing.entries).toEqual([expect.objectContaining({ title: 'Application anti-rumeurs', country: 'ES', city: 'Bilbao', language: 'fr', period: { text: 'Depuis 2014', start: 2014, ongoing: true } })])

    const serbian = 'Interkulturalni gradovi: primeri dobre prakse\n\nŠablon za prikupljanje dobrih praksi >>\n\nNazad\n\nZajedno za jače zajednice\n\nUjedinjeno Kraljevstvo Bradford od 2019\n  • Smanji veličinu teksta\n  • Povećaj veličinu teksta\n  • Odštampaj stranicu\n  • Štampaj u PDF\n\nBradford je razvio svoju interkulturalnu strategiju nakon konsultacija sa građanima.\n\nFiltriraj po\nTema\nGodina\n2019\nResetuj filter'
    const detail = parsePage(serbian, 'sr.txt')
    expect(detail).toMatchObject({ kind: 'detail', problems: [] })
    expect(detail.entries).toEqual([expect.objectContaining({
      title: 'Zajedno za jače zajednice', country: 'GB', city: 'Bradford', language: 'sr-Latn',
      period: { text: 'od 2019', start: 2019, ongoing: true },
      paragraphs: ['Bradford je razvio svoju interkulturalnu strategiju nakon konsultacija sa građanima.'],
    })])
  })

  it('yields no practices for a news item or a news listing, and says so', () => {
    const newsItem = 'Avenue de l\'Europe\nF-67075 Strasbourg Cedex\n\nIntercultural cities: news\n\nBack\n\nLisbon hosts the annual ICC meeting\n\n12 October 2023\n  • Decrease text size\n  • Print the page\n\nCities met in Lisbon to discuss inclusion.\n'
    const newsListing = 'Newsroom\n\nLisbon hosts the annual ICC meeting\n\n12 October 2023\n\nCities met in Lisbon...\n\nRead More\n'
    for (const text of [newsItem, newsListing, '', 'Welcome to the Intercultural Cities programme.']) {
      const page = parsePage(text, 'news.txt')
      expect(page.kind).toBe('other')
      expect(page.entries).toEqual([])
      expect(page.problems).toEqual([expect.objectContaining({ file: 'news.txt', line: 1, message: expect.stringContaining('not a good-practice') })])
    }
  })

  it('flags a card whose country it does not know instead of dropping it', () => {
    const page = parsePage(`${listingHeader}\nA practice\n\nAtlantis Poseidonia 2019\n\nPurpose: Something...\n\nRead More\n`, 'x.txt')
    expect(page.entries).toHaveLength(1)
    expect(page.entries[0]).toMatchObject({ title: 'A practice', country: '', city: '', period: { start: 2019, end: 2019 } })
    expect(page.problems).toContainEqual(expect.objectContaining({ line: 18, message: expect.stringContaining('no known country') }))
  })

  it('keeps a card with no location line, and reports text it cannot place', () => {
    const page = parsePage(`${listingHeader}\nA practice\n\nPurpose: Something...\n\nRead More\n\nStray words\n\nAnother practice\n\nSpain Bilbao 2019\n\nPurpose: More...\n\nRead More\n`, 'x.txt')
    expect(page.entries.map(e => [e.title, e.country, e.summary])).toEqual([['A practice', '', 'Purpose: Something'], ['Another practice', 'ES', 'Purpose: More']])
    expect(page.problems).toEqual([
      expect.objectContaining({ line: 16, message: expect.stringContaining('no "Country City Period" line') }),
      expect.objectContaining({ line: 22, message: expect.stringContaining('skipped text that is not part of an entry: "Stray words"') }),
    ])
  })

  it('reports a period it cannot read', () => {
    const odd = parsePage(`${listingHeader}\nA practice\n\nSpain Bilbao 2019 or so\n\nPurpose: Something...\n\nRead More\n`, 'x.txt')
    expect(odd.entries[0]).toMatchObject({ country: 'ES', city: 'Bilbao', period: { text: '2019 or so', ongoing: false } })
    expect(odd.entries[0]?.period.start).toBeUndefined()
    expect(odd.problems).toContainEqual(expect.objectContaining({ line: 18, message: expect.stringContaining('could not read the period') }))
  })
})

describe('importing the seed pages', () => {
  const result = importPages(allSources)
  const find = (id: string): Practice => {
    const p = result.practices.find(r => r.id === id)
    if (!p)
      throw new Error(`no practice ${id}`)
    return p
  }

  it('gives 32 valid practices, sorted by id, with unique ids', () => {
    expect(result.practices).toHaveLength(32)
    const ids = result.practices.map(p => p.id)
    expect(new Set(ids).size).toBe(32)
    expect([...ids].sort()).toEqual(ids)
    for (const p of result.practices)
      expect(checkPractice(p)).toMatchObject({ ok: true })
  })

  it('builds a full record from a card', () => {
    expect(find('es-bilbao-anti-rumour-web-app')).toEqual({
      id: 'es-bilbao-anti-rumour-web-app',
      slug: 'es-bilbao-anti-rumour-web-app',
      title: 'Anti-Rumour Web App',
      country: 'ES',
      city: 'Bilbao',
      period: { text: 'Since 2014', start: 2014, ongoing: true },
      topics: [],
      language: 'en',
      summary: 'Purpose: A game to raise awareness of rumours and stereotypes that negatively affect coexistence in Bilbao. Rationale: Awareness-raising and the fight against discrimination is a priority line of',
      body: '## Purpose\n\nA game to raise awareness of rumours and stereotypes that negatively affect coexistence in Bilbao.\n\n## Rationale\n\nAwareness-raising and the fight against discrimination is a priority line of…',
      teaserOnly: true,
      updatedAt: '2024-01-01T00:00:00.000Z',
      review: ['truncated'],
    })
  })

  it('gives the untitled entry a provisional title and flags it', () => {
    const p = find('es-barcelona-bcnvsodi-is-nowadays-a-platform')
    expect(p.title).toBe('#BCNvsODI is nowadays a platform…')
    expect(p.review).toEqual(['provisional_title', 'truncated'])
  })

  it('flags what the pages do not say', () => {
    expect(find('ie-stvaranje-uslova-za-strategiju-podataka-o-jednakosti-u-irskoj')).toMatchObject({ language: 'sr-Latn', city: '', review: ['missing_city', 'truncated'] })
    expect(find('mx-mexico-an-equality-infrastructure').review).toEqual(['missing_period', 'truncated'])
    const bradford = find('together-for-stronger-communities')
    expect(bradford).toMatchObject({ country: '', city: '', period: { start: 2019, end: 2019 }, review: ['missing_country', 'missing_city'] })
    expect(bradford.body).not.toContain('Diminuer')
    expect(bradford.summary).toMatch(/^Bradford has developed/)
  })

  it('reports problems with file and line', () => {
    expect(result.problems.map(p => `${p.file}:${p.line}`)).toEqual([`${FILES.listing3}:72`, `${FILES.bradford}:14`, `${FILES.lublin}:14`])
  })
})

describe('mergeEntries', () => {
  const bilbaoCards = `Anti-Rumour Web App\n\nSpain Bilbao Since 2014\n\n${seed(FILES.listing2).split('\n')[19]}\n\nRead More\n\nAnother practice\n\nSpain Bilbao 2019\n\nPurpose: Something else in Bilbao...\n\nRead More\n`

  it('merges the same card seen on two pages', () => {
    const { practices } = importPages([{ file: FILES.listing2, text: seed(FILES.listing2) }, { file: 'other.txt', text: `${listingHeader}\n${bilbaoCards}` }])
    expect(practices).toHaveLength(6)
    expect(practices.filter(p => p.title === 'Anti-Rumour Web App')).toHaveLength(1)
  })

  it('merges a card with its practice page in the same language', () => {
    const teaser = 'Purpose: A game to raise awareness of rumours and stereotypes that negatively affect coexistence in Bilbao. Rationale: Awareness-raising and the fight against discrimination is a priority line of action of the City Council.'
    const page = detailPage('The Anti-Rumour Web App of Bilbao', 'Since 2014', [teaser, 'Process: The app was built with schools. Impact: Thousands played.'])
    const { practices } = importPages([{ file: FILES.listing2, text: seed(FILES.listing2) }, { file: 'detail.txt', text: page }])
    expect(practices).toHaveLength(5)
    const p = practices.find(r => r.id === 'es-bilbao-anti-rumour-web-app')
    expect(p?.title).toBe('The Anti-Rumour Web App of Bilbao')
    expect(p?.body).toContain('## Impact\n\nThousands played.')
    expect(p?.review).toBeUndefined()
  })

  it('merges a card with its practice page in another language into one record with a translation', () => {
    const page = detailPage('Aplicación web antirrumores', 'Desde 2014', [
      'Propósito: Un juego para sensibilizar sobre los rumores y estereotipos que afectan negativamente a la convivencia en Bilbao.',
      'Proceso: La aplicación se desarrolló con los centros escolares de la ciudad y se presenta en las fiestas de Bilbao.',
    ])
    const detail = parsePage(page, 'es.txt').entries
    expect(detail[0]?.language).toBe('es')
    const { practices, problems } = importPages([{ file: FILES.listing2, text: seed(FILES.listing2) }, { file: 'es.txt', text: page }])
    expect(problems.filter(p => p.file === 'es.txt').map(p => p.message)).toEqual([expect.stringContaining('no country or city')])
    expect(practices).toHaveLength(5)
    const p = practices.find(r => r.id === 'es-bilbao-anti-rumour-web-app')
    expect(p).toMatchObject({ title: 'Anti-Rumour Web App', language: 'en', country: 'ES', city: 'Bilbao' })
    expect(p?.translations?.es).toEqual({
      title: 'Aplicación web antirrumores',
      summary: 'Un juego para sensibilizar sobre los rumores y estereotipos que afectan negativamente a la convivencia en Bilbao.',
      body: '## Propósito\n\nUn juego para sensibilizar sobre los rumores y estereotipos que afectan negativamente a la convivencia en Bilbao.\n\n## Proceso\n\nLa aplicación se desarrolló con los centros escolares de la ciudad y se presenta en las fiestas de Bilbao.',
    })
  })

  it('does not merge across languages when the period or the city disagrees', () => {
    const otherYear = detailPage('Aplicación web antirrumores', 'Desde 2015', ['Propósito: Un juego sobre los rumores en Bilbao.'])
    const otherCity = detailPage('Aplicación web antirrumores', 'Desde 2014', ['Propósito: Un juego sobre los rumores en la ciudad.'])
    for (const text of [otherYear, otherCity]) {
      const { practices } = importPages([{ file: FILES.listing2, text: seed(FILES.listing2) }, { file: 'es.txt', text }])
      expect(practices).toHaveLength(6)
    }
  })

  it('keeps two practices of one city and year apart when a translation could be either', () => {
    const cards = `${listingHeader}\nFirst\n\nSpain Bilbao 2019\n\nPurpose: Bilbao and Deusto work together...\n\nRead More\n\nSecond\n\nSpain Bilbao 2019\n\nPurpose: Bilbao and Deusto again...\n\nRead More\n`
    const page = detailPage('Un proyecto', '2019', ['Propósito: Bilbao y Deusto colaboran en un proyecto para la ciudad.'])
    const { practices, problems } = importPages([{ file: 'cards.txt', text: cards }, { file: 'es.txt', text: page }])
    expect(practices).toHaveLength(3)
    expect(problems.some(p => /translation of several practices/.test(p.message))).toBe(true)
  })

  it('merges nothing when given nothing', () => {
    expect(mergeEntries([])).toEqual({ practices: [], problems: [], invalid: [] })
  })
})

describe('re-importing over reviewed files', () => {
  const fresh = importPages(allSources).practices
  const untitled = fresh.find(p => p.id === 'es-barcelona-bcnvsodi-is-nowadays-a-platform')!
  const bradford = fresh.find(p => p.id === 'together-for-stronger-communities')!

  it('keeps reviewed title, place, topics and text, and drops the settled flags', () => {
    const reviewed: Practice = { ...untitled, title: '#BCNvsODI', topics: ['anti-discrimination'], summary: 'Reviewed.', body: 'Reviewed.', review: undefined, updatedAt: '2024-05-01T00:00:00.000Z' }
    delete reviewed.review
    // The reviewer replaced the teaser with the full text.
    delete reviewed.teaserOnly
    const merged = keepReviewed(untitled, reviewed, '2025-01-01T00:00:00.000Z')
    expect(merged).toEqual(reviewed)
  })

  it('keeps a reviewed file that is itself only a teaser marked as such', () => {
    const reviewed: Practice = { ...untitled, title: '#BCNvsODI', review: undefined, updatedAt: '2024-05-01T00:00:00.000Z' }
    delete reviewed.review
    expect(untitled.teaserOnly).toBe(true)
    expect(keepReviewed(untitled, reviewed).teaserOnly).toBe(true)
  })

  it('takes fresh values for fields still flagged in the file, and stamps the change', () => {
    const half: Practice = { ...bradford, country: 'GB', city: 'Bradford', topics: ['leadership-commitment'], review: ['missing_city'], updatedAt: '2024-05-01T00:00:00.000Z' }
    const merged = keepReviewed({ ...bradford, title: 'Together for Stronger Communities (2)' }, half, '2025-01-01T00:00:00.000Z')
    expect(merged).toMatchObject({ country: 'GB', city: '', title: 'Together for Stronger Communities', topics: ['leadership-commitment'], review: ['missing_city'] })
    expect(merged.updatedAt).toBe('2025-01-01T00:00:00.000Z')
  })

  it('writes stable JSON: fixed key order, 2-space indent, trailing newline', () => {
    const text = serialisePractice({ ...untitled, review: undefined, topics: ['b', 'a'] })
    expect(text.endsWith('}\n')).toBe(true)
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['id', 'slug', 'title', 'country', 'city', 'period', 'topics', 'language', 'summary', 'body', 'teaserOnly', 'updatedAt'])
    expect(text).toContain('\n  "period": {\n    "text": "Since 2017",\n    "start": 2017,\n    "ongoing": true\n  },')
  })
})

describe('the import CLI', () => {
  function run(args: string[]) {
    return spawnSync('npx', ['tsx', 'tools/import.ts', ...args], { cwd: ROOT, encoding: 'utf8' })
  }

  it('prints valid records with --json', () => {
    const result = run([...Object.values(FILES).map(f => `catalogue/sources/${f}`), '--json'])
    expect(result.status).toBe(0)
    const records = JSON.parse(result.stdout) as unknown[]
    expect(records).toHaveLength(32)
    for (const record of records)
      expect(checkPractice(record).ok).toBe(true)
    expect(result.stderr).toContain(`catalogue/sources/${FILES.listing3}:72:`)
  })

  it('exits 2 naming a file it cannot read, and writes nothing', () => {
    const result = run([`catalogue/sources/${FILES.listing1}`, 'catalogue/sources/no-such-page.txt', '--out', '/nonexistent/never-created'])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('catalogue/sources/no-such-page.txt: no such file')
    expect(result.stdout).toBe('')
  })
})
