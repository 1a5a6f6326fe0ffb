/**
 * Which of a practice's texts to show: its original or one of its translations. The UI language first
 * (a Serbian text in either script counts, as it is shown in the interface's script), then the user's other
 * languages in their order, then English, then the original. Pure: the caller passes the preferences.
 */
const base = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0]!

function match(wanted: string, available: readonly string[]): string | undefined {
  const exact = available.find(tag => tag.toLowerCase() === wanted.toLowerCase())
  return exact ?? available.find(tag => base(tag) === base(wanted))
}

interface TextChoice {
  /** The language of the text to show: the original's or a translation's tag. */
  language: string
  /** True when no text is in the UI language, so the page says which language it shows. */
  fallback: boolean
}

export function chooseTextLanguage(original: string, translations: readonly string[], uiLocale: string, preferred: readonly string[]): TextChoice {
  const available = [original, ...translations]
  const inUi = match(uiLocale, available)
  if (inUi)
    return { language: inUi, fallback: false }
  for (const wanted of [...preferred, 'en']) {
    const found = match(wanted, available)
    if (found)
      return { language: found, fallback: true }
  }
  return { language: original, fallback: true }
}
