/** Mounts a component with the app's real English messages and a memory router. */
import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Component } from 'vue'
import en from '../../locales/en.json'
import { pluralRule } from '../../src/i18n/plural'

export function mountWithApp<C extends Component>(component: C, options: ComponentMountingOptions<C> = {}) {
  const i18n = createI18n({ legacy: false, locale: 'en', messages: { en }, pluralRules: { en: pluralRule('en') } })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', name: 'catalogue', component: { render: () => null } }, { path: '/practice/:id', name: 'practice', component: { render: () => null } }] })
  return mount(component, { ...options, global: { plugins: [i18n, router], ...options.global } } as ComponentMountingOptions<C>)
}
