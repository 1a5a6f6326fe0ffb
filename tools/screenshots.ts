/**
 * `npx tsx tools/screenshots.ts`: the web manifest's screenshots (tools/pwa-manifest.ts), from the built app
 * (built first if dist/ is missing) with its embedded catalogue, in light theme:
 *   public/screenshots/narrow.png  720x1280: a 360x640 phone at device pixel ratio 2, the catalogue list
 *   public/screenshots/wide.png    1280x800: the catalogue with its filter sidebar, Spain selected
 * The sizes are declared in the manifest, so they must stay exactly these.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import type { Browser, Page } from 'playwright-core'
import { ensureBuilt, distDir, repoRoot, waitForFirstList } from './bench/startup/shared'
import { launchChromium } from './chromium'
import { serveStatic } from './serve'

const outDir = join(repoRoot, 'public/screenshots')

/** The first visit syncs the catalogue: wait for the list, the end of the sync and a quiet page. */
async function openCatalogue(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await waitForFirstList(page, 'screenshot')
  await page.waitForFunction(() => /\d/.test(document.querySelector('.result-count')?.textContent ?? ''), undefined, { timeout: 30_000 })
  // The sync banner and prompts are transient; a screenshot shows the app at rest.
  await page.locator('.app-banners .banner').first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => {
    throw new Error('screenshot: a sync banner was still shown after 30 s (did the first sync fail?)')
  })
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await page.mouse.move(0, 0)
  await page.waitForTimeout(500)
}

async function narrow(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: 'light', locale: 'en-GB' })
  try {
    const page = await context.newPage()
    await openCatalogue(page, url)
    const file = join(outDir, 'narrow.png')
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' })
    return file
  }
  finally {
    await context.close()
  }
}

async function wide(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: 'light', locale: 'en-GB' })
  try {
    const page = await context.newPage()
    await openCatalogue(page, url)
    const sidebar = page.locator('aside.sidebar')
    await sidebar.waitFor({ timeout: 10_000 })
    const spain = sidebar.getByRole('checkbox', { name: /^Spain\b/ })
    if (await spain.count()) {
      const before = await page.locator('.result-count').textContent()
      await spain.check()
      await page.waitForFunction(previous => document.querySelector('.result-count')?.textContent !== previous, before, { timeout: 10_000 })
      // Checking the box scrolled the sidebar to it, cutting a facet in half: start the sidebar at the Country facet instead.
      await spain.evaluate((box) => {
        const scroller = box.closest('aside')
        const facet = box.closest('fieldset')
        if (scroller && facet)
          scroller.scrollTop += facet.getBoundingClientRect().top - scroller.getBoundingClientRect().top
      })
      await page.waitForTimeout(500)
    }
    else {
      console.warn('screenshots: no "Spain" filter in this catalogue; the wide screenshot shows it unfiltered')
    }
    await page.mouse.move(0, 0)
    // The check leaves focus on the checkbox; the screenshot should not show a focus ring.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    const file = join(outDir, 'wide.png')
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' })
    return file
  }
  finally {
    await context.close()
  }
}

async function main(): Promise<void> {
  ensureBuilt(m => console.log(m))
  mkdirSync(outDir, { recursive: true })
  const server = await serveStatic(distDir)
  let browser: Browser | undefined
  try {
    browser = await launchChromium()
    const url = `${server.url}/`
    for (const file of [await narrow(browser, url), await wide(browser, url)])
      console.log(`Wrote ${file}`)
  }
  finally {
    await browser?.close()
    await server.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
