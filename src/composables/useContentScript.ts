import { shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ScriptedText } from '../catalogue/serbianScript'

type SerbianScriptModule = typeof import('../catalogue/serbianScript')

const isSerbian = (tag: string): boolean => /^sr(?:[-_]|$)/i.test(tag)

/**
 * Serbian text follows the interface's script: with the Cyrillic interface a text written in Latin reads in
 * Cyrillic, and the reverse. Other languages, and Serbian under any other interface, show as written. The
 * transliteration loads only under a Serbian interface, so it is not part of start-up.
 */
export function useContentScript() {
  const { locale } = useI18n()
  const scripts = shallowRef<SerbianScriptModule>()
  let loading = false

  /** The text in the interface's script, once the tables are in; undefined when it shows as written. */
  function converted(text: string, language: string): ScriptedText | undefined {
    if (!isSerbian(locale.value) || !isSerbian(language))
      return undefined
    if (!scripts.value && !loading) {
      loading = true
      void import('../catalogue/serbianScript').then((loaded) => {
        scripts.value = loaded
      })
    }
    return scripts.value?.inInterfaceScript(text, language, locale.value)
  }

  function show(text: string, language: string, original = false): ScriptedText {
    return (original ? undefined : converted(text, language)) ?? { text, language }
  }
  return { show, converted }
}
