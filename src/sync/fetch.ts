/** Fetching with a bounded number of tries, backoff with jitter, and byte progress. */
import { classifyFetchError, failure, isRetryableStatus, isSyncFailure, type SyncFailure } from './errors'

export interface RetryPolicy {
  /** Tries per file within one sync, the first included. */
  tries: number
  baseMs: number
  maxMs: number
}

export const DEFAULT_RETRY: Readonly<RetryPolicy> = Object.freeze({ tries: 3, baseMs: 1000, maxMs: 15_000 })

/**
 * The wait before try `attempt + 1` (attempt 0 = after the first failure): exponential, capped, with
 * "equal jitter" — never below half the step, so it can never become a tight loop, and spread so that many
 * phones coming back online at once do not hit the server in step.
 */
export function backoffDelay(attempt: number, random: number, policy: RetryPolicy = DEFAULT_RETRY): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt)
  return Math.round(step / 2 + Math.min(1, Math.max(0, random)) * step / 2)
}

/** The waits one file may see within a sync: tries - 1 of them. */
export function backoffSchedule(policy: RetryPolicy = DEFAULT_RETRY, random: () => number = Math.random): number[] {
  return Array.from({ length: Math.max(0, policy.tries - 1) }, (_, i) => backoffDelay(i, random(), policy))
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export const sleep: Sleep = (ms, signal) => new Promise((resolve, reject) => {
  if (signal?.aborted) {
    reject(failure('aborted'))
    return
  }
  const timer = setTimeout(() => {
    signal?.removeEventListener('abort', onAbort)
    resolve()
  }, ms)
  function onAbort(): void {
    clearTimeout(timer)
    reject(failure('aborted'))
  }
  signal?.addEventListener('abort', onAbort, { once: true })
})

export interface FetchContext {
  fetch: typeof fetch
  signal?: AbortSignal
  sleep: Sleep
  random: () => number
  retry: RetryPolicy
  online: () => boolean | undefined
  /** Called with each chunk's size as it arrives (also for tries that later fail). */
  onBytes?: (bytes: number) => void
}

/** The most a body may hold, and the failure to report the moment it holds more. */
export interface BodyLimit {
  bytes: number
  exceeded: () => SyncFailure
}

/**
 * Reads a body chunk by chunk, so a body larger than the limit is abandoned as soon as it passes it instead of
 * being buffered whole first (a 500 MB answer would take a phone's memory with it).
 */
async function readBody(response: Response, onBytes: ((bytes: number) => void) | undefined, limit: BodyLimit | undefined): Promise<Uint8Array> {
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer())
    if (limit && whole.byteLength > limit.bytes)
      throw limit.exceeded()
    onBytes?.(whole.byteLength)
    return whole
  }
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let length = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done)
      break
    length += value.byteLength
    onBytes?.(value.byteLength)
    if (limit && length > limit.bytes) {
      await reader.cancel().catch(() => {})
      throw limit.exceeded()
    }
    chunks.push(value)
  }
  return concat(chunks, length)
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1)
    return chunks[0]!
  const out = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}

/**
 * GETs a URL and returns its body. Network errors and 5xx/408/429 are tried again (policy.tries in all);
 * anything else fails at once. Rejects with a SyncFailure.
 */
export async function fetchBytes(url: string, init: RequestInit, ctx: FetchContext, limit?: BodyLimit): Promise<Uint8Array> {
  let last: SyncFailure = failure('network', { url })
  for (let attempt = 0; attempt < ctx.retry.tries; attempt++) {
    if (attempt > 0)
      await ctx.sleep(backoffDelay(attempt - 1, ctx.random(), ctx.retry), ctx.signal)
    if (ctx.signal?.aborted)
      throw failure('aborted', { url })
    try {
      const response = await ctx.fetch(url, { ...init, ...(ctx.signal ? { signal: ctx.signal } : {}) })
      if (!response.ok) {
        last = failure('http', { url, status: response.status })
        // Free the connection; the body of an error page is of no use.
        await response.body?.cancel().catch(() => {})
        if (isRetryableStatus(response.status))
          continue
        throw last
      }
      return await readBody(response, ctx.onBytes, limit)
    }
    catch (error) {
      if (isSyncFailure(error))
        throw error
      last = classifyFetchError(error, url, ctx.online())
      if (last.code === 'aborted')
        throw last
    }
  }
  throw last
}
