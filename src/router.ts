/** Routes, wired by hand. Only the catalogue is in the first bundle; the other views load on demand. */
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import CatalogueView from './views/CatalogueView.vue'

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'catalogue', component: CatalogueView },
  { path: '/practice/:id', name: 'practice', component: () => import('./views/PracticeView.vue'), props: true },
  { path: '/map', name: 'map', component: () => import('./views/MapView.vue') },
  { path: '/saved', name: 'saved', component: () => import('./views/SavedView.vue') },
  // The drafts list, a draft (/drafts/new makes one) and its printable page: one lazy entry for the three.
  { path: '/drafts/:id?/:print(print)?', name: 'drafts', component: () => import('./views/DraftsView.vue'), props: true },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
]

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior(to, from, saved) {
    if (saved)
      return saved
    // Filtering the catalogue keeps the scroll position; moving to another page starts at its top.
    if (to.name === from.name && to.name === 'catalogue')
      return false
    return { top: 0 }
  },
})
