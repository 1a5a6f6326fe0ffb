import { describe, expect, it } from 'vitest'
import { openCatalogue, useBrowser, useOwnServer } from './fixtures'

describe('a tampered feed', () => {
  const browser = useBrowser()
  const server = useOwnServer()

  it('shows the error and keeps the catalogue the device already has', async () => {
    const context = await browser().newContext({ baseURL: server().url, viewport: { width: 360, height: 780 } })
    const page = await context.newPage()
    await openCatalogue(page)
    const before = await page.locator('.result-count').innerText()

    // The server now announces a new version whose first shard does not match its checksum.
    const real = await (await fetch(`${server().url}/feed/manifest.json`)).json() as { version: string, shards: { sha256: string }[] }
    server().setIntercept((req, res) => {
      if (!req.url?.startsWith('/feed/manifest.json'))
        return false
      const tampered = { ...real, version: `${real.version}-tampered`, shards: real.shards.map((s, i) => i === 0 ? { ...s, sha256: 'f'.repeat(64) } : s) }
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' }).end(JSON.stringify(tampered))
      return true
    })
    await page.goto('/settings')
    await page.getByRole('button', { name: 'Update now' }).click()
    const alert = page.getByRole('alert').filter({ hasText: 'checksum' })
    await alert.waitFor()

    await page.goto('/')
    await page.locator('article.practice-card').first().waitFor()
    expect(await page.locator('.result-count').innerText()).toBe(before)
    // The check after start-up meets the same tampered feed, and says so again.
    await page.getByRole('alert').filter({ hasText: 'checksum' }).waitFor()

    // Once the feed is whole again, Retry recovers and the error goes.
    server().setIntercept(undefined)
    await page.getByRole('alert').getByRole('button', { name: 'Try again' }).click()
    await page.getByRole('alert').filter({ hasText: 'checksum' }).waitFor({ state: 'detached' })
    expect(await page.locator('.result-count').innerText()).toBe(before)
    await context.close()
  })
})
