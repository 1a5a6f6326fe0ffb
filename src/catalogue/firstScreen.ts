/**
 * The first screen of the embedded catalogue, written into index.html at build time (tools/first-screen.ts)
 * as a JSON data block: the first cards of the unfiltered list, in the order the search engine gives them,
 * with the names of their topics. A fresh install shows them while its first sync downloads and verifies the
 * catalogue, so the first visit puts practices on screen without loading the sync code first, and without
 * waiting for the network. The block is data, never executed, so the Content-Security-Policy is untouched.
 */
import type { Period, Topic } from './schema'

export const FIRST_SCREEN_ELEMENT_ID = 'first-screen'

/**
 * The performance mark the practice list sets when its first cards are on screen. Secondary work waits for it
 * (stores/firstList.ts), and the start-up benchmark measures up to it.
 */
export const FIRST_LIST_MARK = 'icc:first-list'

/** What a practice card shows, as stored in Dexie (PracticeRow) and as embedded in the page. */
export interface CardFields {
  id: string
  title: string
  city: string
  country: string
  period: Period
  topics: string[]
  language: string
  summary: string
}

export interface FirstScreen {
  /** The feed version the cards come from: once synced, the same rows need not be read again. */
  version: string
  /** The newest order runs ongoing practices to the current year, so the cards are right in this year only. */
  year: number
  /** Practices in the embedded catalogue, for the result count. */
  total: number
  practices: CardFields[]
  /** The topics of those practices, with their names in every language. */
  topics: Topic[]
}

/**
 * The first screen embedded in the page, when there is one for this year. The block is part of the page
 * the app's own script came from, written by its build, so it is trusted as the script is; its text is
 * still only ever rendered as text.
 */
export function readFirstScreen(doc: Document, year: number): FirstScreen | undefined {
  const text = doc.getElementById(FIRST_SCREEN_ELEMENT_ID)?.textContent
  if (!text)
    return undefined
  try {
    const data = JSON.parse(text) as FirstScreen
    return data.year === year && Array.isArray(data.practices) && data.practices.length > 0 ? data : undefined
  }
  catch {
    return undefined
  }
}
