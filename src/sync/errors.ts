/**
 * Sync failures: plain objects with a stable code (the UI maps each to `sync.error.<code>`) and a detail
 * for the curious. Never thrown out of syncCatalogue; returned as { status: 'failed', error }.
 */
import type { SyncErrorDetail } from '../db'

export type SyncErrorCode
  = | 'offline'
    | 'network'
    | 'http'
    | 'not_json'
    | 'bad_manifest'
    | 'unsupported_format'
    | 'checksum'
    | 'truncated'
    | 'invalid_record'
    | 'quota'
    | 'aborted'
    | 'busy'
  /** Any other IndexedDB failure (disk error, database closed under us). */
    | 'storage'

export const SYNC_ERROR_CODES: readonly SyncErrorCode[] = [
  'offline', 'network', 'http', 'not_json', 'bad_manifest', 'unsupported_format', 'checksum', 'truncated', 'invalid_record', 'quota', 'aborted', 'busy', 'storage',
]

export interface SyncFailure {
  code: SyncErrorCode
  detail: SyncErrorDetail
}

function isSyncErrorCode(code: unknown): code is SyncErrorCode {
  return typeof code === 'string' && (SYNC_ERROR_CODES as readonly string[]).includes(code)
}

/** Carries a failure through the sync's internal steps (it is caught and returned as a value at the top). */
export function isSyncFailure(value: unknown): value is SyncFailure {
  return typeof value === 'object' && value !== null && isSyncErrorCode((value as { code?: unknown }).code)
    && typeof (value as { detail?: unknown }).detail === 'object'
}

export function failure(code: SyncErrorCode, detail: SyncErrorDetail = {}): SyncFailure {
  return { code, detail }
}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
    ? (error as { name: string }).name
    : undefined
}

function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string')
    return (error as { message: string }).message
  return String(error)
}

/** The error and whatever it wraps (Dexie keeps the DOM error in `inner`, standard errors in `cause`). */
function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = []
  let current = error
  while (current !== undefined && current !== null && chain.length < 8 && !chain.includes(current)) {
    chain.push(current)
    const next = typeof current === 'object' ? (current as { inner?: unknown, cause?: unknown }) : undefined
    current = next?.inner ?? next?.cause
  }
  return chain
}

export function isQuotaError(error: unknown): boolean {
  return errorChain(error).some(e => errorName(e) === 'QuotaExceededError' || errorName(e) === 'QuotaExceeded')
}

function isAbortError(error: unknown): boolean {
  return errorChain(error).some(e => errorName(e) === 'AbortError')
}

/**
 * Maps anything a fetch can throw to a failure. fetch rejects with a TypeError for every network-level
 * problem; when the browser also says it is offline, that is the likelier story for the reader.
 */
export function classifyFetchError(error: unknown, url: string, online: boolean | undefined): SyncFailure {
  if (isAbortError(error))
    return failure('aborted', { url })
  if (online === false)
    return failure('offline', { url })
  return failure('network', { url, message: errorMessage(error) })
}

/** Maps an error from the database work to a failure. */
export function classifyStorageError(error: unknown): SyncFailure {
  if (isSyncFailure(error))
    return error
  if (isQuotaError(error))
    return failure('quota', { message: errorMessage(error) })
  if (isAbortError(error))
    return failure('aborted', { message: errorMessage(error) })
  return failure('storage', { message: `${errorName(error) ?? 'Error'}: ${errorMessage(error)}` })
}

/** Only network trouble and server-side errors are worth another try; a 404 stays a 404. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429
}
