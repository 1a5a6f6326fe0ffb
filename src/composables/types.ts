/**
 * The shapes composables and views build for components to show: plain data, named here so that a component's
 * props and the code that fills them share one definition without importing each other.
 */
import type { RouteLocationRaw } from 'vue-router'
import type { Period } from '../catalogue/schema'

/** An active filter, as a removable chip. */
export interface Chip {
  key: string
  label: string
}

/** One value of a facet with its count. */
export interface FacetOption {
  value: string
  label: string
  count: number
  selected: boolean
}

/** A practice as a card of the list shows it. */
export interface PracticeCardData {
  id: string
  title: string
  city: string
  countryName: string
  period: Period
  summary: string
  topicNames: string[]
  language: string
}

/** A saved practice as Saved shows it, with the user's note and tags. */
export interface BookmarkView {
  id: string
  title: string
  place: string
  period: Period
  summary: string
  language: string
  note: string
  noteEdited: string
  savedLabel: string
  tags: string[]
  removed: boolean
}

/** A place of the map's list. */
export interface MapListItem {
  key: string
  name: string
  count: number
  /** The name and the count in words, for screen readers. */
  label: string
  /** "12 km", once the list is sorted by distance from the user. */
  distance?: string
  to: RouteLocationRaw
}

/** What a list of practice cards shows: the ids in order, the cards read so far, and each card's state. */
export interface PracticeListData {
  ids: readonly string[]
  cards: ReadonlyMap<string, PracticeCardData>
  terms: readonly string[]
  savedIds: ReadonlySet<string>
  badges: ReadonlyMap<string, 'new' | 'updated'>
  uiLocale: string
  /** Each practice's distance from the user, in words, when the list is nearest first. */
  distances?: ReadonlyMap<string, string> | undefined
}
