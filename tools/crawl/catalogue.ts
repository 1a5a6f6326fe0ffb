/**
 * Crawled records against the catalogue folder: which file each one is (same sourceUrl, else same country,
 * city and title, so a reviewed file keeps its id), what changes, which files the site no longer lists.
 * Planning is pure; `loadPractices` and `writePlan` do the reading and writing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkPractice, type Practice } from '../../src/catalogue/schema'
import { reconcile, serialisePractice, type Difference } from '../import/review'
import { readSourceUrl } from '../import/url'
import { foldName } from './topics'

interface ExistingFile {
  file: string
  practice: Practice
}

interface CataloguePlan {
  writes: { id: string, text: string, status: 'new' | 'changed' }[]
  unchanged: string[]
  /** Files whose practice the site no longer lists (left in place). */
  removed: string[]
  differences: (Difference & { id: string })[]
  /** Records that fail the schema, by id: not written. */
  errors: string[]
}

interface PlanOptions {
  base: string
  /** The crawl saw every entry: only then is a missing practice reported as removed. */
  complete: boolean
  /** Every practice address the site lists. */
  listed: readonly string[]
  stamp: string
  /** Ids of files that exist but could not be read: never given to a crawled record. */
  reserved?: Iterable<string>
}

/**
 * One key per practice page, whatever its language prefix or URL form: the site's host and the practice's
 * slug (`/-/<slug>` and the older asset-publisher form name the same practice); other pages by address.
 */
function urlKey(url: string | undefined): string | undefined {
  const info = url ? readSourceUrl(url) : undefined
  if (!info)
    return undefined
  const host = new URL(info.url).host.replace(/^www\./u, '')
  return info.kind === 'practice' && info.slug ? `${host}/-/${info.slug}` : `${host}${new URL(info.url).pathname}`
}

function placeKey(p: Practice): string {
  return [p.country, foldName(p.city), foldName(p.title)].join('|')
}

interface UnreadableFile {
  id: string
  message: string
}

export function loadPractices(dir: string): { files: ExistingFile[], unreadable: UnreadableFile[] } {
  const files: ExistingFile[] = []
  const unreadable: UnreadableFile[] = []
  if (!existsSync(dir))
    return { files, unreadable }
  for (const name of readdirSync(dir).filter(n => n.endsWith('.json')).sort()) {
    const file = join(dir, name)
    let data: unknown
    try {
      data = JSON.parse(readFileSync(file, 'utf8'))
    }
    catch (e) {
      unreadable.push({ id: name.slice(0, -'.json'.length), message: `${file}: not valid JSON (${(e as Error).message}); left as is` })
      continue
    }
    const checked = checkPractice(data)
    if (checked.ok)
      files.push({ file, practice: checked.practice })
    else
      unreadable.push({ id: name.slice(0, -'.json'.length), message: `${file}: ${checked.issues.map(i => `${i.path}: ${i.message}`).join('; ')}; left as is` })
  }
  return { files, unreadable }
}

function matcher(existing: readonly ExistingFile[]): (p: Practice) => ExistingFile | undefined {
  const byUrl = new Map<string, ExistingFile>()
  const byPlace = new Map<string, ExistingFile>()
  for (const f of existing) {
    const key = urlKey(f.practice.sourceUrl)
    if (key)
      byUrl.set(key, f)
    byPlace.set(placeKey(f.practice), f)
  }
  const used = new Set<ExistingFile>()
  return (p) => {
    const key = urlKey(p.sourceUrl)
    const found = (key ? byUrl.get(key) : undefined) ?? byPlace.get(placeKey(p))
    if (!found || used.has(found))
      return undefined
    used.add(found)
    return found
  }
}

/** Two different practices never share an id: a newcomer whose id is taken gets "-2", "-3"… */
function freeId(id: string, taken: Set<string>): string {
  let candidate = id
  for (let n = 2; taken.has(candidate); n++)
    candidate = `${id}-${n}`
  taken.add(candidate)
  return candidate
}

export function planCatalogue(crawled: readonly Practice[], existing: readonly ExistingFile[], options: PlanOptions): CataloguePlan {
  const plan: CataloguePlan = { writes: [], unchanged: [], removed: [], differences: [], errors: [] }
  const match = matcher(existing)
  const matched = new Set<ExistingFile>()
  const taken = new Set([...existing.map(f => f.practice.id), ...(options.reserved ?? [])])
  for (const fresh of crawled) {
    const file = match(fresh)
    let record: Practice
    if (file) {
      matched.add(file)
      const result = reconcile({ ...fresh, id: file.practice.id, slug: file.practice.slug }, file.practice, { stamp: options.stamp, siteTopics: true })
      record = result.practice
      plan.differences.push(...result.differences.map(d => ({ id: record.id, ...d })))
    }
    else {
      const id = freeId(fresh.id, taken)
      record = { ...fresh, id, slug: id, updatedAt: options.stamp }
    }
    const checked = checkPractice(record)
    if (!checked.ok) {
      plan.errors.push(...checked.issues.map(i => `${record.id} (${fresh.sourceUrl ?? '?'}): ${i.path}: ${i.message}`))
      continue
    }
    const text = serialisePractice(record)
    if (file && serialisePractice(file.practice) === text)
      plan.unchanged.push(record.id)
    else
      plan.writes.push({ id: record.id, text, status: file ? 'changed' : 'new' })
  }
  const origin = new URL(options.base).host.replace(/^www\./u, '')
  if (options.complete) {
    const listed = new Set(options.listed.map(urlKey))
    plan.removed = existing
      .filter((f) => {
        const key = urlKey(f.practice.sourceUrl)
        return !matched.has(f) && key?.startsWith(`${origin}/`) && !listed.has(key)
      })
      .map(f => f.practice.id)
  }
  return plan
}

export function writePlan(dir: string, plan: CataloguePlan): void {
  mkdirSync(dir, { recursive: true })
  for (const write of plan.writes)
    writeFileSync(join(dir, `${write.id}.json`), write.text)
}
