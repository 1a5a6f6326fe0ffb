import { fileURLToPath, URL } from 'node:url'
import VueI18n from '@intlify/unplugin-vue-i18n/vite'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { firstScreenBlock, firstScreenOf } from './tools/first-screen'
import { localeInfo } from './tools/locale-info'
import { webManifest } from './tools/pwa-manifest'

/**
 * Writes the first cards of the embedded catalogue into index.html (see src/catalogue/firstScreen.ts), from
 * the feed tools/build-feed has written into public/feed/. Without a feed there the page carries none.
 */
function firstScreen(): Plugin {
  return {
    name: 'icc-first-screen',
    transformIndexHtml(html) {
      const screen = firstScreenOf(fileURLToPath(new URL('./public/feed', import.meta.url)), new Date().getFullYear())
      const mount = '<div id="app"></div>'
      if (!screen)
        return html
      if (!html.includes(mount))
        throw new Error(`index.html has no ${mount} to put the first screen after`)
      return html.replace(mount, `${mount}\n    ${firstScreenBlock(screen)}`)
    },
  }
}

// A deployment under a sub-path (a project's GitHub Pages site) sets BASE_PATH=/repo/; everything else is "/".
const base = process.env.BASE_PATH ?? '/'

export default defineConfig({
  base,
  define: {
    __LOCALE_INFO__: JSON.stringify(localeInfo()),
  },
  // tools/build-feed writes the embedded feed into public/feed/ (ignored by git), so it is served beside the app.
  publicDir: 'public',
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  plugins: [
    firstScreen(),
    // Every component uses <script setup>, so Vue's Options API support is left out of the bundle.
    vue({ features: { optionsAPI: false } }),
    // Messages are compiled at build time and vue-i18n's runtime-only build is used, so the app needs no eval.
    VueI18n({
      include: [fileURLToPath(new URL('./locales/**', import.meta.url))],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      strictMessage: true,
      escapeHtml: false,
      // Every message is precompiled, so the runtime message compiler is left out of the bundle.
      dropMessageCompiler: true,
    }),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: webManifest(base),
      includeAssets: ['favicon.svg', 'apple-touch-icon-180x180.png'],
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
        // The feed is fetched and verified by the sync code itself; the service worker must not serve it stale.
        globIgnores: ['feed/**', 'screenshots/**'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [new RegExp(`^${base}feed/`)],
        cleanupOutdatedCaches: true,
        // The first install controls the open page at once, so it works offline without a reload; later
        // versions still wait for the user's Reload (no skipWaiting).
        clientsClaim: true,
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    target: 'es2022',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 600,
    // One stylesheet (about 7 kB gzip) costs a phone one round trip before the first paint, not four.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        // Everything the first screen needs (what the entry imports statically) in one file: a phone makes one
        // request instead of twenty, and gzip sees the whole of it at once.
        codeSplitting: { groups: [{ name: 'start', tags: ['$initial'] }] },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
})
