import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axe, baseUrl, newContext, openCatalogue, useBrowser, waitForServiceWorker, waitForWholeList } from './fixtures'

const taxonomy = JSON.parse(readFileSync(new URL('../../catalogue/taxonomy.json', import.meta.url), 'utf8')) as { topics: { id: string, names: Record<string, string> }[] }
const antiRumour = (tag: string): string => taxonomy.topics.find(t => t.id === 'anti-rumour')!.names[tag]!
const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(`../../locales/${path}.json`, import.meta.url), 'utf8')) as T
/** A language's words: the first screen's, and the practice page's (a group of their own, loaded with the page). */
const messages = (tag: string): { nav: { catalogue: string }, practice: { script_original: string, script_converted: string } } => ({
  nav: read<{ nav: { catalogue: string } }>(tag).nav,
  practice: read<{ practice: { script_original: string, script_converted: string } }>(`practice/${tag}`).practice,
})

// Read with textContent: cards off screen are not laid out (content-visibility), so have no innerText.
const BILBAO = 'article.practice-card:has(a[href="/practice/es-bilbao-anti-rumour-web-app"])'
const OSLO = '/practice/no-oslo-dostizanje-tacke-sa-koje-treba-preduzeti-akciju-u-oslu'
const OSLO_LATIN = 'Dostizanje tačke sa koje treba preduzeti akciju u Oslu'
const OSLO_CYRILLIC = 'Достизање тачке са које треба предузети акцију у Ослу'

/** Picks a language in the header's switcher, whatever its label reads in the current language. */
async function switchTo(page: Page, tag: string): Promise<void> {
  const select = page.locator('header select')
  // Focus loads the full list at once if the idle load has not yet; selectOption waits for the option.
  await select.focus()
  await select.selectOption(tag)
  await page.waitForFunction(t => document.documentElement.lang === t, tag)
}

async function htmlLangDir(page: Page): Promise<[string, string]> {
  return page.evaluate(() => [document.documentElement.lang, document.documentElement.dir] as [string, string])
}

async function bypassCspPage(browser: Browser): Promise<Page> {
  // axe is injected as a script, which the app's own policy would rightly refuse.
  const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 360, height: 780 }, locale: 'en-GB', bypassCSP: true })
  return context.newPage()
}

