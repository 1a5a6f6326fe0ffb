import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cardTitles, expectCount, openSyncedApp, resultCount, useBrowser } from './fixtures'

/** The examples of issue 18, typed into the search box as an official would. */
describe('search finds what officials type', () => {
  const browser = useBrowser()
  let page: Page

  beforeAll(async () => { page = await openSyncedApp(browser()) })
  afterAll(async () => { await page.context().close() })

  async function type(text: string): Promise<void> {
    const box = page.getByRole('searchbox', { name: 'Search practices' })
    await box.fill('')
    await box.pressSequentially(text)
    await page.waitForURL(url => url.searchParams.get('q') === text)
  }

  it.each([
    ['spain', '6 practices'],
    ['espagne', '6 practices'],
    ['norway', '2 practices'],
    ['Royaume-Uni', '8 practices'],
    ['employment', '4 practices'],
    ['welcoming', '7 practices'],
    ['health', '1 practice'],
  ])('"%s" finds its places or topics (%s)', async (text, count) => {
    await type(text)
    await expectCount(page, count)
  })

  it.each(['diskriminacija', 'дискриминација'])('"%s" finds the Serbian practice that says "diskriminacijom"', async (text) => {
    await type(text)
    await page.getByRole('link', { name: 'Dostizanje tačke sa koje treba preduzeti akciju u Oslu' }).waitFor()
  })

  it.each(['antirumor', 'anti rumour', 'anti-rumor'])('"%s" finds the Anti-Rumour Web App first', async (text) => {
    await type(text)
    await page.getByRole('link', { name: 'Anti-Rumour Web App' }).waitFor()
    expect((await cardTitles(page))[0]).toBe('Anti-Rumour Web App')
  })

  it.each(['neighborhood', 'neighbourhood'])('"%s" finds the four practices filed under Neighbourhood', async (text) => {
    await type(text)
    await expectCount(page, '4 practices')
  })

  it('offers the country as a filter: "spain" becomes the Spain filter', async () => {
    await type('spain')
    await page.getByRole('button', { name: 'Filter by Spain' }).click()
    await page.waitForURL(/country=ES/)
    await expectCount(page, '6 practices')
    expect(await page.getByRole('searchbox', { name: 'Search practices' }).inputValue()).toBe('')
  })

  it('answers a word it does not know with the nearest it does, and a message about the words', async () => {
    await page.goto('/')
    await type('roma')
    const empty = page.getByTestId('search-empty')
    await empty.waitFor()
    expect(await empty.innerText()).toContain('No practice matches “roma”.')
    expect(await empty.innerText()).not.toContain('all of these filters')
    await type('dyversiti')
    await empty.getByRole('button', { name: 'diversity' }).click()
    await page.waitForURL(/q=diversity/)
    await page.getByRole('link', { name: 'The Leeds City Region Diversity Dashboard' }).waitFor()
  })

  it('removes in one tap the filter that emptied the list', async () => {
    await page.goto('/?country=NO')
    await expectCount(page, '2 practices')
    await type('theatre')
    const empty = page.getByTestId('search-empty')
    await empty.waitFor()
    expect(await empty.innerText()).toContain('with these filters')
    await empty.getByRole('button', { name: 'Remove filter: Norway' }).click()
    await expectCount(page, '2 practices')
    expect(await resultCount(page)).toContain('2 practices')
    expect(page.url()).not.toContain('country=')
  })
})
