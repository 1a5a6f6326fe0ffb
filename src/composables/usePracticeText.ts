import { computed, ref, type Ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { chooseTextLanguage } from '../catalogue/contentLanguage'
import type { Practice } from '../catalogue/schema'
import { useContentScript } from './useContentScript'

/**
 * The text a practice page shows: the translation in the UI language when the practice has one, else the
 * best fallback (see chooseTextLanguage), or the language the reader picked; Serbian in the interface's
 * script unless the reader asks for the original. Both choices reset when another practice opens.
 */
export function usePracticeText(practice: Ref<Practice | null | undefined>, id: Ref<string>) {
  const { locale } = useI18n()
  const script = useContentScript()
  const picked = ref<string>()
  const originalScript = ref(false)
  watch(id, () => {
    picked.value = undefined
    originalScript.value = false
  })

  const languages = computed(() => practice.value ? [practice.value.language, ...Object.keys(practice.value.translations ?? {})] : [])
  const choice = computed(() => {
    const p = practice.value
    if (!p)
      return undefined
    const preferred = typeof navigator === 'undefined' ? [] : navigator.languages ?? []
    return chooseTextLanguage(p.language, Object.keys(p.translations ?? {}), locale.value, preferred)
  })
  /** The language read now: the reader's pick, else the best choice. */
  const reading = computed(() => picked.value ?? choice.value?.language)

  const raw = computed(() => {
    const p = practice.value
    const language = reading.value
    if (!p || !language)
      return undefined
    const texts = language === p.language ? p : p.translations?.[language] ?? p
    return { title: texts.title, summary: texts.summary, body: texts.body, language }
  })
  const text = computed(() => {
    const r = raw.value
    if (!r)
      return undefined
    const shown = (value: string) => script.show(value, r.language, originalScript.value)
    const title = shown(r.title)
    return { title: title.text, summary: shown(r.summary).text, body: shown(r.body).text, language: title.language }
  })
  /** A control to see the original script is offered when the text is Serbian in the other script. */
  const convertible = computed(() => !!raw.value && !!script.converted(raw.value.title, raw.value.language))

  const fallback = computed(() => !picked.value && !!choice.value?.fallback)
  function pick(language: string): void {
    picked.value = language
  }
  return { languages, reading, text, convertible, originalScript, fallback, pick }
}
