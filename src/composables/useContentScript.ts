import { useI18n } from 'vue-i18n'
import { serbianScript, toSerbianScript } from '../catalogue/serbianScript'

export interface ScriptedText {
  text: string
  /** The tag of the text as shown: "sr-Cyrl" for a Latin text shown in Cyrillic. */
  language: string
  /** The text was transliterated into the interface's script. */
  converted: boolean
}

/**
 * Serbian text follows the interface's script: with the Cyrillic interface a text written in Latin reads in
 * Cyrillic, and the reverse. Other languages, and Serbian under any other interface, show as written.
 */
export function useContentScript() {
  const { locale } = useI18n()
  /** The script the interface asks for, if the text is Serbian in the other one. */
  function target(language: string, sample: string): 'Latn' | 'Cyrl' | undefined {
    const ui = serbianScript(locale.value)
    const text = serbianScript(language, sample)
    return ui && text && ui !== text ? ui : undefined
  }
  function show(text: string, language: string, original = false): ScriptedText {
    const script = original ? undefined : target(language, text)
    return script
      ? { text: toSerbianScript(text, script), language: `sr-${script}`, converted: true }
      : { text, language, converted: false }
  }
  return { show, target }
}
