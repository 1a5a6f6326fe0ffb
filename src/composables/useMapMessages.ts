import { ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'

type Messages = Record<string, Record<string, unknown>>

// The map's and the nearby lists' words (locales/map/) load with the views that show them: the start-up
// bundle carries all of en.json, and these are not part of start-up.
const loaders = import.meta.glob<{ default: Messages }>('../../locales/map/*.json')
const REFERENCE = 'en'

/** Merges the map messages of the active language (and English, the fallback) into vue-i18n; `ready` once done. */
export function useMapMessages() {
  const { locale, mergeLocaleMessage } = useI18n({ useScope: 'global' })
  const ready = ref(false)
  const merged = new Set<string>()

  async function load(tag: string): Promise<void> {
    const loader = loaders[`../../locales/map/${tag}.json`]
    if (!loader || merged.has(tag))
      return
    mergeLocaleMessage(tag, (await loader()).default)
    merged.add(tag)
  }

  // The active language's own messages are loaded before it becomes active (src/i18n), so merging into it
  // never stands in for them.
  watch(locale, async (tag) => {
    await Promise.all([load(REFERENCE), load(tag)])
    ready.value = true
  }, { immediate: true })

  return { ready }
}
