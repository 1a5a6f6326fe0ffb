/**
 * Actions on the user's drafts of new practices (the data lives in Dexie): delete with undo, and the address
 * a ready draft is e-mailed to. Loaded with the drafts pages and Settings, never at start-up.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { db, getSetting, setSetting } from '../db'
import { deleteDraft, restoreDraft, type RemovedDraft } from '../db/drafts'

/** A plain address (name@domain.tld): what a mailto: link needs, no display name, no list. */
function isMailAddress(text: string): boolean {
  return /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>".]+$/u.test(text) && text.length <= 254
}

export const useDraftsStore = defineStore('drafts', () => {
  /** The draft deleted last, with its photos, kept so the deletion can be undone. */
  const lastRemoved = shallowRef<RemovedDraft | undefined>()
  const mailTo = ref('')

  async function remove(id: string): Promise<void> {
    lastRemoved.value = await deleteDraft(db, id)
  }

  async function undoRemove(): Promise<string | undefined> {
    const removed = lastRemoved.value
    lastRemoved.value = undefined
    if (!removed)
      return undefined
    await restoreDraft(db, removed)
    return removed.draft.id
  }

  async function loadMailTo(): Promise<string> {
    mailTo.value = (await getSetting(db, 'draftsMailTo')) ?? ''
    return mailTo.value
  }

  /** Stores the address (empty clears it), or refuses one that is not an address: false, nothing changes. */
  async function setMailTo(address: string): Promise<boolean> {
    const trimmed = address.trim()
    if (trimmed && !isMailAddress(trimmed))
      return false
    mailTo.value = trimmed
    await setSetting(db, 'draftsMailTo', trimmed || undefined)
    return true
  }

  return { lastRemoved, mailTo, remove, undoRemove, forgetRemoved: () => { lastRemoved.value = undefined }, loadMailTo, setMailTo }
})
