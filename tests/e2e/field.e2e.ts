import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axe, baseUrl, newContext, openCatalogue, useBrowser } from './fixtures'

const BILBAO = '/practice/es-bilbao-anti-rumour-web-app'

/** Stores a setting as the app does (Dexie's settings table), for the next load to read. */
async function storeSetting(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(([k, v]) => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('icc-field-guide')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const tx = open.result.transaction('settings', 'readwrite')
      tx.objectStore('settings').put({ key: k, value: v })
      tx.oncomplete = () => { open.result.close(); resolve() }
      tx.onerror = () => reject(tx.error)
    }
  }), [key, value] as const)
}

/** Changes fields of one stored practice, as a sync would have written them (seen on the next load). */
async function patchPractice(page: Page, id: string, patch: Record<string, unknown>): Promise<void> {
  await page.evaluate(([key, fields]) => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('icc-field-guide')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const tx = open.result.transaction('practices', 'readwrite')
      const store = tx.objectStore('practices')
      const read = store.get(key)
      read.onsuccess = () => store.put({ ...read.result, ...fields })
      tx.oncomplete = () => { open.result.close(); resolve() }
      tx.onerror = () => reject(tx.error)
    }
  }), [id, patch] as const)
}

/** The names that more than one control (button, field, box, switch) of the page shares, from Chromium's accessibility tree. */
async function repeatedControlNames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page)
  const { nodes } = await cdp.send('Accessibility.getFullAXTree') as { nodes: { ignored: boolean, role?: { value: string }, name?: { value: string } }[] }
  await cdp.detach()
  const controls = new Set(['button', 'textbox', 'searchbox', 'checkbox', 'combobox', 'switch', 'radio', 'slider', 'spinbutton'])
  const seen = new Map<string, number>()
  for (const node of nodes) {
    if (!node.ignored && controls.has(node.role?.value ?? '') && node.name?.value)
      seen.set(`${node.role!.value} “${node.name.value}”`, (seen.get(`${node.role!.value} “${node.name.value}”`) ?? 0) + 1)
  }
  return [...seen].filter(([, count]) => count > 1).map(([name]) => name)
}

/**
 * Every visible button's words that its rendering splits over two lines. Each word of its text is measured on
 * its own (Range.getClientRects): a word whole on one line gives boxes side by side, a split one boxes one
 * under the other. Text hidden for screen readers only is skipped.
 */
function wordsSplitInButtons(page: Page, selector = 'button, .btn, [role="button"]'): Promise<string[]> {
  return page.evaluate((selector) => {
    const split: string[] = []
    for (const button of document.querySelectorAll<HTMLElement>(selector)) {
      if (!button.checkVisibility())
        continue
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (node.parentElement?.closest('.visually-hidden'))
          continue
        for (const word of node.data.matchAll(/\S+/g)) {
          const range = document.createRange()
          range.setStart(node, word.index)
          range.setEnd(node, word.index + word[0].length)
          const boxes = [...range.getClientRects()].filter(r => r.width > 0).sort((a, b) => a.top - b.top)
          if (boxes.some(r => r.top >= boxes[0]!.bottom - 2))
            split.push(`“${button.textContent?.trim()}”: ${word[0]}`)
        }
      }
    }
    return split
  }, selector)
}

async function largestText(page: Page): Promise<void> {
  await storeSetting(page, 'textScale', 2)
  await page.reload()
  await page.waitForFunction(() => getComputedStyle(document.documentElement).fontSize === '32px')
}

async function axePage(browser: Browser): Promise<Page> {
  // axe is injected as a script, which the app's own policy would rightly refuse.
  const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 360, height: 780 }, locale: 'en-GB', bypassCSP: true })
  context.setDefaultTimeout(15_000)
  return context.newPage()
}

