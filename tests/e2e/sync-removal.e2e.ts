import { describe, expect, it } from 'vitest'
import { axe, openCatalogue, useBrowser, useOwnServer } from './fixtures'

describe('a feed that would remove most of the catalogue', () => {
  const browser = useBrowser()
  const server = useOwnServer()

  it('is not applied until the user agrees; keeping what the device has is the default', async () => {
    const context = await browser().newContext({ baseURL: server().url, viewport: { width: 360, height: 780 }, bypassCSP: true })
    const page = await context.newPage()
    await openCatalogue(page)
    const before = (await page.locator('.result-count').innerText()).trim()
    const held = Number.parseInt(before, 10)

    // The server now publishes an empty catalogue, as a broken publishing run would.
    const real = await (await fetch(`${server().url}/feed/manifest.json`)).json() as Record<string, unknown>
    server().setIntercept((req, res) => {
      if (!req.url?.startsWith('/feed/manifest.json'))
        return false
      const empty = { ...real, version: 'emptied', practiceCount: 0, shards: [], searchIndex: [] }
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' }).end(JSON.stringify(empty))
      return true
    })
    await page.goto('/settings')
    await page.getByRole('button', { name: 'Update now' }).click()
    const prompt = page.getByRole('alertdialog', { name: 'This update would remove most of the catalogue' })
    await prompt.waitFor()
    const text = await prompt.innerText()
    expect(text).toContain(`Practices on this device: ${held}.`)
    expect(text).toContain('Practices in the new catalogue: 0.')
    expect(text).toContain(`Updating would remove ${held} of the practices`)
    expect(await axe(page)).toEqual([])
    // The safe answer has the focus, so Enter keeps the catalogue.
    const keep = prompt.getByRole('button', { name: `Keep the ${held} practices I have` })
    expect(await keep.evaluate(el => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    await prompt.waitFor({ state: 'detached' })

    await page.goto('/')
    await page.locator('article.practice-card').first().waitFor()
    expect((await page.locator('.result-count').innerText()).trim()).toBe(before)

    // Agreeing applies it: the catalogue empties.
    await page.goto('/settings')
    await page.getByRole('button', { name: 'Update now' }).click()
    await prompt.getByRole('button', { name: 'Apply the update' }).click()
    await prompt.waitFor({ state: 'detached' })
    // The update runs now; leaving the page before it ends would cut it off (and ask again on the next start).
    await page.getByRole('button', { name: 'Update now' }).waitFor()
    expect(await page.getByRole('definition').first().innerText()).toBe('0')
    await page.goto('/')
    await page.waitForFunction(() => Number.parseInt(document.querySelector('.result-count')?.textContent ?? '', 10) === 0)
    await context.close()
  })
})