describe('languages', () => {
  const browser = useBrowser()

  it('lists the device\'s languages first, each language named in itself', async () => {
    const context = await newContext(browser(), { locale: 'de-DE' })
    const page = await context.newPage()
    await openCatalogue(page)
    expect(await htmlLangDir(page)).toEqual(['de', 'ltr'])
    await page.locator('header select').focus()
    await page.locator('header select optgroup').first().waitFor({ state: 'attached' })
    const groups = await page.locator('header select optgroup').evaluateAll(els => els.map(g => [...g.querySelectorAll('option')].map(o => o.textContent?.trim())))
    expect(groups[0]).toEqual(['Deutsch'])
    expect(groups[1]).toHaveLength(27)
    expect(groups[1]).toEqual(expect.arrayContaining(['Ελληνικά', 'Српски (ћирилица)', 'עברית', '日本語', 'Íslenska']))
    await context.close()
  })

  it('switches to Greek, Serbian Cyrillic and Hebrew: interface, topic names, country names, <html lang dir>', async () => {
    const context = await newContext(browser())
    const page = await context.newPage()
    await openCatalogue(page)
    expect((await page.locator(BILBAO).textContent()) ?? '').toContain('Spain')
    for (const [tag, dir] of [['el', 'ltr'], ['sr-Cyrl', 'ltr'], ['he', 'rtl']] as const) {
      await switchTo(page, tag)
      expect(await htmlLangDir(page)).toEqual([tag, dir])
      await waitForWholeList(page, 1)
      expect(await page.locator('nav').innerText()).toContain(messages(tag).nav.catalogue)
      const spain = await page.evaluate(t => new Intl.DisplayNames([t], { type: 'region' }).of('ES')!, tag)
      const card = (await page.locator(BILBAO).textContent()) ?? ''
      expect(card).toContain(spain)
      expect(card).toContain(antiRumour(tag))
      expect(card).not.toContain('Spain')
    }
    await context.close()
  })

  it('shows the whole name of the chosen language in the header, on a wide screen and on a phone', async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 780 }]) {
      const context = await newContext(browser(), { viewport })
      const page = await context.newPage()
      await openCatalogue(page)
      await switchTo(page, 'sr-Cyrl')
      // The select's text area (its width less padding and the arrow) against the name's width in its font.
      const fits = await page.locator('header select').evaluate((select: HTMLSelectElement) => {
        const style = getComputedStyle(select)
        const context2d = document.createElement('canvas').getContext('2d')!
        context2d.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
        const name = context2d.measureText(select.selectedOptions[0]!.text).width
        const box = select.getBoundingClientRect()
        return { name, box: box.width - Number.parseFloat(style.paddingInlineStart) - Number.parseFloat(style.paddingInlineEnd), right: box.right }
      })
      expect(fits.box, `${viewport.width} px`).toBeGreaterThanOrEqual(fits.name)
      expect(fits.right).toBeLessThanOrEqual(viewport.width)
      await context.close()
    }
  })

  it('reads a Serbian Latin practice in Cyrillic under the Cyrillic interface, the original a tap away', async () => {
    const context = await newContext(browser())
    const page = await context.newPage()
    await openCatalogue(page)
    await switchTo(page, 'sr-Cyrl')
    await page.locator('article.practice-card h2', { hasText: OSLO_CYRILLIC }).waitFor()
    await page.goto(OSLO)
    const heading = page.getByRole('heading', { level: 1 })
    await heading.filter({ hasText: OSLO_CYRILLIC }).waitFor()
    await page.getByRole('button', { name: messages('sr-Cyrl').practice.script_original }).click()
    await heading.filter({ hasText: OSLO_LATIN }).waitFor()
    await page.getByRole('button', { name: messages('sr-Cyrl').practice.script_converted }).click()
    await heading.filter({ hasText: OSLO_CYRILLIC }).waitFor()
    await switchTo(page, 'sr-Latn')
    await heading.filter({ hasText: OSLO_LATIN }).waitFor()
    await context.close()
  })

  it('writes dates the way the device\'s region does, in the interface\'s language', async () => {
    const formats: Record<string, RegExp> = {
      // "23 Nov 2026, 18:21" on a British device, "Nov 23, 2026, 6:21 PM" on an American one.
      'en-GB': /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/u,
      'en-US': /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M$/u,
    }
    for (const [locale, format] of Object.entries(formats)) {
      const context = await newContext(browser(), { locale })
      const page = await context.newPage()
      await openCatalogue(page)
      expect(await htmlLangDir(page)).toEqual(['en', 'ltr'])
      await page.goto('/settings')
      const lastSync = page.locator('dt', { hasText: 'Last checked' }).locator('xpath=following-sibling::dd')
      await lastSync.filter({ hasText: /\d{4}/u }).waitFor()
      expect((await lastSync.innerText()).trim(), locale).toMatch(format)
      await context.close()
    }
  })

  it('keeps the chosen language through an offline reload', async () => {
    const context = await newContext(browser())
    const page = await context.newPage()
    await openCatalogue(page)
    await waitForServiceWorker(page)
    await switchTo(page, 'he')
    await context.setOffline(true)
    await page.reload()
    await page.locator('article.practice-card').first().waitFor()
    expect(await htmlLangDir(page)).toEqual(['he', 'rtl'])
    expect(await page.locator('nav').innerText()).toContain(messages('he').nav.catalogue)
    expect((await page.locator(BILBAO).textContent()) ?? '').toContain(antiRumour('he'))
    await context.close()
  })

  it('axe finds nothing in Hebrew and in Serbian Cyrillic', async () => {
    const page = await bypassCspPage(browser())
    const found: string[] = []
    for (const tag of ['he', 'sr-Cyrl']) {
      await openCatalogue(page)
      await switchTo(page, tag)
      await waitForWholeList(page, 1)
      found.push(...(await axe(page)).map(v => `${tag} /: ${v}`))
      await page.goto(OSLO)
      await page.getByRole('heading', { level: 1 }).waitFor()
      found.push(...(await axe(page)).map(v => `${tag} practice: ${v}`))
    }
    expect(found).toEqual([])
    await page.context().close()
  })
})
