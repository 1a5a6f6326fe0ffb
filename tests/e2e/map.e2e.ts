import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axe, baseUrl, cardTitles, expectCount, openCatalogue, openSyncedApp, useBrowser, waitForServiceWorker } from './fixtures'

/** The map's place names, as its list beside the map gives them. */
async function listedPlaces(page: Page): Promise<string[]> {
  await page.locator('.map-city-list .item').first().waitFor()
  return (await page.locator('.map-city-list .item .name').allTextContents()).map(t => t.trim())
}

/** Everything here runs with the network cut, after one online visit has installed the app and synced. */
describe('the map, offline', () => {
  const browser = useBrowser()
  let page: Page

  beforeAll(async () => { page = await openSyncedApp(browser(), { offline: true }) })
  afterAll(async () => { await page.context().close() })

  it('opens from the nav with the catalogue\'s filters and shows only their practices\' cities', async () => {
    await page.goto('/?country=ES')
    await expectCount(page, '6 practices')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Map' }).click()
    await page.waitForURL(/\/map\?country=ES/)
    expect(await listedPlaces(page)).toEqual(['Barcelona, Spain', 'Bilbao, Spain', 'Salt, Spain'])
    await expect.poll(() => page.locator('svg a.dot-link').count()).toBe(3)
    expect(await page.locator('svg a.dot-link').first().getAttribute('aria-label')).toBe('Barcelona, Spain, practices: 3')

    await page.goto('/map')
    const all = await listedPlaces(page)
    expect(all).toEqual(expect.arrayContaining(['Bilbao, Spain', 'Oslo, Norway', 'Ireland (national)']))
    expect(all.length).toBeGreaterThan(3)
  })

  it('tapping Bilbao opens the catalogue filtered by Bilbao', async () => {
    await page.goto('/map?country=ES')
    await page.locator('svg a.dot-link[aria-label^="Bilbao, Spain"]').click()
    await page.waitForURL(/city=Bilbao/)
    await expectCount(page, '2 practices')
    const titles = await cardTitles(page)
    expect(titles).toContain('Anti-Rumour Web App')
  })

  it('zooms with its buttons and the keyboard, and pans by dragging', async () => {
    await page.goto('/map?country=ES')
    const dot = page.locator('svg a.dot-link').first()
    await dot.waitFor()
    const where = async () => (await dot.locator('circle.dot').boundingBox())!
    const start = await where()
    await page.getByRole('button', { name: 'Zoom out' }).click()
    const out = await where()
    expect(Math.abs(out.x - start.x) + Math.abs(out.y - start.y)).toBeGreaterThan(5)
    await page.locator('.map-canvas').focus()
    await page.keyboard.press('ArrowLeft')
    expect((await where()).x).toBeGreaterThan(out.x + 40)
    const box = (await page.locator('svg.surface').boundingBox())!
    await page.mouse.move(box.x + 40, box.y + 40)
    await page.mouse.down()
    await page.mouse.move(box.x + 140, box.y + 90, { steps: 5 })
    await page.mouse.up()
    const dragged = await where()
    expect(dragged.x).toBeGreaterThan(out.x + 120)
  })

  it('a practice page names its city\'s practices and the nearest cities, by distance, with no permission asked', async () => {
    await page.goto('/practice/gb-leeds-housing-policy-in-leeds')
    const here = page.getByRole('region', { name: 'Practices in this city' })
    await expect.poll(() => here.getByRole('link').allTextContents()).toEqual(['Leeds, United Kingdom, practices: 3'])
    const nearby = page.getByRole('region', { name: 'Nearby cities' }).getByRole('link')
    const texts = (await nearby.allTextContents()).map(t => t.trim())
    expect(texts.slice(0, 2)).toEqual(['Bradford, United Kingdom, 13 km, practices: 2', 'Kirklees, United Kingdom, 23 km, practices: 2'])
    await nearby.first().click()
    await page.waitForURL(/city=Bradford/)
    await expectCount(page, '2 practices')
  })

  it('a practice alone in its city gives no list of its city, only the nearby ones', async () => {
    await page.goto('/practice/no-oslo-dostizanje-tacke-sa-koje-treba-preduzeti-akciju-u-oslu')
    const nearby = page.getByRole('region', { name: 'Nearby cities' }).getByRole('link')
    await expect.poll(async () => (await nearby.allTextContents()).map(t => t.trim())).toEqual(['Bergen, Norway, 305 km, practices: 1'])
    expect(await page.getByRole('region', { name: 'Practices in this city' }).count()).toBe(0)
  })

  /** A context of its own, synced then offline, with the position the test gives it (or none). */
  async function mapWithPosition(geolocation?: { latitude: number, longitude: number }): Promise<{ own: BrowserContext, phone: Page }> {
    const own = await browser().newContext({ baseURL: baseUrl(), viewport: { width: 360, height: 780 }, ...(geolocation ? { geolocation, permissions: ['geolocation'] } : {}) })
    const phone = await own.newPage()
    await openCatalogue(phone)
    await waitForServiceWorker(phone)
    await own.setOffline(true)
    await phone.goto('/map?country=ES')
    await phone.locator('.map-city-list .item').first().waitFor()
    return { own, phone }
  }

  it('with a position granted, "Nearest first" puts the nearest city first, with its distance', async () => {
    // Lleida: Barcelona about 130 km away, Salt about 185 km, Bilbao about 345 km; Barcelona is first anyway
    // by count, so the order of the other two is what shows the sort.
    const { own, phone } = await mapWithPosition({ latitude: 41.62, longitude: 0.62 })
    expect((await listedPlaces(phone))[0]).toBe('Barcelona, Spain')
    await phone.getByRole('button', { name: 'Nearest first' }).click()
    await expect.poll(async () => (await listedPlaces(phone))[0]).toMatch(/^Barcelona, Spain · 1\d\d km$/)
    expect((await listedPlaces(phone)).map(n => n.replace(/ · .*/, ''))).toEqual(['Barcelona, Spain', 'Salt, Spain', 'Bilbao, Spain'])
    await own.close()
  })

  it('with the position refused, a clear message and the list unchanged', async () => {
    const { own, phone } = await mapWithPosition()
    const before = await listedPlaces(phone)
    await phone.getByRole('button', { name: 'Nearest first' }).click()
    await expect.poll(() => phone.getByRole('status').filter({ hasText: 'position was not shared' }).count()).toBe(1)
    expect(await listedPlaces(phone)).toEqual(before)
    await own.close()
  })

  async function catalogueWithPosition(geolocation?: { latitude: number, longitude: number }): Promise<{ own: BrowserContext, phone: Page }> {
    const own = await browser().newContext({ baseURL: baseUrl(), locale: 'en-GB', viewport: { width: 360, height: 780 }, ...(geolocation ? { geolocation, permissions: ['geolocation'] } : {}) })
    const phone = await own.newPage()
    await openCatalogue(phone)
    await waitForServiceWorker(phone)
    await own.setOffline(true)
    return { own, phone }
  }

  const GALWAY = { latitude: 53.27, longitude: -9.05 }

  it('with a position granted, "Nearest to me" puts the nearest practice first in the catalogue and in Saved, each with its distance', async () => {
    const { own, phone } = await catalogueWithPosition(GALWAY)
    const before = await cardTitles(phone)
    expect(before[0]).not.toBe('Planned and Systematic Approach to Equality')
    await phone.getByLabel('Sort').selectOption({ label: 'Nearest to me' })
    await expect.poll(async () => (await cardTitles(phone))[0]).toBe('Planned and Systematic Approach to Equality')
    // A British device reads distances in miles; Galway's practice is in Galway.
    expect(await phone.locator('article.practice-card').first().locator('.distance').innerText()).toMatch(/^0(\.\d)? mi from you$/u)
    expect(await phone.locator('article.practice-card').nth(1).locator('.distance').innerText()).toMatch(/^\d+(\.\d)? mi from you$/u)
    expect([...await cardTitles(phone)].sort()).toEqual([...before].sort())

    // Saved offers the same order, and remembers nothing of the position beyond the visit.
    await phone.getByRole('button', { name: 'Save “Housing policy in Leeds”' }).click()
    await phone.getByRole('button', { name: 'Save “Planned and Systematic Approach to Equality”' }).click()
    // Both stored (the navigation's count reads the database), then to Saved as a user goes: by its link.
    await phone.waitForFunction(() => document.querySelector('nav .badge')?.textContent?.trim() === '2')
    await phone.getByRole('link', { name: /Saved/ }).click()
    await phone.getByRole('heading', { level: 2, name: 'Planned and Systematic Approach to Equality' }).waitFor()
    await phone.getByLabel('Sort').selectOption({ label: 'Nearest to me' })
    await expect.poll(async () => (await phone.locator('.list h2').allTextContents()).map(t => t.trim())).toEqual(['Planned and Systematic Approach to Equality', 'Housing policy in Leeds'])
    expect(await phone.locator('.list .distance').first().innerText()).toMatch(/mi from you$/u)
    await own.close()
  })

  it('with the position refused, "Nearest to me" explains why and the list keeps its order', async () => {
    const { own, phone } = await catalogueWithPosition()
    const before = await cardTitles(phone)
    await phone.getByLabel('Sort').selectOption({ label: 'Nearest to me' })
    await phone.getByRole('alert').filter({ hasText: 'Your position was not shared, so the list keeps its order.' }).waitFor()
    expect(await cardTitles(phone)).toEqual(before)
    expect(await phone.locator('.distance').count()).toBe(0)
    // The select shows the order the list kept.
    expect(await phone.getByLabel('Sort').inputValue()).toBe('newest')
    await own.close()
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe finds nothing on the map (${colorScheme})`, async () => {
      // axe is injected as a script, which the app's own policy would rightly refuse.
      const own = await browser().newContext({ baseURL: baseUrl(), viewport: { width: 360, height: 780 }, colorScheme, bypassCSP: true })
      const phone = await own.newPage()
      await openCatalogue(phone)
      await phone.goto('/map')
      await phone.locator('.map-city-list .item').first().waitFor()
      expect(await axe(phone)).toEqual([])
      await own.close()
    })
  }
})
