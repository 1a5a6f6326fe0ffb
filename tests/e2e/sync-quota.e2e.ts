import { describe, expect, it } from 'vitest'
import { openCatalogue, useBrowser, useOwnServer } from './fixtures'

describe('a full disk', () => {
  const browser = useBrowser()
  const server = useOwnServer()

  it('names the space the update needs, offers the storage panel, and syncs once there is room', async () => {
    const context = await browser().newContext({ baseURL: server().url, viewport: { width: 360, height: 780 } })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    // The origin may store next to nothing: the first sync's commit cannot fit.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server().url, quotaSize: QUOTA })
    await page.goto('/')
    const alert = page.getByRole('alert').filter({ hasText: 'out of storage space' })
    await alert.waitFor()
    const manifest = await (await fetch(`${server().url}/feed/manifest.json`)).json() as { shards: { bytes: number }[], searchIndex?: { bytes: number }[], taxonomy: { bytes: number }, practiceCount: number }
    const needed = [manifest.taxonomy, ...manifest.shards, ...(manifest.searchIndex ?? [])].reduce((sum, f) => sum + f.bytes, 0)
    const size = new Intl.NumberFormat('en', { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 }).format(needed / 1024)
    expect(await alert.innerText()).toContain(`The update needs about ${size}.`)

    await alert.getByRole('link', { name: 'See storage' }).click()
    await page.waitForURL(/\/settings#storage$/)
    await page.waitForFunction(() => document.activeElement?.id === 'storage')

    // Room again: the next try stores the catalogue.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server().url })
    await page.getByRole('button', { name: 'Update now' }).click()
    await page.getByRole('alert').waitFor({ state: 'detached' })
    await openCatalogue(page)
    expect(await page.evaluate(() => new Promise<number>((resolve) => {
      const open = indexedDB.open('icc-field-guide')
      open.onsuccess = () => { const count = open.result.transaction('practices').objectStore('practices').count(); count.onsuccess = () => resolve(count.result) }
    }))).toBe(manifest.practiceCount)
    await context.close()
  })
})

const QUOTA = 1024
