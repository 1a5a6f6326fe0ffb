import { describe, expect, it } from 'vitest'
import { cardTitles, newContext, openCatalogue, resultCount, useBrowser } from './fixtures'

describe('catalogue', () => {
  const browser = useBrowser()

  it('syncs the embedded feed on the first visit and lists the seed practices', async () => {
    const context = await newContext(browser())
    const page = await context.newPage()
    await openCatalogue(page)
    expect(await resultCount(page)).toBe('32 practices')
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    const titles = await cardTitles(page)
    expect(titles).toContain('Anti-Rumour Web App')
    expect(titles).toContain('Dostizanje tačke sa koje treba preduzeti akciju u Oslu')
    await context.close()
  })
})