describe('the first hour in the field', () => {
  const browser = useBrowser()

  it('remembers "Not now" on the install offer across a reload', async () => {
    const context = await newContext(browser())
    const page = await context.newPage()
    await openCatalogue(page)
    // The browser's own event cannot be raised in a test: a stand-in with the same shape, sent until the app
    // (which starts listening after the first list) shows its offer.
    const offerInstall = (): Promise<unknown> => page.waitForFunction(() => {
      const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), { prompt: async () => {}, userChoice: Promise.resolve({ outcome: 'dismissed' }) })
      window.dispatchEvent(event)
      return [...document.querySelectorAll('button')].some(b => b.textContent?.trim() === 'Not now')
    }, undefined, { polling: 250 })
    await offerInstall()
    await page.getByRole('button', { name: 'Not now' }).click()
    await page.getByRole('button', { name: 'Install' }).waitFor({ state: 'detached' })

    await page.reload()
    await page.locator('article.practice-card').first().waitFor()
    // The app listens again (the install chunk has loaded), is offered an install, and still says nothing.
    const cdp = await context.newCDPSession(page)
    const listening = async (): Promise<boolean> => {
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' })
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! })
      return listeners.some(l => l.type === 'beforeinstallprompt')
    }
    await expect.poll(listening, { timeout: 15_000 }).toBe(true)
    await page.evaluate(() => window.dispatchEvent(Object.assign(new Event('beforeinstallprompt', { cancelable: true }), { prompt: async () => {} })))
    // The stored answer is read by then: a read of the same table, queued after the app's, has come back.
    await page.evaluate(() => new Promise(resolve => setTimeout(resolve, 500)))
    expect(await page.getByRole('button', { name: 'Install' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Not now' }).count()).toBe(0)
    await context.close()
  })

  it('keeps a note added on the practice page, and shows it in Saved', async () => {
    const context = await newContext(browser())
    const page = await context.newPage()
    await openCatalogue(page)
    await page.goto(BILBAO)
    await page.getByRole('heading', { level: 1 }).waitFor()
    expect(await page.getByRole('button', { name: 'Add a note' }).count()).toBe(0)
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('button', { name: 'Add a note' }).click()
    const note = page.getByRole('textbox', { name: 'Your note' })
    await note.fill('Ask the city for the game’s materials in Basque.')
    await page.getByRole('textbox', { name: 'New tag' }).fill('Lublin visit')
    await page.getByRole('button', { name: 'Add tag' }).click()
    await page.getByRole('button', { name: 'Remove tag Lublin visit' }).waitFor()
    await page.getByText(/^Edited /).waitFor()

    await page.getByRole('link', { name: /Saved/ }).click()
    await page.getByRole('heading', { name: 'Saved practices' }).waitFor()
    await page.locator('.preview').getByText('Ask the city for the game’s materials in Basque.').waitFor()
    await page.getByRole('button', { name: 'Remove tag Lublin visit' }).waitFor()
    // Back on the practice page, the note is open, whole.
    await page.goto(BILBAO)
    expect(await page.getByRole('textbox', { name: 'Your note' }).inputValue()).toBe('Ask the city for the game’s materials in Basque.')
    await context.close()
  })

  for (const locale of ['fr', 'sr-Cyrl', 'ar']) {
    it(`splits no button's word over two lines on a 360 px phone in ${locale}, at every text size, nor scrolls sideways`, async () => {
      const context = await newContext(browser(), { locale })
      const page = await context.newPage()
      await openCatalogue(page)
      await page.locator('.practice-card .save').first().click()
      await page.locator('.practice-card .save[aria-pressed="true"]').first().waitFor()
      const split: string[] = []
      for (const scale of [1, 1.5, 2]) {
        await storeSetting(page, 'textScale', scale)
        for (const path of ['/', BILBAO, '/saved', '/settings']) {
          await page.goto(path)
          await page.locator('main h1').first().waitFor()
          await page.locator('main button').first().waitFor()
          split.push(...(await wordsSplitInButtons(page)).map(w => `${scale} ${path} ${w}`))
          // Whole words must not cost sideways scrolling either.
          if (await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth))
            split.push(`${scale} ${path} scrolls sideways`)
        }
        await page.goto('/')
        await page.locator('.filters-button').click()
        await page.locator('dialog[open] .show').waitFor()
        await page.locator('dialog[open] input[type="checkbox"]').first().waitFor()
        split.push(...(await wordsSplitInButtons(page)).map(w => `${scale} filter sheet ${w}`))
      }
      expect(split).toEqual([])
      await context.close()
    })
  }

  it('keeps each navigation label whole on a 360 px phone, in English and in languages of long words', async () => {
    const split: string[] = []
    for (const locale of ['en-GB', 'de', 'uk', 'el']) {
      const context = await newContext(browser(), { locale, viewport: { width: 360, height: 780 } })
      const page = await context.newPage()
      await page.goto('/')
      await page.locator('article.practice-card').first().waitFor()
      expect(await page.locator('nav a').count()).toBe(5)
      split.push(...(await wordsSplitInButtons(page, 'nav a')).map(w => `${locale} ${w}`))
      // Each stays a comfortable target for a thumb.
      for (const width of await page.locator('nav a').evaluateAll(links => links.map(a => a.getBoundingClientRect().width)))
        expect(width).toBeGreaterThanOrEqual(44)
      await context.close()
    }
    expect(split).toEqual([])
  })

  it('finds a word split over two lines when there is one (the measure above can fail)', async () => {
    const context = await newContext(browser())
    const page = await context.newPage()
    await page.setContent('<button style="inline-size: 5rem; overflow-wrap: anywhere">Réinitialiser les filtres</button><button>Afficher</button>')
    expect(await wordsSplitInButtons(page)).toEqual(['“Réinitialiser les filtres”: Réinitialiser'])
    await context.close()
  })

  it('lets a keyboard skip the facets to the first result on a wide screen', async () => {
    const context = await newContext(browser(), { viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await openCatalogue(page)
    await page.locator('aside input[type="checkbox"]').first().waitFor()
    await page.locator('#catalogue-search').focus()
    let presses = 0
    while (presses < 10 && await page.evaluate(() => document.activeElement?.textContent?.trim()) !== 'Skip to results') {
      await page.keyboard.press('Tab')
      presses++
    }
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to results')
    expect(await page.evaluate(() => document.activeElement?.closest('aside'))).toBeNull()
    await page.keyboard.press('Enter')
    const first = await page.locator('article.practice-card h2 a').first().getAttribute('href')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(first)
    await context.close()
  })

  it('reaches the pages before the language switcher', async () => {
    const context = await newContext(browser(), { viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await openCatalogue(page)
    const order = await page.evaluate(() => [...document.querySelectorAll('a[href], select, button, input')]
      .filter(e => e.closest('header'))
      .map(e => e.tagName === 'SELECT' ? 'language' : e.closest('nav') ? 'nav' : 'other'))
    expect(order.indexOf('language')).toBeGreaterThan(order.lastIndexOf('nav'))
    await context.close()
  })

  it('names the page in the browser tab, in the interface language', async () => {
    const context = await newContext(browser())
    const page = await context.newPage()
    await openCatalogue(page)
    await page.waitForFunction(() => document.title === 'Catalogue · ICC Field Guide')
    for (const [path, title] of [['/saved', 'Saved · ICC Field Guide'], ['/settings', 'Settings · ICC Field Guide'], ['/map', 'Map · ICC Field Guide'], [BILBAO, 'Anti-Rumour Web App · ICC Field Guide']]) {
      await page.goto(path!)
      await page.waitForFunction(t => document.title === t, title)
    }
    await page.goto('/settings')
    const select = page.locator('header select')
    await select.focus()
    await select.selectOption('fr')
    await page.waitForFunction(() => document.title === 'Paramètres · ICC Field Guide')
    await context.close()
  })

  it('says what the year filter means, in the facet and in its chip', async () => {
    const context = await newContext(browser(), { viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await openCatalogue(page, '/?year=2020')
    await page.locator('aside legend').filter({ hasText: 'Active in the year' }).waitFor()
    await page.getByRole('button', { name: 'Remove filter: Active in 2020' }).waitFor()
    await context.close()
  })

  it('prints the source\'s address, and no passing message', async () => {
    const context = await newContext(browser(), { viewport: { width: 1280, height: 900 } })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    const page = await context.newPage()
    await openCatalogue(page)
    // The embedded catalogue gives no source addresses; a crawled one does.
    const source = 'https://www.coe.int/en/web/interculturalcities/-/bilbao-anti-rumour-web-app'
    await patchPractice(page, 'es-bilbao-anti-rumour-web-app', { sourceUrl: source })
    await page.goto(BILBAO)
    await page.locator('.source a').waitFor()
    await page.evaluate(() => { Object.defineProperty(navigator, 'share', { value: undefined }) })
    await page.getByRole('button', { name: 'Share' }).click()
    await page.getByText('Link copied.').waitFor()
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByText('Link copied.').isVisible()).toBe(false)
    expect(await page.locator('.source').innerText()).toBe(`Source: ${source}`)
    await context.close()
  })

  it('gives no two controls of a page the same name', async () => {
    const context = await newContext(browser(), { viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await openCatalogue(page)
    // Two saved practices with notes and tags: the controls a list repeats for each of them.
    for (const card of [0, 1]) {
      await page.locator('.practice-card .save').nth(card).click()
      await page.locator('.practice-card .save[aria-pressed="true"]').nth(card).waitFor()
    }
    await page.goto('/saved')
    // Opened, a note's button takes another name: open them one at a time, the first still closed each time.
    const closedNote = page.getByRole('button', { name: /^Add a note/ })
    await closedNote.nth(1).waitFor()
    while (await closedNote.count() > 0)
      await closedNote.first().click()
    for (const field of await page.getByRole('textbox', { name: /^New tag/ }).all()) {
      await field.fill('visit')
      await field.press('Enter')
    }
    await page.getByRole('button', { name: /^Remove tag visit/ }).nth(1).waitFor()
    const pages: [string, string][] = [['/saved', 'main textarea'], ['/', 'main input[type="checkbox"]'], ['/settings', 'main h2'], [BILBAO, 'main h1']]
    const repeated: string[] = []
    for (const [path, ready] of pages) {
      if (path !== '/saved')
        await page.goto(path)
      await page.locator(ready).first().waitFor()
      repeated.push(...(await repeatedControlNames(page)).map(name => `${path}: ${name}`))
    }
    expect(repeated).toEqual([])
    await context.close()
  })

  it('axe finds nothing on any page at the largest text size', async () => {
    const page = await axePage(browser())
    await openCatalogue(page)
    await page.locator('.practice-card .save').first().click()
    await page.locator('.practice-card .save[aria-pressed="true"]').first().waitFor()
    await largestText(page)
    const pages: [string, string][] = [['/', 'article.practice-card'], [BILBAO, 'main h1'], ['/saved', 'main .preview, main button[aria-expanded]'], ['/settings', 'main h2'], ['/map', 'main h1']]
    const found: string[] = []
    for (const [path, ready] of pages) {
      await page.goto(path)
      await page.locator(ready).first().waitFor()
      found.push(...(await axe(page)).map(v => `${path}: ${v}`))
    }
    await page.goto('/')
    await page.locator('.filters-button').click()
    await page.locator('dialog[open] input[type="checkbox"]').first().waitFor()
    found.push(...(await axe(page)).map(v => `filter sheet: ${v}`))
    expect(found).toEqual([])
    await page.context().close()
  })
})
