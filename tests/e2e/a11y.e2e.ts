import { describe, expect, it } from 'vitest'
import { axe, baseUrl, useBrowser } from './fixtures'

describe('accessibility', () => {
  const browser = useBrowser()

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const viewport of [{ width: 360, height: 780 }, { width: 1280, height: 900 }]) {
      it(`axe finds nothing on any page (${colorScheme}, ${viewport.width} px)`, async () => {
        // axe is injected as a script, which the app's own policy would rightly refuse.
        const context = await browser().newContext({ baseURL: baseUrl(), viewport, colorScheme, bypassCSP: true })
        const page = await context.newPage()
        await page.goto('/')
        await page.locator('article.practice-card').first().waitFor()
        const save = page.getByRole('button', { name: 'Save “Anti-Rumour Web App”' })
        await save.click()
        await page.waitForFunction(() => document.querySelector('button[aria-label="Save “Anti-Rumour Web App”"]')?.getAttribute('aria-pressed') === 'true')
        const pages: [string, () => Promise<unknown>][] = [
          ['/', () => page.locator('article.practice-card').first().waitFor()],
          ['/?country=ES&q=barcelona', () => page.locator('.chips').waitFor()],
          ['/practice/es-bilbao-anti-rumour-web-app', () => page.getByRole('heading', { level: 1 }).waitFor()],
          ['/saved', () => page.getByRole('textbox', { name: 'New tag' }).waitFor()],
          ['/settings', () => page.getByRole('heading', { name: 'Storage' }).waitFor()],
          ['/nowhere', () => page.getByRole('heading', { name: 'Page not found' }).waitFor()],
        ]
        const found: string[] = []
        for (const [path, ready] of pages) {
          await page.goto(path)
          await ready()
          found.push(...(await axe(page)).map(v => `${path}: ${v}`))
        }
        if (viewport.width < 600) {
          await page.goto('/')
          await page.getByRole('button', { name: /Filters/ }).click()
          await page.getByRole('dialog').waitFor()
          found.push(...(await axe(page)).map(v => `filter sheet: ${v}`))
        }
        expect(found).toEqual([])
        await context.close()
      })
    }
  }

  it('works at 200% text size on a 360 px phone without sideways scrolling', async () => {
    const context = await browser().newContext({ baseURL: baseUrl(), viewport: { width: 360, height: 780 } })
    const page = await context.newPage()
    await page.goto('/practice/es-bilbao-anti-rumour-web-app')
    await page.getByRole('heading', { level: 1 }).waitFor()
    for (let i = 0; i < 6; i++) {
      const larger = page.getByRole('button', { name: 'Larger text' })
      if (await larger.isDisabled())
        break
      await larger.click()
    }
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px')
    for (const path of ['/', '/practice/es-bilbao-anti-rumour-web-app', '/saved', '/settings']) {
      await page.goto(path)
      await page.locator('main h1, main h2, article').first().waitFor()
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow, path).toBeLessThanOrEqual(0)
    }
    await context.close()
  })

  it('can be used by keyboard alone: "/" focuses search, Tab reaches the filters and the cards', async () => {
    const context = await browser().newContext({ baseURL: baseUrl(), viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto('/')
    await page.locator('article.practice-card').first().waitFor()
    await page.keyboard.press('/')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('catalogue-search')
    await page.keyboard.type('bilbao')
    await page.waitForURL(/q=bilbao/)
    // Tab once the new results are on screen: while their cards' data is read, the list holds placeholders
    // with nothing to focus, and a Tab pressed then would leave the page.
    await page.waitForFunction(() => {
      const cards = [...document.querySelectorAll('article.practice-card')]
      return cards.length > 0 && cards.every(card => card.textContent?.includes('Bilbao'))
    })
    let reachedCard = false
    for (let i = 0; i < 80 && !reachedCard; i++) {
      await page.keyboard.press('Tab')
      reachedCard = await page.evaluate(() => document.activeElement?.closest('article.practice-card') !== null && document.activeElement?.tagName === 'A')
    }
    expect(reachedCard).toBe(true)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/practice\//)
    await context.close()
  })
})
