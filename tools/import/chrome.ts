/**
 * The site's chrome, one table per language of the site: every phrase the importer may leave out of a
 * record because it belongs to the page, not to a practice. A line that is neither placed in a record nor
 * found here is reported, so growing this table is how a new wording stops being reported.
 *
 * Result-count templates use {a} {b} {n} for "Showing {a} - {b} of {n} results".
 */

interface LanguageChrome {
  /** The link back to the listing, printed above a practice's title. */
  back: readonly string[]
  /** The link under each listing card (some languages print none). */
  readMore: readonly string[]
  resultCount: readonly string[]
  /** The text-size and print buttons under a practice's title. */
  buttons: readonly string[]
  /** Headings and actions of the filter list at the foot of every page. */
  filters: readonly string[]
  /** The section's heading line. */
  siteTitle: readonly string[]
  /** Openings of the programme's intro paragraphs, repeated at the top of every page. */
  intro: readonly string[]
  /** The notice pointing to the COVID-19 special page, as the site prints it. */
  covidNotice: readonly string[]
  /** Headings of the news section: a page carrying one is news, not a practice. */
  news: readonly string[]
}

const CHROME: Readonly<Record<string, LanguageChrome>> = {
  'en': {
    back: ['Back', 'Go back'],
    readMore: ['Read More', 'More'],
    resultCount: ['Showing {a} - {b} of {n} results', 'Showing {a} - {b} of {n} result', 'Showing {n} results'],
    buttons: ['Decrease text size', 'Increase text size', 'Print the page', 'Print this page', 'Print in PDF', 'Print as PDF'],
    filters: ['Filter by', 'Filter by Filter by', 'Topic', 'Topics', 'Countries', 'Country', 'Year', 'Years', 'Reset Filter', 'Reset Filters'],
    siteTitle: ['Intercultural cities: good practice examples', 'Intercultural cities: good practices'],
    intro: ['The Intercultural city aims at', 'The first step is the adoption', 'This section offers examples'],
    covidNotice: ['To get acquainted with cities’ good practices related to the management of the Covid-19 pandemic, please visit Intercultural Cities: COVID-19 Special page.'],
    news: ['Intercultural cities: news', 'Newsroom', 'News'],
  },
  'fr': {
    back: ['Retour'],
    readMore: ['Lire la suite', 'En savoir plus'],
    resultCount: ['Affichage de {a} - {b} sur {n} résultats', 'Affichage de {a} - {b} de {n} résultats', 'Affichage {a} - {b} de {n} résultats'],
    buttons: ['Diminuer la taille du texte', 'Augmenter la taille du texte', 'Imprimer la page', 'Imprimer en PDF'],
    filters: ['Filtrer par', 'Filtrer par Filtrer par', 'Thème', 'Thèmes', 'Sujet', 'Pays', 'Année', 'Années', 'Réinitialiser le filtre', 'Réinitialiser les filtres'],
    siteTitle: ['Cités interculturelles : exemples de bonnes pratiques', 'Cités interculturelles: exemples de bonnes pratiques'],
    intro: ['La cité interculturelle vise', 'La ville interculturelle vise', 'La première étape est', 'Cette section propose', 'Cette rubrique présente'],
    covidNotice: [],
    news: ['Cités interculturelles : actualités', 'Salle de presse', 'Actualités'],
  },
  'de': {
    back: ['Zurück'],
    readMore: ['Weiterlesen', 'Mehr lesen'],
    resultCount: ['Zeige {a} - {b} von {n} Ergebnissen', 'Anzeige von {a} - {b} von {n} Ergebnissen', 'Es werden {a} - {b} von {n} Ergebnissen angezeigt'],
    buttons: ['Textgröße verringern', 'Textgröße erhöhen', 'Seite drucken', 'Als PDF drucken'],
    filters: ['Filtern nach', 'Thema', 'Themen', 'Länder', 'Land', 'Jahr', 'Jahre', 'Filter zurücksetzen'],
    siteTitle: [],
    intro: [],
    covidNotice: [],
    news: ['Neuigkeiten', 'Nachrichten'],
  },
  'it': {
    back: ['Indietro', 'Torna indietro'],
    readMore: ['Leggi di più', 'Leggi tutto'],
    resultCount: ['Visualizzazione di {a} - {b} di {n} risultati', 'Mostra {a} - {b} di {n} risultati', 'Risultati {a} - {b} di {n}'],
    buttons: ['Riduci la dimensione del testo', 'Aumenta la dimensione del testo', 'Stampa la pagina', 'Stampa in PDF'],
    filters: ['Filtra per', 'Argomento', 'Argomenti', 'Paesi', 'Anno', 'Anni', 'Reimposta filtri', 'Reimposta filtro'],
    siteTitle: [],
    intro: [],
    covidNotice: [],
    news: ['Notizie'],
  },
  'es': {
    back: ['Atrás', 'Volver'],
    readMore: ['Leer más'],
    resultCount: ['Mostrando {a} - {b} de {n} resultados', 'Mostrando el intervalo {a} - {b} de {n} resultados'],
    buttons: ['Reducir el tamaño del texto', 'Aumentar el tamaño del texto', 'Imprimir la página', 'Imprimir en PDF'],
    filters: ['Filtrar por', 'Tema', 'Temas', 'Países', 'Año', 'Años', 'Restablecer filtros', 'Restablecer filtro'],
    siteTitle: [],
    intro: [],
    covidNotice: [],
    news: ['Noticias'],
  },
  'pt': {
    back: ['Voltar'],
    readMore: ['Ler mais', 'Saiba mais'],
    resultCount: ['Mostrando {a} - {b} de {n} resultados', 'A mostrar {a} - {b} de {n} resultados', 'Exibindo {a} - {b} de {n} resultados'],
    buttons: ['Diminuir o tamanho do texto', 'Aumentar o tamanho do texto', 'Imprimir a página', 'Imprimir em PDF'],
    filters: ['Filtrar por', 'Tema', 'Temas', 'Países', 'Ano', 'Anos', 'Redefinir filtros', 'Redefinir filtro'],
    siteTitle: [],
    intro: [],
    covidNotice: [],
    news: ['Notícias'],
  },
  'el': {
    back: ['Επιστροφή', 'Πίσω'],
    readMore: ['Διαβάστε περισσότερα', 'Περισσότερα'],
    resultCount: ['Εμφάνιση {a} - {b} από {n} αποτελέσματα', 'Εμφάνιση {a} - {b} από {n} αποτελεσμάτων'],
    buttons: ['Μείωση μεγέθους κειμένου', 'Αύξηση μεγέθους κειμένου', 'Εκτύπωση σελίδας', 'Εκτύπωση σε PDF'],
    filters: ['Φιλτράρισμα κατά', 'Θέμα', 'Χώρες', 'Έτος', 'Επαναφορά φίλτρου'],
    siteTitle: [],
    intro: [],
    covidNotice: [],
    news: ['Νέα'],
  },
  'fi': {
    back: ['Takaisin'],
    readMore: ['Lue lisää'],
    resultCount: ['Näytetään {a} - {b} / {n} tulosta', 'Näytetään tulokset {a} - {b} / {n}', 'Näytetään {a} - {b} yhteensä {n} tuloksesta'],
    buttons: ['Pienennä tekstikokoa', 'Suurenna tekstikokoa', 'Tulosta sivu', 'Tulosta PDF-muodossa'],
    filters: ['Suodata', 'Aihe', 'Maat', 'Vuosi', 'Nollaa suodatin'],
    siteTitle: [],
    intro: [],
    covidNotice: [],
    news: ['Uutiset'],
  },
  'sq': {
    back: ['Kthehu', 'Kthehu mbrapa', 'Prapa'],
    // The Albanian chrome prints no link under its cards.
    readMore: [],
    resultCount: ['Duke shfaqur {a} - {b} nga {n} rezultate', 'Shfaqen {a} - {b} nga {n} rezultate'],
    buttons: ['Zvogëlo madhësinë e tekstit', 'Zmadho madhësinë e tekstit', 'Printo faqen', 'Printo në PDF'],
    filters: ['Filtro sipas', 'Tema', 'Vendet', 'Viti', 'Rivendos filtrin'],
    siteTitle: [],
    intro: [],
    covidNotice: [],
    news: ['Lajme'],
  },
  'sr-Latn': {
    back: ['Nazad'],
    readMore: ['Pročitajte više', 'Pročitaj više', 'Opširnije', 'Saznajte više'],
    resultCount: ['Prikazano {a} - {b} od {n} rezultata', 'Prikaz {a} - {b} od {n} rezultata'],
    buttons: ['Smanji veličinu teksta', 'Povećaj veličinu teksta', 'Odštampaj stranicu', 'Štampaj u PDF'],
    filters: ['Filtriraj po', 'Filtrirati po', 'Tema', 'Teme', 'Zemlje', 'Države', 'Godina', 'Godine', 'Resetuj filter', 'Resetuj filtere', 'Poništi filtere'],
    siteTitle: ['Interkulturalni gradovi: primeri dobre prakse'],
    intro: ['Interkulturalni grad ima za cilj', 'Prvi korak je', 'Ovaj odeljak nudi'],
    covidNotice: [],
    news: ['Vesti'],
  },
  'sr-Cyrl': {
    back: ['Назад'],
    readMore: ['Прочитајте више', 'Прочитај више', 'Опширније', 'Сазнајте више'],
    resultCount: ['Приказано {a} - {b} од {n} резултата'],
    buttons: ['Смањи величину текста', 'Повећај величину текста', 'Одштампај страницу', 'Штампај у PDF'],
    filters: ['Филтрирај по', 'Тема', 'Теме', 'Земље', 'Државе', 'Година', 'Године', 'Ресетуј филтер', 'Поништи филтере'],
    siteTitle: ['Интеркултурални градови: примери добре праксе'],
    intro: ['Интеркултурални град има за циљ', 'Први корак је', 'Овај одељак нуди'],
    covidNotice: [],
    news: ['Вести'],
  },
  'tr': {
    back: ['Geri', 'Geri dön'],
    readMore: ['Devamını oku', 'Daha fazla oku'],
    resultCount: ['{n} sonuçtan {a} - {b} arası gösteriliyor', '{a} - {b} / {n} sonuç gösteriliyor'],
    buttons: ['Metin boyutunu küçült', 'Metin boyutunu büyüt', 'Sayfayı yazdır', 'PDF olarak yazdır'],
    filters: ['Filtrele', 'Konu', 'Ülkeler', 'Yıl', 'Filtreyi sıfırla'],
    siteTitle: [],
    intro: [],
    covidNotice: [],
    news: ['Haberler'],
  },
  'uk': {
    back: ['Назад', 'Повернутися'],
    readMore: ['Детальніше', 'Читати далі'],
    resultCount: ['Показано {a} - {b} з {n} результатів'],
    buttons: ['Зменшити розмір тексту', 'Збільшити розмір тексту', 'Друкувати сторінку', 'Друк у PDF'],
    filters: ['Фільтрувати за', 'Тема', 'Теми', 'Країни', 'Рік', 'Роки', 'Скинути фільтри', 'Скинути фільтр'],
    siteTitle: [],
    intro: [],
    covidNotice: [],
    news: ['Новини'],
  },
  'eu': {
    back: ['Atzealdea', 'Atzera', 'Itzuli'],
    readMore: ['Irakurri gehiago'],
    resultCount: ['{a} - {b} erakusten, guztira {n} emaitza', '{n} emaitzetatik {a} - {b} erakusten'],
    buttons: ['Testuaren tamaina txikitu', 'Testuaren tamaina handitu', 'Orria inprimatu', 'PDFn inprimatu'],
    filters: ['Iragazi', 'Gaia', 'Herrialdeak', 'Urtea', 'Berrezarri iragazkia'],
    siteTitle: [],
    intro: [],
    covidNotice: [],
    news: ['Berriak'],
  },
  'ru': {
    back: ['Назад', 'Вернуться'],
    readMore: ['Подробнее', 'Читать далее'],
    resultCount: ['Показано {a} - {b} из {n} результатов', 'Показаны результаты {a} - {b} из {n}'],
    buttons: ['Уменьшить размер текста', 'Увеличить размер текста', 'Распечатать страницу', 'Печать в PDF'],
    filters: ['Фильтровать по', 'Тема', 'Страны', 'Год', 'Сбросить фильтр', 'Сбросить фильтры'],
    siteTitle: [],
    intro: [],
    covidNotice: [],
    news: ['Новости'],
  },
}

