/* eslint-disable vue/one-component-per-file -- the app shell and a practice page, two stand-ins for one test */
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { RouterView } from 'vue-router'
import fr from '../../locales/fr.json'
import { providePageTitle, usePageTitle } from '../../src/composables/usePageTitle'
import { mountWithApp } from './mount'

const practiceTitle = ref<string | undefined>()
const Practice = defineComponent({ setup: () => { usePageTitle(() => practiceTitle.value); return () => null } })
let i18n: { locale: { value: string }, mergeLocaleMessage: (tag: string, messages: object) => void } | undefined
const Shell = defineComponent({
  setup: () => {
    i18n = useI18n({ useScope: 'global' })
    providePageTitle()
    return () => h(RouterView)
  },
})

describe('the browser tab\'s title', () => {
  it('names the page, a practice by its title, in the interface language', async () => {
    const wrapper = mountWithApp(Shell)
    const router = wrapper.vm.$router
    router.addRoute({ path: '/saved', name: 'saved', component: { render: () => null } })
    router.addRoute({ path: '/read/:id', name: 'practice-page', component: Practice })
    await router.push('/saved')
    await nextTick()
    expect(document.title).toBe('Saved · ICC Field Guide')

    await router.push('/settings')
    await nextTick()
    expect(document.title).toBe('Settings · ICC Field Guide')

    // A practice page names itself once its text is there; until then the app's name.
    await router.push('/read/es-bilbao')
    await nextTick()
    expect(document.title).toBe('ICC Field Guide')
    practiceTitle.value = 'Anti-Rumour Web App'
    await nextTick()
    expect(document.title).toBe('Anti-Rumour Web App · ICC Field Guide')

    await router.push('/settings')
    await nextTick()
    expect(document.title).toBe('Settings · ICC Field Guide')

    i18n!.mergeLocaleMessage('fr', fr)
    i18n!.locale.value = 'fr'
    await nextTick()
    expect(document.title).toBe('Paramètres · ICC Field Guide')
    wrapper.unmount()
  })
})
