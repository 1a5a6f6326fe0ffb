import { readdirSync } from 'node:fs'

/**
 * The interface languages: one per locales/*.json (adding a language is adding a file). The search index
 * holds every country's name in each of them, so a practice is found by the names the facets show.
 */
export function interfaceLanguages(dir = new URL('../../locales/', import.meta.url)): string[] {
  return readdirSync(dir).filter(f => f.endsWith('.json')).map(f => f.slice(0, -'.json'.length)).sort()
}
