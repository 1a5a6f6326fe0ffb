/**
 * robots.txt as RFC 9309 reads it: the group naming our user agent (else the `*` group) applies; within it
 * the longest matching Allow/Disallow path wins, Allow on a tie; `*` matches any run of characters and a
 * final `$` anchors the end. Crawl-delay (not in the RFC, but widely honoured) slows us down, never up.
 */

export interface RobotsRules {
  allows: (url: string) => boolean
  /** Seconds between requests the site asks for, if any. */
  crawlDelay?: number
}

interface Rule {
  allow: boolean
  path: string
}

interface Group {
  agents: string[]
  rules: Rule[]
  crawlDelay?: number
}

function parseGroups(text: string): Group[] {
  const groups: Group[] = []
  let current: Group | undefined
  let lastWasAgent = false
  for (const raw of text.split(/\r\n|\r|\n/u)) {
    const line = raw.replace(/#.*$/u, '').trim()
    const colon = line.indexOf(':')
    if (colon === -1)
      continue
    const key = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    if (key === 'user-agent') {
      // Consecutive User-agent lines share one group.
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] }
        groups.push(current)
      }
      current.agents.push(value.toLowerCase())
      lastWasAgent = true
      continue
    }
    lastWasAgent = false
    if (!current)
      continue
    if ((key === 'allow' || key === 'disallow') && value !== '')
      current.rules.push({ allow: key === 'allow', path: value })
    else if (key === 'crawl-delay' && Number.isFinite(Number(value)) && Number(value) >= 0)
      current.crawlDelay = Number(value)
  }
  return groups
}

/** The product token of a User-Agent header: "ICCFieldGuideBot/1.0 (+https://…)" → "iccfieldguidebot". */
function productToken(userAgent: string): string {
  return (userAgent.split(/[/\s]/u)[0] ?? '').toLowerCase()
}

function matchLength(pattern: string, path: string): number {
  const anchored = pattern.endsWith('$')
  const parts = (anchored ? pattern.slice(0, -1) : pattern).split('*')
  let at = 0
  for (const [i, part] of parts.entries()) {
    const found = i === 0 ? (path.startsWith(part) ? 0 : -1) : path.indexOf(part, at)
    if (found === -1)
      return -1
    at = found + part.length
  }
  if (anchored && at !== path.length && !(parts.at(-1) === '' && parts.length > 1))
    return -1
  return pattern.length
}

function encodedPath(url: string): string {
  const u = new URL(url)
  return u.pathname + u.search
}

export function parseRobots(text: string, userAgent: string): RobotsRules {
  const groups = parseGroups(text)
  const token = productToken(userAgent)
  const ours = groups.filter(g => g.agents.some(a => a !== '*' && token.startsWith(a)))
  const chosen = ours.length > 0 ? ours : groups.filter(g => g.agents.includes('*'))
  const rules = chosen.flatMap(g => g.rules)
  const delays = chosen.map(g => g.crawlDelay).filter((d): d is number => d !== undefined)
  return {
    crawlDelay: delays.length > 0 ? Math.max(...delays) : undefined,
    allows: (url) => {
      const path = encodedPath(url)
      if (path === '/robots.txt')
        return true
      let best: { length: number, allow: boolean } = { length: -1, allow: true }
      for (const rule of rules) {
        const length = matchLength(rule.path, path)
        if (length > best.length || (length === best.length && length >= 0 && rule.allow))
          best = { length, allow: rule.allow }
      }
      return best.allow
    },
  }
}

/** No robots.txt (404) means no restrictions. */
export const ALLOW_ALL: RobotsRules = { allows: () => true }
