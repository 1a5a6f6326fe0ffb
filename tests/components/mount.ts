/** Mounts a component with the app's real English messages (every group of them) and a memory router. */
import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Component } from 'vue'
import en from '../../locales/en.json'
import { pluralRule } from '../../src/i18n/plural'

// The groups that views load with them (locales/<group>/en.json) are all there from the start, as they are
// in the app once their view has mounted, merged by vue-i18n as the app merges them.
const groups = import.meta.glob<Record<string, unknown>>('../../locales/*/en.json', { eager: true, import: 'default' })

export function mountWithApp<C extends Component>(component: C, options: ComponentMountingOptions<C> = {}) {
  const i18n = createI18n({ legacy: false, locale: 'en', messages: { en }, pluralRules: { en: pluralRule('en') } })
  for (const group of Object.values(groups))
    i18n.global.mergeLocaleMessage('en', group)
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', name: 'catalogue', component: { render: () => null } }, { path: '/practice/:id', name: 'practice', component: { render: () => null } }, { path: '/drafts/:id?/:print(print)?', name: 'drafts', component: { render: () => null } }, { path: '/settings', name: 'settings', component: { render: () => null } }] })
  return mount(component, { ...options, global: { plugins: [i18n, router], ...options.global } } as ComponentMountingOptions<C>)
}
