/**
 * Search: a pure, worker-safe engine over plain records (no Vue, no storage). Build segments with
 * buildSegment (tools/build-feed, or the app when a feed has none), open them with openIndex, query.
 */
export type { FacetName, QueryContext, SearchIndex, SearchQuery, SearchResult, SortKey } from './types.ts'
export { emptyQuery, FACET_NAMES } from './types.ts'
export { normalize } from './normalize.ts'
export { tokenize } from './tokenize.ts'
export { SEGMENT_VERSION } from './segment.ts'
export { buildSegment } from './segmentBuilder.ts'
export { openIndex } from './engine.ts'
export { highlight, type HighlightRun } from './highlight.ts'
