/** The feed client: fetches, verifies and commits the catalogue feed into src/db. No Vue here. */
export { syncCatalogue, parseShard, removesMost, type RemovalHold, type LockManagerLike, type SyncOptions, type SyncOutcome, type SyncProgress } from './sync'
export { classifyFetchError, classifyStorageError, isQuotaError, isRetryableStatus, isSyncFailure, type SyncFailure } from './errors'
export { backoffDelay, backoffSchedule, DEFAULT_RETRY } from './fetch'
export { parseManifest, resolveFeedUrl } from './manifest'
export { diffPractices, planFetch } from './diff'
export { sha256Hex } from './hash'
export { checkFeedAddress } from './feedAddress'
