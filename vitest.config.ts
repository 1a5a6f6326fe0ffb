import vue from '@vitejs/plugin-vue'
import VueI18n from '@intlify/unplugin-vue-i18n/vite'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { localeInfo } from './tools/locale-info'

export default defineConfig({
  define: { __LOCALE_INFO__: JSON.stringify(localeInfo()) },
  plugins: [
    vue(),
    VueI18n({ include: [fileURLToPath(new URL('./locales/**', import.meta.url))], runtimeOnly: true, compositionOnly: true, fullInstall: false }),
  ],
  test: {
    include: ['tests/{unit,db,components}/**/*.test.ts', 'src/**/*.test.ts', 'tools/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
    pool: 'threads',
  },
})
