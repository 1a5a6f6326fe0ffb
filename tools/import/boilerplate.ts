/**
 * Recognising the site's chrome in a page dump: the Council of Europe address, the programme's intro text,
 * the "Back" link, text-size and print buttons, the filter lists. The site is published in several
 * languages, so each pattern lists the wordings seen or expected in en, fr, sr (Latin and Cyrillic) and the
 * other languages of the catalogue.
 */

/** Short lines that say "this is the good-practice section"; a page without one is not a practice page. */
const GOOD_PRACTICE = /good[ -]practices?|bonnes? pratiques?|dobr[aeiu]h? praks|добр[аеиу]х? пракс|buenas prácticas|buone pratiche|boas práticas|gute praxis|praxisbeispiele|добр[аіи]х? практик/iu

export function isGoodPracticeMarker(line: string): boolean {
  return line.length <= 120 && GOOD_PRACTICE.test(line)
}

/** The link to the template ("Template for collection of Good practices >>") closes the page header. */
export function isHeaderEnd(line: string): boolean {
  return line.length <= 120 && /(?:>>|»)\s*$/u.test(line)
}

const ADDRESS = [
  /^avenue de l['’]europe$/iu,
  /^f-67075\b/iu,
  /^t[ée]l\.?\s*[+(\d]/iu,
  /^www\.coe\.int\/?$/iu,
]

/** Openings of the programme's intro paragraphs, repeated on every page of the section. */
const INTRO = [
  /^the intercultural city aims at/iu,
  /^the first step is the adoption/iu,
  /^this section offers examples/iu,
  /^la (?:cité|ville) interculturelle (?:vise|a pour objectif)/iu,
  /^la première étape (?:est|consiste)/iu,
  /^cette (?:section|rubrique) (?:propose|présente|offre)/iu,
  /^interkulturalni grad (?:ima za cilj|teži|nastoji)/iu,
  /^prvi korak je/iu,
  /^ovaj (?:odeljak|deo) (?:nudi|sadrži|predstavlja)/iu,
  /^интеркултурални град (?:има за циљ|тежи|настоји)/iu,
  /^први корак је/iu,
  /^овај (?:одељак|део) (?:нуди|садржи|представља)/iu,
]

const SITE_TITLE = /^(?:intercultural cities|cités interculturelles|villes interculturelles|interkulturalni gradovi|интеркултурални градови|ciudades interculturales|città interculturali|cidades interculturais|interkulturelle städte|міжкультурні міста)\s*:/iu

const COVID = /covid-?19/iu

const BACK = /^(?:[<«‹←]+\s*)?(?:back|go back|retour|nazad|назад|zurück|volver|indietro|torna indietro|voltar)$/iu

/** Text-size and print buttons, which the dump renders as bullet lines under the title. */
const TOOL_BUTTON = /(?:text size|font size|taille du texte|veličin[ua] (?:teksta|slova)|величин[уа] (?:текста|слова)|tamaño del texto|dimensione del testo|tamanho do texto|schriftgröße|розмір (?:тексту|шрифту)|\bprint\b|imprimer|imprimir|stampa|štampa|odštampaj|штампа|одштампај|drucken|друк|\bpdf\b)/iu

const READ_MORE = /^(?:read more|more|lire la suite|en savoir plus|pročitajte više|pročitaj više|opširnije|saznajte više|прочитајте више|прочитај више|опширније|сазнајте више|leer más|leggi di più|leggi tutto|ler mais|saiba mais|weiterlesen|mehr lesen|детальніше|читати далі)\s*(?:>>|»|›|→)?$/iu

const FACET_HEADING = /^(?:filter by(?: filter by)?|filtrer par(?: filtrer par)?|filtriraj po|filtrirati po|филтрирај по|filtrar por|filtra per|filtern nach|фільтрувати за|topics?|countries|country|years?|thèmes?|sujets?|pays|années?|tem[ae]|zemlje|države|godin[ae]|тем[ае]|земље|државе|годин[ае]|temas?|países|años?|argomenti|argomento|paesi|anno|anni|anos?|themen?|länder|jahre?|країни|роки|рік|reset filters?|réinitialiser(?: les?)? filtres?|resetuj filtere?|poništi filtere?|ресетуј филтере?|поништи филтере?|restablecer filtros?|reimposta filtri|redefinir filtros?|filter zurücksetzen|скинути фільтри?)$/iu

/** "0 International outlook": a facet option with its result count. */
const FACET_COUNT = /^\d+\s+\p{L}.{0,80}$/u

export function isAddressLine(line: string): boolean {
  return ADDRESS.some(p => p.test(line))
}

export function isIntroParagraph(text: string): boolean {
  return INTRO.some(p => p.test(text))
}

export function isSiteTitle(line: string): boolean {
  return SITE_TITLE.test(line) && isGoodPracticeMarker(line)
}

export function isCovidNotice(text: string): boolean {
  return COVID.test(text) && (GOOD_PRACTICE.test(text) || /special|spéciale|posebn|посебн|especial|speciale|sonderseite/iu.test(text))
}

export function isBackLink(line: string): boolean {
  return BACK.test(line)
}

/** Without a bullet only the exact labels count: "Print media campaign" may well be a body line. */
const TOOL_LABELS = new Set([
  'decrease text size', 'increase text size', 'print the page', 'print this page', 'print in pdf', 'print as pdf',
  'diminuer la taille du texte', 'augmenter la taille du texte', 'imprimer la page', 'imprimer en pdf',
])

/** A bullet line under the title ("• Diminuer la taille du texte"), or one of the known labels alone. */
export function isToolButton(line: string): boolean {
  const text = line.replace(/^[•·▪◦]\s*/u, '')
  if (text !== line)
    return text.length <= 60 && TOOL_BUTTON.test(text)
  return TOOL_LABELS.has(text.toLowerCase())
}

export function isReadMore(line: string): boolean {
  return READ_MORE.test(line)
}

export function isFacetHeading(line: string): boolean {
  return FACET_HEADING.test(line)
}

export function isFacetCount(line: string): boolean {
  return FACET_COUNT.test(line)
}

/** Lines that are chrome wherever they appear on a practice page. */
export function isBoilerplateLine(line: string): boolean {
  return isAddressLine(line) || isSiteTitle(line) || isBackLink(line) || isToolButton(line) || (isHeaderEnd(line) && isGoodPracticeMarker(line))
}

/** Paragraphs that are chrome: the intro text and the COVID-19 notice. */
export function isBoilerplateParagraph(text: string): boolean {
  return isIntroParagraph(text) || isCovidNotice(text)
}
