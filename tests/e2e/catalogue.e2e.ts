import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, cardTitles, expectCount, newContext, openCatalogue, openSyncedApp, useBrowser } from './fixtures'

/** All of these run with the network cut, after one online visit has installed the app and synced. */
describe('browsing the catalogue offline', () => {
  const browser = useBrowser()
  let page: Page

  beforeAll(async () => { page = await openSyncedApp(browser(), { offline: true }) })
  afterAll(async () => { await page.context().close() })

  it('lists every seed practice after an offline reload', async () => {
    await page.reload()
    await page.locator('article.practice-card').first().waitFor()
    await expectCount(page, '32 practices')
    const titles = await cardTitles(page)
    expect(titles).toContain('Anti-Rumour Web App')
    expect(titles).toContain('Dostizanje tačke sa koje treba preduzeti akciju u Oslu')
  })

  it('filters by country and updates the other facets’ counts', async () => {
    await page.goto('/')
    const spain = page.getByRole('checkbox', { name: /^Spain/ })
    const topicsBefore = await page.locator('fieldset', { hasText: 'Topic' }).locator('.count').allInnerTexts()
    await spain.check()
    await page.waitForURL(/country=ES/)
    await expectCount(page, '6 practices')
    const places = await page.locator('article.practice-card .meta').allTextContents()
    expect(places).toHaveLength(6)
    expect(places.every(p => p.includes('Spain'))).toBe(true)
    const topicsAfter = await page.locator('fieldset', { hasText: 'Topic' }).locator('.count').allInnerTexts()
    expect(topicsAfter).not.toEqual(topicsBefore)
    // Counts are disjunctive: other countries still show what choosing them would add.
    const norway = page.getByRole('checkbox', { name: /^Norway/ })
    expect(await norway.isDisabled()).toBe(false)
    await page.getByRole('button', { name: 'Reset filters' }).first().click()
    await expectCount(page, '32 practices')
  })

  it('finds both Bilbao practices by a search for "bilbao"', async () => {
    await page.goto('/')
    await page.getByRole('searchbox', { name: 'Search practices' }).fill('bilbao')
    await page.waitForURL(/q=bilbao/)
    await page.getByRole('link', { name: 'Local Forum for religious diversity' }).waitFor()
    const titles = await cardTitles(page)
    expect(titles).toEqual(expect.arrayContaining(['Anti-Rumour Web App', 'Local Forum for religious diversity']))
    expect(await page.locator('article.practice-card mark').first().innerText()).toMatch(/bilbao/i)
  })

  it('finds practices whatever the diacritics: "besos" finds Besós', async () => {
    await page.goto('/?q=besos')
    await page.locator('article.practice-card').first().waitFor()
    expect(await cardTitles(page)).toContain('Anissa programme')
    expect(await page.locator('article.practice-card mark').first().innerText()).toBe('Besós')
  })

  it('opens a practice page from the list, with its sections and topics', async () => {
    await page.goto('/')
    await page.getByRole('link', { name: 'Anti-Rumour Web App' }).click()
    await page.waitForURL(/\/practice\//)
    await page.getByRole('heading', { level: 1, name: 'Anti-Rumour Web App' }).waitFor()
    expect(await page.getByRole('heading', { level: 2, name: 'Purpose' }).count()).toBe(1)
    expect(await page.locator('.place').innerText()).toContain('Bilbao, Spain')
    // The catalogue only knows this practice's teaser, and the page says so.
    expect(await page.getByRole('note').innerText()).toContain('Only the opening of this practice is in the catalogue')
    const topic = page.locator('.topics a').first()
    const topicName = await topic.innerText()
    await topic.click()
    await page.waitForURL(/topic=/)
    expect(await page.locator('.chips').innerText()).toContain(topicName)
  })

  it('reproduces a filtered view from its URL in a new page', async () => {
    await page.goto('/')
    await page.getByRole('checkbox', { name: /^Spain/ }).check()
    await page.getByRole('searchbox', { name: 'Search practices' }).fill('barcelona')
    await page.waitForURL(/q=barcelona/)
    await page.getByRole('link', { name: 'Anissa programme' }).waitFor()
    await page.getByRole('link', { name: 'Anti-Rumour Web App' }).waitFor({ state: 'detached' })
    const url = page.url()
    const expected = await cardTitles(page)
    const other = await page.context().newPage()
    await other.goto(url)
    await other.locator('article.practice-card').first().waitFor()
    expect(await cardTitles(other)).toEqual(expected)
    expect(await other.getByRole('checkbox', { name: /^Spain/ }).isChecked()).toBe(true)
    await other.close()
  })

  it('walks back through filter steps with the Back button', async () => {
    await page.goto('/')
    await page.getByRole('checkbox', { name: /^Spain/ }).check()
    await page.waitForURL(/country=ES/)
    await page.getByRole('checkbox', { name: /^Portugal/ }).check()
    await page.waitForURL(/country=PT/)
    await page.goBack()
    await page.waitForURL(url => !url.search.includes('PT'))
    await expectCount(page, '6 practices')
  })

  it('ignores malformed URL parameters', async () => {
    await page.goto('/?year=20x4&country=Narnia&sort=sideways&utm_source=x')
    await page.locator('article.practice-card').first().waitFor()
    await expectCount(page, '32 practices')
  })

  it('shows a helpful page for an unknown practice', async () => {
    await page.goto('/practice/no-such-practice')
    await page.getByRole('heading', { name: 'Practice not found' }).waitFor()
    await page.getByRole('link', { name: 'Go to the catalogue' }).click()
    await page.waitForURL(`${baseUrl()}/`)
  })
})

describe('the catalogue on a phone', () => {
  const browser = useBrowser()

  it('opens the facets in a sheet with a "Show N practices" button', async () => {
    const context = await newContext(browser())
    const page = await context.newPage()
    await openCatalogue(page)
    await page.getByRole('button', { name: /Filters/ }).click()
    const sheet = page.getByRole('dialog', { name: 'Filters' })
    await sheet.waitFor()
    await sheet.getByRole('checkbox', { name: /^Spain/ }).check()
    await sheet.getByRole('button', { name: 'Show 6 practices' }).click()
    await sheet.waitFor({ state: 'hidden' })
    await expectCount(page, '6 practices')
    await context.close()
  })
})
