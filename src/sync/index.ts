/** The feed client: fetches, verifies and commits the catalogue feed into src/db. No Vue here. */
export { syncCatalogue, parseShard, removesMost, LAST_CHANGE_MAX_IDS, SYNC_LOCK, type DownloadStats, type RemovalHold, type LockManagerLike, type SyncOptions, type SyncOutcome, type SyncProgress } from './sync'
export { classifyFetchError, classifyStorageError, failure, isQuotaError, isRetryableStatus, isSyncErrorCode, isSyncFailure, SYNC_ERROR_CODES, type SyncErrorCode, type SyncFailure } from './errors'
export { backoffDelay, backoffSchedule, DEFAULT_RETRY, fetchBytes, type RetryPolicy, type Sleep } from './fetch'
export { parseManifest, resolveFeedUrl } from './manifest'
export { diffPractices, planFetch, type ChangeSet, type FetchPlan, type HeldState } from './diff'
export { sha256Hex } from './hash'
export { checkFeedAddress, type FeedAddressProblem } from './feedAddress'
