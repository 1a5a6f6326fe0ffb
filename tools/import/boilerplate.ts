/**
 * Recognising the site's chrome in a page's text. The phrases live in chrome.ts (one table per language);
 * what is here are the few shapes no phrase list can hold: the postal address, the template link that ends
 * the header, a facet option with its count, the COVID-19 notice in a language the table does not spell.
 */
import { chromePrefix, isChrome, isIntroText, readResultCount } from './chrome'

/** Short lines that say "this is the good-practice section"; a page without one needs other evidence. */
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

export function isAddressLine(line: string): boolean {
  return ADDRESS.some(p => p.test(line))
}

/** "<programme name>: good practice examples" in a language whose heading the table does not list. */
const SITE_TITLE = /^(?:intercultural cities|cités interculturelles|villes interculturelles|interkulturalni gradovi|интеркултурални градови|ciudades interculturales|città interculturali|cidades interculturais|interkulturelle städte|міжкультурні міста)\s*:/iu

export function isSiteTitle(line: string): boolean {
  return isChrome(line, 'siteTitle') || (SITE_TITLE.test(line) && isGoodPracticeMarker(line))
}

export function isIntroParagraph(text: string): boolean {
  return isIntroText(text)
}

/**
 * The notice above a practice's title pointing to the COVID-19 special page. Only the notice: the site's
 * wording from the table, or, in the page header, a short paragraph naming both COVID-19 and the special
 * page. A practice's own paragraph about COVID-19 is text like any other.
 */
export function isCovidNotice(text: string, inHeader: boolean): boolean {
  if (isChrome(text, 'covidNotice'))
    return true
  return inHeader && text.length <= 300 && /covid-?19/iu.test(text) && /special|spéciale|posebn|посебн|especial|speciale|sonderseite/iu.test(text)
}

export function isBackLink(line: string): boolean {
  return isChrome(line.replace(/^[<«‹←]+\s*/u, ''), 'back')
}

/** "Back Anti-Rumour Web App": the title printed on the Back link's line. */
export function titleAfterBack(line: string): string | undefined {
  const prefix = chromePrefix(line.replace(/^[<«‹←]+\s*/u, ''), 'back')
  return prefix && prefix.rest !== '' ? prefix.rest : undefined
}

const BULLET = /^[•·▪◦*-]\s*/u

/** A text-size or print button, bulleted ("• Diminuer la taille du texte") or not. */
export function isToolButton(line: string): boolean {
  return isChrome(line.replace(BULLET, ''), 'buttons')
}

export function isReadMore(line: string): boolean {
  return isChrome(line.replace(/\s*(?:>>|»|›|→)$/u, ''), 'readMore')
}

export function isFacetHeading(line: string): boolean {
  return isChrome(line, 'filters')
}

/** "0 International outlook": a facet option with its result count. */
const FACET_COUNT = /^\d+\s+\p{L}.{0,80}$/u

export function isFacetCount(line: string): boolean {
  return FACET_COUNT.test(line)
}

export function isNewsHeading(line: string): boolean {
  return isChrome(line, 'news')
}

export function isResultCount(line: string): boolean {
  return readResultCount(line) !== undefined
}

/** Lines that are chrome wherever they appear on a page. */
export function isChromeLine(line: string): boolean {
  return isAddressLine(line) || isSiteTitle(line) || isBackLink(line) || isToolButton(line) || isResultCount(line)
    || (isHeaderEnd(line) && isGoodPracticeMarker(line))
}
