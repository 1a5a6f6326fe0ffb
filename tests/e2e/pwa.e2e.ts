import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveStatic, type StaticServer } from '../../tools/serve'
import { expectCount, newContext, openCatalogue, useBrowser, waitForServiceWorker } from './fixtures'

describe('installable app that works with no network', () => {
  const browser = useBrowser()

  it('serves a web manifest with everything an install needs', async () => {
    const context = await newContext(browser())
    const page = await context.newPage()
    await openCatalogue(page)
    const href = await page.locator('link[rel="manifest"]').getAttribute('href')
    expect(href).toBeTruthy()
    const manifest = await page.evaluate(async url => (await fetch(url!)).json(), href) as Record<string, unknown>
    expect(manifest).toMatchObject({ id: '/', name: 'ICC Field Guide', short_name: 'Field Guide', start_url: '/', scope: '/', display: 'standalone' })
    expect(manifest.theme_color).toMatch(/^#/)
    expect(manifest.background_color).toMatch(/^#/)
    const icons = manifest.icons as { sizes: string, purpose?: string, src: string }[]
    expect(icons.map(i => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']))
    expect(icons.some(i => i.purpose === 'maskable')).toBe(true)
    for (const icon of icons)
      expect((await page.request.get(`/${icon.src}`)).headers()['content-type']).toBe('image/png')
    expect((manifest.screenshots as unknown[]).length).toBeGreaterThanOrEqual(2)
    expect((manifest.shortcuts as { url: string }[]).map(s => s.url)).toEqual(['/saved', '/?focus=search'])
    await context.close()
  })

  it('takes control with its service worker, then reloads, deep-links and switches language offline', async () => {
    const context = await newContext(browser())
    const page = await context.newPage()
    await openCatalogue(page)
    await waitForServiceWorker(page)
    await context.setOffline(true)

    await page.reload()
    await page.locator('article.practice-card').first().waitFor()
    await expectCount(page, '32 practices')

    const deep = await context.newPage()
    await deep.goto('/practice/es-bilbao-anti-rumour-web-app')
    await deep.getByRole('heading', { level: 1, name: 'Anti-Rumour Web App' }).waitFor()
    await deep.close()

    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr')
    await page.waitForFunction(() => document.documentElement.lang === 'fr')
    expect(await page.locator('nav').innerText()).toContain('Catalogue')
    await expectCount(page, '32 pratiques')
    await page.getByRole('combobox', { name: 'Langue' }).selectOption('sr-Cyrl')
    await page.waitForFunction(() => document.documentElement.lang === 'sr-Cyrl')
    await page.reload()
    await page.locator('article.practice-card').first().waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sr-Cyrl')
    await context.close()
  })

  it('has a Content-Security-Policy with no unsafe-eval and no inline script (only the first screen\'s data)', async () => {
    const context = await newContext(browser())
    const page = await context.newPage()
    const violations: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text()))
        violations.push(m.text())
    })
    await openCatalogue(page)
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(csp).toContain('script-src \'self\'')
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).not.toContain('unsafe-inline')
    // The embedded first screen is a JSON data block, which is never run.
    expect(await page.locator('script:not([src])').evaluateAll(scripts => scripts.map(s => s.getAttribute('type')))).toEqual(['application/json'])
    expect(violations).toEqual([])
    await context.close()
  })
})

describe('updates', () => {
  const browser = useBrowser()
  const root = '.cache/e2e-update'
  let server: StaticServer

  beforeAll(async () => {
    rmSync(root, { recursive: true, force: true })
    mkdirSync(root, { recursive: true })
    cpSync('dist', `${root}/v1`, { recursive: true })
    cpSync('dist', `${root}/v2`, { recursive: true })
    // A new deployment: any byte change in sw.js makes the browser install it as a new version.
    writeFileSync(`${root}/v2/sw.js`, `${readFileSync(`${root}/v2/sw.js`, 'utf8')}\n// v2\n`)
    server = await serveStatic(`${root}/v1`)
  })
  afterAll(async () => { await server.close() })

  it('offers a new version politely, and Reload activates it', async () => {
    const context = await browser().newContext({ baseURL: server.url, viewport: { width: 360, height: 780 } })
    const page = await context.newPage()
    await page.goto('/')
    await page.locator('article.practice-card').first().waitFor()
    await waitForServiceWorker(page)

    server.setRoot(`${root}/v2`)
    await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())?.update() })
    const prompt = page.getByRole('alert').filter({ hasText: 'A new version is ready' })
    await prompt.waitFor()
    // Nothing reloads on its own.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1)

    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()])
    await page.locator('article.practice-card').first().waitFor()
    const active = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration()
      const script = await (await fetch(reg!.active!.scriptURL, { cache: 'no-store' })).text()
      return { waiting: reg?.waiting !== null, v2: script.includes('// v2') }
    })
    expect(active).toEqual({ waiting: false, v2: true })
    expect(await page.getByText('A new version is ready').count()).toBe(0)
    await context.close()
  })
})
