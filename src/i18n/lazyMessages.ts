/**
 * Message groups that load with the views that show them (locales/<group>/<tag>.json). The start-up bundle
 * carries all of locales/en.json; the words of the practice page, the map, Saved, Settings, the sync banner and
 * the shell's prompts are not needed to show the first list, so they stay out of it and are merged into
 * vue-i18n when a view that needs them mounts.
 */
import { ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { REFERENCE_LOCALE } from './locales'

export type MessageGroup = 'drafts' | 'map' | 'practice' | 'saved' | 'settings' | 'shell' | 'sync'

type Messages = Record<string, Record<string, unknown>>

/** "group/tag" of every file merged so far, and the merges under way, shared by every view. */
const merged = new Set<string>()
const pending = new Map<string, Promise<void>>()

/**
 * The files themselves are listed in ./messageFiles, loaded on the first merge: a list of every group's file
 * in every language is a few kilobytes that a start-up which merges none need not carry.
 */
function loadInto(merge: (tag: string, messages: Messages) => void, group: MessageGroup, tag: string): Promise<void> {
  const key = `${group}/${tag}`
  if (merged.has(key))
    return Promise.resolve()
  let running = pending.get(key)
  if (!running) {
    running = import('./messageFiles').then(files => files.readMessages(group, tag)).then((messages) => {
      if (messages)
        merge(tag, messages)
      merged.add(key)
    }).finally(() => pending.delete(key))
    pending.set(key, running)
  }
  return running
}

/**
 * Merges a group's messages for the active language (and English, the fallback) into vue-i18n, again on
 * every change of language; `ready` once the active language's are in. The active language's own messages
 * are loaded before it becomes active (./index), so a merge never stands in for them. With `when`, nothing
 * loads until it turns true (words for something the user may never ask for).
 */
export function useLazyMessages(group: MessageGroup, when: () => boolean = () => true): { ready: Ref<boolean>, loadLanguage: (tag: string) => Promise<void> } {
  const { locale, mergeLocaleMessage } = useI18n({ useScope: 'global' })
  const has = (tag: string) => merged.has(`${group}/${tag}`)
  const ready = ref(has(REFERENCE_LOCALE) && has(locale.value))
  const merge = (tag: string, messages: Messages) => mergeLocaleMessage(tag, messages)

  watch([locale, when], async ([tag, wanted]) => {
    if (!wanted)
      return
    await Promise.all([loadInto(merge, group, REFERENCE_LOCALE), loadInto(merge, group, tag)])
    ready.value = true
  }, { immediate: true })

  // Another language's messages of the group, for text written in it (a draft's headings): read with
  // t(key, {}, { locale: tag }).
  return { ready, loadLanguage: tag => loadInto(merge, group, tag) }
}
