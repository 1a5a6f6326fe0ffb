/**
 * The web app manifest. Its words come from locales/en.json, like every other string the user sees.
 * Used by vite.config.ts (vite-plugin-pwa writes manifest.webmanifest) and checked by the end-to-end tests.
 */
import { readFileSync } from 'node:fs'
import type { ManifestOptions } from 'vite-plugin-pwa'

const en = JSON.parse(readFileSync(new URL('../locales/en.json', import.meta.url), 'utf8')) as {
  app: { name: string, short_name: string, description: string }
  nav: { saved: string }
  search: { label: string }
}

/** The manifest for an app served under `base` ("/" by default; "/repo/" on a project's GitHub Pages). */
export function webManifest(base = '/'): Partial<ManifestOptions> {
  return {
    id: base,
    name: en.app.name,
    short_name: en.app.short_name,
    description: en.app.description,
    lang: 'en',
    dir: 'ltr',
    start_url: base,
    scope: base,
    display: 'standalone',
    orientation: 'any',
    theme_color: '#17407f',
    background_color: '#f6f7fb',
    categories: ['education', 'government', 'reference'],
    icons: [
      { src: 'pwa-64x64.png', sizes: '64x64', type: 'image/png' },
      { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
      { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    screenshots: [
      { src: 'screenshots/narrow.png', sizes: '720x1280', type: 'image/png', form_factor: 'narrow', label: en.app.name },
      { src: 'screenshots/wide.png', sizes: '1280x800', type: 'image/png', form_factor: 'wide', label: en.app.name },
    ],
    shortcuts: [
      { name: en.nav.saved, short_name: en.nav.saved, url: `${base}saved`, icons: [{ src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' }] },
      { name: en.search.label, short_name: en.search.label, url: `${base}?focus=search`, icons: [{ src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' }] },
    ],
  }
}
