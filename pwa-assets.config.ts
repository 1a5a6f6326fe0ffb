import { defineConfig, minimal2023Preset } from '@vite-pwa/assets-generator/config'

// `npx pwa-assets-generator` renders the committed icons in public/ from the one SVG source.
export default defineConfig({
  preset: {
    ...minimal2023Preset,
    maskable: { ...minimal2023Preset.maskable, resizeOptions: { background: '#17407f' } },
    apple: { ...minimal2023Preset.apple, resizeOptions: { background: '#17407f' } },
  },
  images: ['public/favicon.svg'],
})
