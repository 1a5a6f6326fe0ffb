/** Helpers shared by the start-up benchmark and tools/screenshots.ts: the built app, waits, ports. */
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { FIRST_LIST_MARK } from '../../../src/catalogue/firstScreen'

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
export const distDir = join(repoRoot, 'dist')

/** The newest modification time under `path` (files only), 0 when it does not exist. */
function newestMtime(path: string): number {
  if (!existsSync(path))
    return 0
  const info = statSync(path)
  if (!info.isDirectory())
    return info.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path))
    newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/**
 * Builds the app when dist/ is missing. A stale dist/ is only reported: others may be mid-edit, and a
 * broken build in the middle of a benchmark run would cost more than a warning.
 */
export function ensureBuilt(log: (message: string) => void): void {
  const index = join(distDir, 'index.html')
  if (!existsSync(index)) {
    log('dist/ is missing: running npm run build (about 30 s)')
    execSync('npm run build', { cwd: repoRoot, stdio: 'inherit' })
    if (!existsSync(index))
      throw new Error('npm run build finished but dist/index.html is still missing')
    return
  }
  const built = statSync(index).mtimeMs
  const sources = Math.max(...['src', 'locales', 'index.html', 'vite.config.ts'].map(p => newestMtime(join(repoRoot, p))))
  if (sources > built)
    log(`warning: dist/ is older than the sources (by ${((sources - built) / 1000).toFixed(0)} s); run npm run build for figures of the current code`)
}

/** Waits until PracticeList has set its first-list mark, then returns its startTime (ms since navigation start). */
export async function waitForFirstList(page: Page, what: string, timeoutMs = 60_000): Promise<number> {
  try {
    await page.waitForFunction(mark => performance.getEntriesByName(mark).length > 0, FIRST_LIST_MARK, { timeout: timeoutMs })
  }
  catch (error) {
    const text = await page.locator('main').innerText({ timeout: 1_000 }).catch(() => '(no <main>)')
    throw new Error(`${what}: the first list did not show within ${timeoutMs / 1000} s (no '${FIRST_LIST_MARK}' mark). The page said:\n${text.slice(0, 500)}\n${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  return page.evaluate(mark => performance.getEntriesByName(mark)[0]!.startTime, FIRST_LIST_MARK)
}

export function median(values: readonly number[]): number {
  if (values.length === 0)
    throw new Error('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** A TCP port that was free a moment ago (for Chromium's --remote-debugging-port). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => (port ? ok(port) : fail(new Error('no free port'))))
    })
  })
}
