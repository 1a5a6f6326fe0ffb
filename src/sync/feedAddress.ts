/**
 * Which catalogue addresses the app accepts: https only, since the Content-Security-Policy blocks any other
 * fetch anyway and a feed over plain http could be rewritten on the way. Plain http is allowed for this
 * machine alone (localhost, 127.0.0.1), where the tests and `npm start` serve the feed.
 */
export type FeedAddressProblem = 'not_url' | 'not_https'

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** The address to store (trimmed, '' for the built-in feed), or why it is refused. */
export function checkFeedAddress(input: string): { ok: true, url: string } | { ok: false, problem: FeedAddressProblem } {
  const value = input.trim()
  if (!value)
    return { ok: true, url: '' }
  let url: URL
  try {
    url = new URL(value)
  }
  catch {
    return { ok: false, problem: 'not_url' }
  }
  if (url.protocol === 'https:' && url.hostname)
    return { ok: true, url: value }
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))
    return { ok: true, url: value }
  return { ok: false, problem: url.protocol === 'http:' ? 'not_https' : 'not_url' }
}
