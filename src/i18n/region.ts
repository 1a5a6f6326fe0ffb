/**
 * The locale dates and numbers are formatted in: the UI language with the user's region, so the English
 * interface on a device set to en-GB writes "23 Nov 2026, 18:21" and on en-US "Nov 23, 2026, 6:21 PM".
 * Read from the tags' own subtags, without Intl.Locale#maximize, since every card formats a date or a number.
 */
/** language, optional script, region; an extension ("-u-…") or a private use ("-x-…") may follow. */
const TAG = /^([a-z]{2,3})(?:-[a-z]{4})?-([a-z]{2}|\d{3})(?:-|$)/i

/**
 * The region of the first preference in the UI's language, else of the first preference that names one.
 * An English interface on a French device ("fr-FR") takes FR: the user's calendar and number habits go with
 * where they are, not with the language of the words around them.
 */
export function userRegion(uiTag: string, preferred: readonly string[]): string | undefined {
  const language = uiTag.split('-')[0]!.toLowerCase()
  const regional = preferred.map(tag => TAG.exec(tag)).filter(match => match !== null)
  return (regional.find(match => match[1]!.toLowerCase() === language) ?? regional[0])?.[2]!.toUpperCase()
}

/** The UI tag with the user's region in place of its own ("pt-PT" on a pt-BR device: "pt-BR"). */
export function formattingLocale(uiTag: string, preferred: readonly string[]): string {
  const region = userRegion(uiTag, preferred)
  const [language, ...rest] = uiTag.split('-')
  return region ? [language, ...rest.filter(part => part.length === 4), region].join('-') : uiTag
}
