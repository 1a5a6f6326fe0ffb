import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { newContext, openCatalogue, useBrowser, waitForServiceWorker } from './fixtures'

describe('saved practices', () => {
  const browser = useBrowser()

  it('saves offline, keeps it through an offline reload, and keeps the note', async () => {
    const context = await newContext(browser())
    const page = await context.newPage()
    await openCatalogue(page)
    await waitForServiceWorker(page)
    await context.setOffline(true)

    const save = page.getByRole('button', { name: 'Save “Anti-Rumour Web App”' })
    await save.click()
    await page.waitForFunction(() => document.querySelector('button[aria-label="Save “Anti-Rumour Web App”"]')?.getAttribute('aria-pressed') === 'true')
    expect(await page.locator('nav .badge').innerText()).toBe('1')

    await page.reload()
    await page.locator('article.practice-card').first().waitFor()
    expect(await page.getByRole('button', { name: 'Save “Anti-Rumour Web App”' }).getAttribute('aria-pressed')).toBe('true')

    await page.getByRole('link', { name: /Saved/ }).click()
    await page.getByRole('heading', { name: 'Saved practices' }).waitFor()
    await page.getByRole('button', { name: 'Add a note to “Anti-Rumour Web App”' }).click()
    const note = page.getByRole('textbox', { name: 'Your note' })
    await note.fill('Met the coordinator; game used in 12 schools.')
    await note.blur()
    await page.getByText(/^Edited /).waitFor()
    await page.reload()
    await page.getByRole('heading', { name: 'Saved practices' }).waitFor()
    // Closed in the list, the note shows its first lines; opened, the whole of it, to edit.
    await page.locator('.preview').getByText('Met the coordinator; game used in 12 schools.').waitFor()
    await page.getByRole('button', { name: 'Show the whole note on “Anti-Rumour Web App”', expanded: false }).click()
    expect(await page.getByRole('textbox', { name: 'Your note' }).inputValue()).toBe('Met the coordinator; game used in 12 schools.')
    await context.close()
  })

  it('restores bookmarks, notes and tags from an export after the site data is cleared', async () => {
    const context = await newContext(browser())
    const page = await context.newPage()
    await openCatalogue(page)
    await page.getByRole('button', { name: 'Save “BizFeira - Bilateral overseas business development”' }).click()
    await page.locator('button[aria-pressed="true"]').first().waitFor()
    await page.goto('/saved')
    await page.getByRole('button', { name: /^Add a note to / }).click()
    await page.getByRole('textbox', { name: 'Your note' }).fill('Ask about the platform costs')
    await page.getByRole('textbox', { name: 'New tag' }).fill('Lublin visit')
    await page.getByRole('button', { name: 'Add tag' }).click()
    await page.getByRole('button', { name: 'Remove tag Lublin visit' }).waitFor()
    await page.getByRole('textbox', { name: 'Your note' }).blur()
    await page.getByText(/^Edited /).waitFor()

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup (JSON)' }).click()])
    const file = await download.path()
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { bookmarks: { note: string, tags: string[] }[] }
    expect(exported.bookmarks).toHaveLength(1)

    const cdp = await context.newCDPSession(page)
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(page.url()).origin, storageTypes: 'all' })
    await page.goto('/saved')
    await page.getByRole('heading', { name: 'Nothing saved yet' }).waitFor()

    await page.locator('input[type="file"]').setInputFiles(file)
    await page.getByText('Import finished: 1 added, 0 updated, 0 unchanged, 0 rejected.').waitFor()
    await page.getByRole('button', { name: /^Show the whole note on / }).click()
    expect(await page.getByRole('textbox', { name: 'Your note' }).inputValue()).toBe('Ask about the platform costs')
    await page.getByRole('button', { name: 'Remove tag Lublin visit' }).waitFor()
    await context.close()
  })

  it('shows a new bookmark in a second tab without reloading it', async () => {
    const context = await newContext(browser())
    const first = await context.newPage()
    await openCatalogue(first)
    const second = await context.newPage()
    await second.goto('/saved')
    await second.getByRole('heading', { name: 'Nothing saved yet' }).waitFor()
    await first.getByRole('button', { name: 'Save “A Smile of a Child”' }).click()
    await second.getByRole('link', { name: 'A Smile of a Child' }).waitFor()
    expect(await second.locator('nav .badge').innerText()).toBe('1')
    await context.close()
  })

  it('rejects a hostile or malformed import with a clear message, losing nothing', async () => {
    const context = await newContext(browser())
    const page = await context.newPage()
    await openCatalogue(page)
    await page.getByRole('button', { name: 'Save “A Smile of a Child”' }).click()
    await page.locator('button[aria-pressed="true"]').first().waitFor()
    await page.goto('/saved')
    await page.locator('input[type="file"]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "icc-field-guide-bookmarks", "version": 1, "bookmarks": [') })
    await page.getByText(/not valid JSON/).waitFor()
    await page.getByRole('link', { name: 'A Smile of a Child' }).waitFor()
    await context.close()
  })

  it('undoes a removal, bringing back the note and tags', async () => {
    const context = await newContext(browser())
    const page = await context.newPage()
    await openCatalogue(page)
    await page.getByRole('button', { name: 'Save “Research Circles”' }).click()
    await page.locator('button[aria-pressed="true"]').first().waitFor()
    await page.goto('/saved')
    await page.getByRole('button', { name: 'Add a note to “Research Circles”' }).click()
    await page.getByRole('textbox', { name: 'Your note' }).fill('Botkyrka method, ask for the guide')
    await page.getByRole('textbox', { name: 'Your note' }).blur()
    await page.getByText(/^Edited /).waitFor()
    await page.getByRole('button', { name: 'Remove “Research Circles” from saved' }).click()
    await page.getByRole('heading', { name: 'Nothing saved yet' }).waitFor()
    await page.getByRole('status').filter({ hasText: 'Removed “Research Circles” from saved.' }).getByRole('button', { name: 'Undo' }).click()
    await page.getByRole('button', { name: 'Show the whole note on “Research Circles”' }).click()
    expect(await page.getByRole('textbox', { name: 'Your note' }).inputValue()).toBe('Botkyrka method, ask for the guide')
    await context.close()
  })
})
