/**
 * The network of a field visit: a hotel Wi-Fi or a captive portal that is "up" but reaches nothing. The app
 * says calmly that it could not check for updates, with the date of the catalogue it shows, and carries on.
 */
import type { ConsoleMessage, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openCatalogue, useBrowser, useOwnServer, waitForServiceWorker, waitForWholeList } from './fixtures'

const CAPTIVE_PAGE = '<!doctype html><title>Hotel Wi-Fi</title><form><label>Room <input name=room></label></form>'

/** The console's errors and warnings while `action` runs. */
async function consoleProblems(page: Page, action: () => Promise<void>): Promise<string[]> {
  const seen: string[] = []
  const listen = (message: ConsoleMessage): void => {
    if (message.type() === 'error' || message.type() === 'warning')
      seen.push(message.text())
  }
  page.on('console', listen)
  page.on('pageerror', error => seen.push(String(error)))
  await action()
  page.off('console', listen)
  return seen
}

describe('a network that reaches nothing', () => {
  const browser = useBrowser()
  const server = useOwnServer()

  async function visitedOnce(): Promise<Page> {
    const context = await browser().newContext({ baseURL: server().url, viewport: { width: 360, height: 780 }, locale: 'en-GB' })
    context.setDefaultTimeout(20_000)
    const page = await context.newPage()
    await openCatalogue(page)
    await waitForServiceWorker(page)
    return page
  }

  it('fails every request after the first visit: a reload shows the list and a calm status, not an alert', async () => {
    const page = await visitedOnce()
    const count = await page.locator('.result-count').innerText()
    // Every connection is cut as soon as it is made.
    server().setIntercept((req) => {
      req.socket.destroy()
      return true
    })

    const problems = await consoleProblems(page, async () => {
      await page.reload()
      await waitForWholeList(page, 1)
      await page.getByRole('status').filter({ hasText: 'Could not check for updates' }).waitFor()
    })
    expect(await page.locator('.result-count').innerText()).toBe(count)
    // The status names the catalogue's own date ("using the catalogue of 2 Mar 2025"), not a time of checking.
    expect(await page.locator('.status-line').innerText()).toMatch(/using the catalogue of \d{1,2} [A-Z][a-z]{2,3} \d{4}/u)
    expect(await page.getByRole('alert').count()).toBe(0)
    // The app logs nothing of its own: what the browser reports of the refused connection is all there is.
    expect(problems.filter(text => !/Failed to load resource|net::ERR_/u.test(text))).toEqual([])

    // Closed, the status stays closed; the list stays.
    await page.locator('.status-line').getByRole('button', { name: 'Dismiss' }).click()
    await page.locator('.status-line').getByText('Could not check for updates').waitFor({ state: 'detached' })
    expect(await page.locator('article.practice-card').count()).toBeGreaterThan(0)
    server().setIntercept(undefined)
    await page.context().close()
  })

  it('with no network at all, a reload shows the list and logs nothing to the console', async () => {
    const page = await visitedOnce()
    await page.context().setOffline(true)
    const problems = await consoleProblems(page, async () => {
      await page.reload()
      await waitForWholeList(page, 1)
      // Long enough for a check for updates to have run, had it been tried.
      await page.waitForTimeout(3000)
    })
    expect(problems).toEqual([])
    expect(await page.getByRole('alert').count()).toBe(0)
    await page.context().close()
  })

  it('behind a captive portal that answers every request with its login page, stays calm too', async () => {
    const page = await visitedOnce()
    server().setIntercept((req, res) => {
      if (!req.url?.startsWith('/feed/'))
        return false
      res.writeHead(200, { 'content-type': 'text/html' }).end(CAPTIVE_PAGE)
      return true
    })
    await page.reload()
    await waitForWholeList(page, 1)
    await page.getByRole('status').filter({ hasText: 'Could not check for updates' }).waitFor()
    expect(await page.getByRole('alert').count()).toBe(0)

    // Asked for by hand in Settings, the check says what it found in words, not an alarm.
    await page.goto('/settings')
    await page.getByRole('button', { name: 'Update now' }).click()
    await page.getByRole('status').filter({ hasText: 'Could not check for updates. The catalogue on this device is unchanged.' }).waitFor()

    // Back on a real network, "Update now" says the catalogue is up to date, with its date.
    server().setIntercept(undefined)
    await page.getByRole('button', { name: 'Update now' }).click()
    await page.getByRole('status').filter({ hasText: /^Up to date: the catalogue of .+ is the newest\.$/u }).waitFor()
    await page.context().close()
  })
})

describe('Settings', () => {
  const browser = useBrowser()
  const server = useOwnServer()

  it('names the catalogue by its date and size, and keeps its address under Advanced', async () => {
    const context = await browser().newContext({ baseURL: server().url, viewport: { width: 360, height: 780 }, locale: 'en-GB' })
    const page = await context.newPage()
    await openCatalogue(page)
    await page.goto('/settings')
    const value = (label: string) => page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd')
    await value('Catalogue published').waitFor()
    expect(await value('Catalogue published').innerText()).toMatch(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/u)
    expect(await value('Catalogue size').innerText()).toMatch(/^\d+(\.\d)? (kB|MB)$/u)
    expect(await page.getByText('Catalogue version').count()).toBe(0)
    // The address is there for those who look for it, not in everyone's way.
    expect(await page.getByLabel('Catalogue address').isVisible()).toBe(false)
    await page.getByText('Advanced', { exact: true }).click()
    expect(await page.getByLabel('Catalogue address').isVisible()).toBe(true)
    await context.close()
  })
})