type ChromeKind = keyof LanguageChrome

/** Case, accents' composition, quotes, dashes and spacing folded, so the table need not list every spelling. */
function foldChrome(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[‘’ʼ`]/gu, '\'')
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/\s*:\s*/gu, ': ')
    .replace(/\s+/gu, ' ')
    .trim()
}

let exactIndex: Map<string, { kind: ChromeKind, language: string }[]> | undefined

function buildIndex(): Map<string, { kind: ChromeKind, language: string }[]> {
  const index = new Map<string, { kind: ChromeKind, language: string }[]>()
  for (const [language, table] of Object.entries(CHROME)) {
    for (const kind of ['back', 'readMore', 'buttons', 'filters', 'siteTitle', 'covidNotice', 'news'] as const) {
      for (const phrase of table[kind]) {
        const key = foldChrome(phrase)
        index.set(key, [...(index.get(key) ?? []), { kind, language }])
      }
    }
  }
  return index
}

/** The languages whose table lists `line` as a phrase of `kind` (empty when none does). */
function chromeLanguages(line: string, kind: ChromeKind): string[] {
  exactIndex ??= buildIndex()
  return (exactIndex.get(foldChrome(line)) ?? []).filter(hit => hit.kind === kind).map(hit => hit.language)
}

export function isChrome(line: string, kind: ChromeKind): boolean {
  return chromeLanguages(line, kind).length > 0
}

/** The phrase of `kind` that opens `line`, with the rest of the line ("Back Anti-Rumour Web App"). */
export function chromePrefix(line: string, kind: ChromeKind): { phrase: string, rest: string } | undefined {
  const folded = foldChrome(line)
  let best: { phrase: string, rest: string } | undefined
  for (const table of Object.values(CHROME)) {
    for (const phrase of table[kind]) {
      const key = foldChrome(phrase)
      if (folded.startsWith(`${key} `) && (!best || key.length > best.phrase.length))
        best = { phrase: key, rest: line.trim().slice(phrase.length).trim() }
    }
  }
  return best
}

/** Intro paragraphs: matched on their opening, since the rest of each runs long. */
export function isIntroText(text: string): boolean {
  const folded = foldChrome(text)
  return Object.values(CHROME).some(t => t.intro.some(p => folded.startsWith(foldChrome(p))))
}

let countPatterns: RegExp[] | undefined

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')
}

function templatePattern(template: string): RegExp {
  const source = escapeRegExp(foldChrome(template))
    .replace(/\\\{([abn])\\\}|\{([abn])\}/gu, (_, x: string | undefined, y: string | undefined) => `(?<${x ?? y}>\\d[\\d.,\\s]*?)`)
    .replace(/ - /gu, '\\s*-\\s*')
  // Some languages' pages end the line with a full stop ("… αποτελέσματα.").
  return new RegExp(`^${source}\\.?$`, 'u')
}

function toNumber(text: string | undefined): number | undefined {
  if (text === undefined)
    return undefined
  const digits = text.replace(/[.,\s]/gu, '')
  return digits === '' ? undefined : Number(digits)
}

/** "Showing 1 - 20 of 363 results" in any site language → its numbers; undefined for any other line. */
export function readResultCount(line: string): { start?: number, end?: number, total: number, language: string } | undefined {
  countPatterns ??= Object.values(CHROME).flatMap(t => t.resultCount.map(templatePattern))
  const languages = Object.entries(CHROME).flatMap(([language, t]) => t.resultCount.map(() => language))
  const folded = foldChrome(line)
  for (const [i, pattern] of countPatterns.entries()) {
    const groups = pattern.exec(folded)?.groups
    const total = toNumber(groups?.n)
    if (groups && total !== undefined)
      return { start: toNumber(groups.a), end: toNumber(groups.b), total, language: languages[i] ?? 'en' }
  }
  return undefined
}
