/** Shared helpers for the end-to-end tests: a browser per file, a fresh profile per test, and user steps. */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'
import { launchChromium } from '../../tools/chromium'
import { serveStatic, type StaticServer } from '../../tools/serve'

export const baseUrl = (): string => inject('baseUrl')

/** One Chromium for the file; each test opens its own context (its own storage, service worker, network). */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined
  beforeAll(async () => { browser = await launchChromium() })
  afterAll(async () => { await browser?.close() })
  return () => {
    if (!browser)
      throw new Error('The browser is not running')
    return browser
  }
}

/**
 * A server of its own for the built app (dist/), for tests that change what the network answers
 * (`setIntercept`) without touching the other files' server: started before the block's tests, closed after.
 */
export function useOwnServer(): () => StaticServer {
  let server: StaticServer | undefined
  beforeAll(async () => { server = await serveStatic('dist') })
  afterAll(async () => { await server?.close() })
  return () => {
    if (!server)
      throw new Error('The server is not running')
    return server
  }
}

export async function newContext(browser: Browser, options: { locale?: string, viewport?: { width: number, height: number } } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: options.locale ?? 'en-GB',
    viewport: options.viewport ?? { width: 360, height: 780 },
    serviceWorkers: 'allow',
  })
  context.setDefaultTimeout(15_000)
  return context
}

/**
 * Opens the app and waits until the catalogue lists every result. On a first visit the page shows its
 * embedded first cards at once and the rest once the first sync has stored the catalogue, so a whole list
 * also means the catalogue is on the device.
 */
export async function openCatalogue(page: Page, path = '/'): Promise<void> {
  await page.goto(path)
  await waitForWholeList(page, 1)
}

/**
 * Waits until the list holds as many cards as its count says, and at least `minimum` (lists above 200 are
 * virtual: no wait). The list adds its cards a few at a time.
 */
export async function waitForWholeList(page: Page, minimum = 0): Promise<void> {
  await page.waitForFunction((min) => {
    const read = Number.parseInt(document.querySelector('.result-count')?.textContent ?? '', 10)
    const count = Number.isNaN(read) ? 0 : read
    return count > 200 || (count >= min && document.querySelectorAll('article.practice-card').length === count)
  }, minimum, { timeout: 15_000 })
}

/**
 * A page of the app, opened and synced once for a whole test file on a wide screen; with `offline`, the service
 * worker then controls it and the network is cut, so every test runs as in the field.
 */
export async function openSyncedApp(browser: Browser, options: { offline?: boolean } = {}): Promise<Page> {
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await openCatalogue(page)
  if (options.offline) {
    await waitForServiceWorker(page)
    await context.setOffline(true)
  }
  return page
}

/** Waits until the service worker controls the page, so a reload can be served with no network. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 })
}

/** The titles of the cards in the list, once every result is on screen. */
export async function cardTitles(page: Page): Promise<string[]> {
  await waitForWholeList(page)
  // Text content, not innerText: cards off screen are not laid out (content-visibility), so have no innerText.
  return (await page.locator('article.practice-card h2').allTextContents()).map(t => t.trim())
}

export async function resultCount(page: Page): Promise<string> {
  return (await page.locator('.result-count').innerText()).trim()
}

/** Waits until the result count reads `text` (the list follows the URL a frame later), failing with what it read. */
export async function expectCount(page: Page, text: string): Promise<void> {
  try {
    await page.waitForFunction(t => document.querySelector('.result-count')?.textContent?.trim() === t, text, { timeout: 10_000 })
  }
  catch {
    throw new Error(`expected the result count "${text}", read "${await resultCount(page).catch(() => '(none)')}"`)
  }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation { id: string, impact: string, help: string, nodes: { target: string[] }[] }

/**
 * What axe-core finds on the page as it is (WCAG 2.2 A and AA, and best practices), one line per rule. axe is
 * injected as a script, which the app's own policy rightly refuses: the context must bypass CSP.
 */
export async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource })
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    })
    return result.violations
  })
  return violations.map(v => `${v.id} (${v.impact}): ${v.help} @ ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}`)
}
