import { readFileSync } from 'node:fs'
import { crc32, deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { checkPractice } from '../../src/catalogue/schema'
import { axe, baseUrl, openCatalogue, useBrowser, waitForServiceWorker } from './fixtures'

/** A PNG of one colour, made here: the picture a phone's gallery would give, at a size that must be cut down. */
function pngBuffer(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const row = Buffer.alloc(1 + width * 3)
  for (let x = 0; x < width; x++)
    row.set([30, 120, 200], 1 + x * 3)
  const pixels = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))])
}

describe('field drafts', () => {
  const browser = useBrowser()

  it('drafts a practice offline: kept through a reload, a photo attached, marked ready, exported as a valid record; axe finds nothing at 360 px', async () => {
    // axe is injected as a script, which the app's own policy rightly refuses.
    const context = await browser().newContext({ baseURL: baseUrl(), viewport: { width: 360, height: 780 }, locale: 'en-GB', serviceWorkers: 'allow', bypassCSP: true, acceptDownloads: true })
    context.setDefaultTimeout(15_000)
    const page = await context.newPage()
    await openCatalogue(page)
    await waitForServiceWorker(page)
    await context.setOffline(true)

    await page.getByRole('navigation').getByRole('link', { name: 'Drafts' }).click()
    await page.getByRole('heading', { name: 'Your drafts' }).waitFor()
    await page.getByRole('link', { name: 'Draft a practice' }).click()
    await page.locator('#draft-title').waitFor()
    await page.waitForURL(/\/drafts\/draft-/)

    await page.locator('#draft-title').fill('Neighbourhood mothers <b>café</b>')
    await page.locator('#draft-city').fill('Lyon')
    await page.locator('#draft-country').fill('France')
    await page.locator('#draft-period-from').fill('2019')
    await page.getByLabel('Still running').check()
    await page.locator('.topics input[type="checkbox"]').first().check()
    await page.locator('#draft-purpose').fill('Mothers who arrived years ago guide newly arrived families.')
    await page.locator('#draft-process').fill('Twelve mothers trained by the city, with two NGOs; 40,000 EUR a year.')
    await page.locator('#draft-links').fill('https://www.lyon.fr/mothers')
    await page.locator('#draft-title').focus()
    await page.getByText(/^Saved on this device at /).waitFor()

    await page.reload()
    await page.locator('#draft-title').waitFor()
    expect(await page.locator('#draft-title').inputValue()).toBe('Neighbourhood mothers <b>café</b>')
    expect(await page.locator('#draft-country').inputValue()).toBe('France')
    expect(await page.locator('#draft-process').inputValue()).toContain('Twelve mothers')
    expect(await page.getByLabel('Still running').isChecked()).toBe(true)

    await page.locator('input[type="file"][multiple]').setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: pngBuffer(2400, 1200) })
    const thumb = page.getByRole('img', { name: 'Photo 1 of the draft' })
    await thumb.waitFor()
    // Downscaled on the device: the longest side at 1600 px, the aspect ratio kept.
    expect([await thumb.getAttribute('width'), await thumb.getAttribute('height')]).toEqual(['1600', '800'])
    expect(await page.getByText('Photos: 1 of 5').count()).toBe(1)

    expect(await axe(page)).toEqual([])

    await page.getByRole('button', { name: 'Mark as ready' }).click()
    await page.getByRole('heading', { name: 'Ready to send' }).waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download practice file (JSON)' }).click()])
    expect(download.suggestedFilename()).toBe('fr-lyon-neighbourhood-mothers-b-cafe-b.json')
    const record = JSON.parse(readFileSync(await download.path(), 'utf8')) as unknown
    const checked = checkPractice(record)
    expect(checked.ok ? [] : checked.issues).toEqual([])
    expect(record).toMatchObject({ title: 'Neighbourhood mothers <b>café</b>', country: 'FR', city: 'Lyon', period: { start: 2019, ongoing: true }, language: 'en' })
    expect((record as { body: string }).body).toContain('## Purpose')
    expect(await axe(page)).toEqual([])

    // By e-mail (this browser shares no files): the address is kept in Settings; a photo cannot go in a
    // mailto: link, so the message says to attach the ZIP, saved as the e-mail opens.
    await page.getByRole('link', { name: 'Open Settings' }).click()
    await page.getByLabel('E-mail address for drafts').fill('drafts@example.org')
    await page.getByRole('button', { name: 'Save address' }).click()
    await page.getByText('Address saved.').waitFor()
    await page.goBack()
    const mail = page.getByRole('link', { name: 'Send by e-mail' })
    await mail.waitFor()
    const file = 'fr-lyon-neighbourhood-mothers-b-cafe-b.zip'
    await page.getByText(`The whole draft is in the file ${file}, saved on this device as the e-mail opens: attach it to the e-mail.`).waitFor()
    const href = new URL(await mail.getAttribute('href') ?? '')
    expect(href.protocol).toBe('mailto:')
    expect(href.searchParams.get('body')).toContain(`The whole draft is in the file ${file}`)
    await mail.evaluate(a => a.addEventListener('click', e => e.preventDefault()))
    const [zip] = await Promise.all([page.waitForEvent('download'), mail.click()])
    expect(zip.suggestedFilename()).toBe(file)
    await context.close()
  })

  it('deletes a draft with an Undo in the dock (or dismissed: gone), and keeps it in the list with its last edit time', async () => {
    const context = await browser().newContext({ baseURL: baseUrl(), viewport: { width: 360, height: 780 }, locale: 'en-GB', serviceWorkers: 'allow' })
    const page = await context.newPage()
    await page.goto('/drafts/new')
    await page.locator('#draft-title').fill('Intercultural walks')
    await page.locator('#draft-city').focus()
    await page.getByText(/^Saved on this device at /).waitFor()
    await page.getByRole('link', { name: 'All drafts' }).click()
    const item = page.getByRole('article').filter({ hasText: 'Intercultural walks' })
    await item.getByText(/^Last edited /).waitFor()
    await page.getByRole('button', { name: 'Delete draft “Intercultural walks”' }).click()
    await page.getByText('No drafts yet.').waitFor()
    // The Undo is a notice in the dock over the page's foot, as for a removed bookmark.
    const toast = page.locator('.app-dock').getByRole('status').filter({ hasText: 'Deleted draft “Intercultural walks”.' })
    await toast.waitFor()
    await toast.getByRole('button', { name: 'Undo' }).click()
    await page.getByRole('link', { name: 'Intercultural walks' }).waitFor()
    expect(await toast.count()).toBe(0)
    // Deleted again and the notice dismissed: the draft stays deleted.
    await page.getByRole('button', { name: 'Delete draft “Intercultural walks”' }).click()
    await toast.getByRole('button', { name: 'Dismiss' }).click()
    await page.getByText('No drafts yet.').waitFor()
    expect(await toast.count()).toBe(0)
    await page.reload()
    await page.getByText('No drafts yet.').waitFor()
    await context.close()
  })
})
