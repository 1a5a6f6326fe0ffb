/** Wires the app explicitly: pinia, router, i18n, then mounts once the user's language is loaded. */
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n } from './i18n'
import { router } from './router'
import { useSettingsStore } from './stores/settings'
import './styles/main.css'

const app = createApp(App)
app.use(createPinia())
app.use(router)
app.use(i18n)

// The language is read from Dexie before the first paint, so the UI never flashes in the wrong language.
await useSettingsStore().init()
app.mount('#app')
