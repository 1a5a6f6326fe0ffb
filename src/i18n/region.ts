/**
 * The locale dates and numbers are formatted in: the UI language with the user's region, so the English
 * interface on a device set to en-GB writes "23 Nov 2026, 18:21" and on en-US "Nov 23, 2026, 6:21 PM".
 * Read from the tags' own subtags, without Intl.Locale#maximize, since every card formats a date or a number.
 */
const REGION = /^(?:[a-z]{2}|\d{3})$/i

function parts(tag: string): { language: string, region: string | undefined } {
  const [language = '', ...rest] = tag.split(/[-_]/)
  // The region follows the language and an optional script; extensions ("-u-…") end the search.
  const end = rest.findIndex(p => p.length === 1)
  const region = (end < 0 ? rest : rest.slice(0, end)).find(p => REGION.test(p))
  return { language: language.toLowerCase(), region: region?.toUpperCase() }
}

/**
 * The region of the first preference in the UI's language, else of the first preference that names one.
 * An English interface on a French device ("fr-FR") takes FR: the user's calendar and number habits go with
 * where they are, not with the language of the words around them.
 */
export function userRegion(uiTag: string, preferred: readonly string[]): string | undefined {
  const language = parts(uiTag).language
  const all = preferred.map(parts)
  return (all.find(p => p.language === language && p.region) ?? all.find(p => p.region))?.region
}

/** The UI tag with the user's region in place of its own ("pt-PT" on a pt-BR device: "pt-BR"). */
export function formattingLocale(uiTag: string, preferred: readonly string[]): string {
  const region = userRegion(uiTag, preferred)
  if (!region)
    return uiTag
  const [language, ...rest] = uiTag.split('-')
  const script = rest.find(p => /^[a-z]{4}$/i.test(p))
  const candidate = [language, script, region].filter(Boolean).join('-')
  try {
    return Intl.getCanonicalLocales(candidate)[0] ?? uiTag
  }
  catch {
    return uiTag
  }
}
