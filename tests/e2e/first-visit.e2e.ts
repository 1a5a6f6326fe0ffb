import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveStatic, type StaticServer } from '../../tools/serve'
import { axe, cardTitles, useBrowser } from './fixtures'

describe('a first visit on a slow network', () => {
  const browser = useBrowser()
  let server: StaticServer
  // The feed answers only once the test lets it: the first sync is held for as long as the test needs.
  let feedOpen = false
  const held: (() => void)[] = []
  const release = (): void => {
    feedOpen = true
    held.splice(0).forEach(answer => answer())
  }

  beforeAll(async () => {
    server = await serveStatic('dist')
    server.setIntercept(async (req) => {
      if (req.url?.startsWith('/feed/') && !feedOpen)
        await new Promise<void>(resolve => held.push(resolve))
      return false
    })
  })
  afterAll(async () => {
    release()
    await server.close()
  })

  it('shows the first practices before the catalogue arrives; they can be saved and opened, and the list then carries on', async () => {
    // axe is injected as a script: the context bypasses the app's Content-Security-Policy for it.
    const context = await browser().newContext({ baseURL: server.url, viewport: { width: 360, height: 780 }, bypassCSP: true })
    context.setDefaultTimeout(15_000)
    const page = await context.newPage()
    await page.goto('/')
    const cards = page.locator('article.practice-card')
    await cards.first().waitFor()
    expect((await page.locator('.result-count').innerText()).trim()).toBe('32 practices')
    // The list adds its cards a few at a time, up to the eight the page holds.
    await page.waitForFunction(() => document.querySelectorAll('article.practice-card').length >= 8)
    const first = await cards.locator('h2').allTextContents()
    expect(first).toHaveLength(8)
    // Nothing of the catalogue has been downloaded yet.
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some(r => r.name.includes('/feed/')))).toBe(false)
    // While it downloads, one line says what the app is and that it works offline.
    await page.getByRole('status').filter({ hasText: 'Intercultural Cities good practices on your phone, with or without a network.' }).waitFor()
    expect(await axe(page)).toEqual([])
    // On a wide screen the facets' column says they are coming.
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.getByRole('complementary', { name: 'Filters' }).getByRole('status').filter({ hasText: 'Loading the catalogue' }).waitFor()
    expect(await axe(page)).toEqual([])
    await page.setViewportSize({ width: 360, height: 780 })

    // Saved from the first screen, the bookmark is stored at once: it outlives a reload before the sync.
    const title = first[0]!.trim()
    await page.getByRole('button', { name: `Save “${title}”` }).click()
    await page.waitForFunction(() => document.querySelector('nav .badge')?.textContent?.trim() === '1')
    await page.reload()
    await page.waitForFunction(t => document.querySelector(`button[aria-label="Save “${t}”"]`)?.getAttribute('aria-pressed') === 'true', title)
    // Again the eight cards of the page, and not one more while the catalogue is held back.
    await page.waitForFunction(() => document.querySelectorAll('article.practice-card').length >= 8)
    expect(await cards.locator('h2').allTextContents()).toEqual(first)

    // A practice opened from the first screen is on its way, not missing, until the sync brings it.
    const second = first[1]!.trim()
    await page.getByRole('link', { name: second }).click()
    await page.getByRole('status').filter({ hasText: 'Loading' }).waitFor()
    expect(await page.getByRole('heading', { name: 'Practice not found' }).count()).toBe(0)
    release()
    expect((await page.getByRole('heading', { level: 1 }).innerText()).trim()).toBe(second)
    // Once the catalogue is stored, the app says it is ready offline, and how much it holds.
    await page.getByRole('status').filter({ hasText: 'Ready offline: 32 practices.' }).waitFor()

    // Back on the list: every practice, the first ones exactly where the first screen put them.
    await page.goBack()
    const titles = await cardTitles(page)
    expect(titles).toHaveLength(32)
    expect(titles.slice(0, 8)).toEqual(first.map(t => t.trim()))
    expect(await page.getByRole('button', { name: `Save “${title}”` }).getAttribute('aria-pressed')).toBe('true')
    await context.close()
  })
})
