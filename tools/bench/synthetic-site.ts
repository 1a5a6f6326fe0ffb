/**
 * Sites with a synthetic catalogue, for the benchmarks that load the built app with thousands of practices:
 * the catalogue's own taxonomy, a copy of the app without its feed, and a built feed written to disk.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Taxonomy } from '../../src/catalogue/schema'
import { validateTaxonomy, type BuiltFeed } from '../build-feed'
import { repoRoot } from './startup/shared'

/** catalogue/taxonomy.json, validated: the topics synthetic practices are filed under. */
export function catalogueTaxonomy(): Taxonomy {
  const file = join(repoRoot, 'catalogue/taxonomy.json')
  const { taxonomy, problems } = validateTaxonomy(JSON.parse(readFileSync(file, 'utf8')) as unknown, file)
  if (!taxonomy || problems.length)
    throw new Error(`catalogue/taxonomy.json: ${problems.map(p => `${p.path} ${p.message}`).join('; ')}`)
  return taxonomy
}

/** A fresh copy of the built app at `site`, without its feed (a synthetic one goes in its place). */
export function copyAppWithoutFeed(appDir: string, site: string): void {
  rmSync(site, { recursive: true, force: true })
  mkdirSync(dirname(site), { recursive: true })
  cpSync(appDir, site, { recursive: true })
  if (!existsSync(join(site, 'index.html')))
    throw new Error(`${appDir} has no index.html (a build in progress?); run npm run build and try again`)
  rmSync(join(site, 'feed'), { recursive: true, force: true })
}

/** Writes a built feed's files under `dir` (files already there stay, as on a real server); returns the bytes. */
export function writeFeed(feed: BuiltFeed, dir: string): number {
  let bytes = 0
  for (const [path, data] of feed.files) {
    const target = join(dir, path)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, data)
    bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength
  }
  return bytes
}
