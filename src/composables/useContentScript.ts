import { shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'

export interface ScriptedText {
  text: string
  /** The tag of the text as shown: "sr-Cyrl" for a Latin text shown in Cyrillic. */
  language: string
  /** The text was transliterated into the interface's script. */
  converted: boolean
}

type SerbianScriptModule = typeof import('../catalogue/serbianScript')

const isSerbian = (tag: string): boolean => /^sr(?:[-_]|$)/i.test(tag)

/**
 * Serbian text follows the interface's script: with the Cyrillic interface a text written in Latin reads in
 * Cyrillic, and the reverse. Other languages, and Serbian under any other interface, show as written. The
 * transliteration tables load only under a Serbian interface, so they are not part of start-up.
 */
export function useContentScript() {
  const { locale } = useI18n()
  const scripts = shallowRef<SerbianScriptModule>()
  let loading = false

  /** The script the interface asks for, if the text is Serbian in the other one (once the tables are in). */
  function target(language: string, sample: string): 'Latn' | 'Cyrl' | undefined {
    if (!isSerbian(locale.value) || !isSerbian(language))
      return undefined
    const module = scripts.value
    if (!module) {
      if (!loading) {
        loading = true
        void import('../catalogue/serbianScript').then((loaded) => {
          scripts.value = loaded
        })
      }
      return undefined
    }
    const ui = module.serbianScript(locale.value)
    const text = module.serbianScript(language, sample)
    return ui && text && ui !== text ? ui : undefined
  }

  function show(text: string, language: string, original = false): ScriptedText {
    const script = original ? undefined : target(language, text)
    return script && scripts.value
      ? { text: scripts.value.toSerbianScript(text, script), language: `sr-${script}`, converted: true }
      : { text, language, converted: false }
  }
  return { show, target }
}
