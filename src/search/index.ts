/**
 * Search: a pure, worker-safe engine over plain records (no Vue, no storage). Segments are built by
 * buildSegment (`./segmentBuilder`, imported from there: tools/build-feed, or the app when a feed has none,
 * always by a dynamic import so that it stays out of the start-up code), opened with openIndex, queried.
 */
export type { FacetName, QueryContext, SearchIndex, SearchQuery, SearchResult, SortKey } from './types'
export { emptyQuery, FACET_NAMES } from './types'
export { normalize } from './normalize'
export { tokenize } from './tokenize'

export { openIndex } from './engine'
export { highlight } from './highlight'
