// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { emptyDraftFields, type DraftFields } from '../../src/catalogue/draft'
import DraftForm from '../../src/components/drafts/DraftForm.vue'
import DraftListItem from '../../src/components/drafts/DraftListItem.vue'
import DraftPrintSheet from '../../src/components/drafts/DraftPrintSheet.vue'
import DraftSendPanel from '../../src/components/drafts/DraftSendPanel.vue'
import { mountWithApp } from './mount'

const HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>{{ 7*7 }}&amp; \u202Eevil'
const TEXT_FIELDS = ['title', 'city', 'contactPerson', 'contactOrganisation', 'purpose', 'rationale', 'process', 'outcomes', 'lessons', 'links'] as const

function hostileFields(): DraftFields {
  const fields = emptyDraftFields('en')
  for (const f of TEXT_FIELDS)
    fields[f] = HOSTILE
  return { ...fields, periodFrom: '<b>', periodTo: '"><', topics: ['education'] }
}

const options = {
  countries: [{ code: 'FR', name: 'France' }, { code: 'XX', name: HOSTILE }],
  topics: [{ id: 'education', name: HOSTILE }],
  languages: [{ tag: 'en', name: 'English' }],
}

/** No element, attribute or script came out of the text: only the component's own markup is there. */
function expectNoInjection(html: HTMLElement): void {
  expect(html.querySelectorAll('script, img, [onerror]').length).toBe(0)
  expect((window as unknown as { pwned?: number }).pwned).toBeUndefined()
  expect(html.textContent).not.toContain('49')
}

describe('hostile text in a draft', () => {
  beforeEach(() => { setActivePinia(createPinia()) })

  it('stays text in every field of the form, and problems name the fields', async () => {
    const wrapper = mountWithApp(DraftForm, { props: { modelValue: hostileFields(), errors: { title: 'Title: too long', periodFrom: 'Enter a year' }, ...options }, attachTo: document.body })
    await flushPromises()
    for (const f of TEXT_FIELDS) {
      const id = `draft-${f.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)}`
      expect((wrapper.find(`#${id}`).element as HTMLInputElement).value, f).toBe(HOSTILE)
    }
    expect((wrapper.find('#draft-period-from').element as HTMLInputElement).value).toBe('<b>')
    expect(wrapper.text()).toContain(HOSTILE)
    expectNoInjection(wrapper.element as HTMLElement)
    // Each problem is tied to its field.
    expect(wrapper.find('#draft-title').attributes('aria-invalid')).toBe('true')
    expect(wrapper.find('#draft-title').attributes('aria-describedby')).toContain('draft-title-error')
    expect(wrapper.find('#draft-title-error').text()).toContain('Title: too long')
    expect(wrapper.find('#draft-period-from').attributes('aria-describedby')).toContain('draft-period-from-error')
    wrapper.unmount()
  })

  it('updates the model with what is typed, as typed', async () => {
    const fields = emptyDraftFields('en')
    const wrapper = mountWithApp(DraftForm, { props: { 'modelValue': fields, 'onUpdate:modelValue': () => {}, 'errors': {}, ...options } })
    await wrapper.find('#draft-purpose').setValue(HOSTILE)
    await wrapper.find('.topics input[type="checkbox"]').setValue(true)
    await nextTick()
    expect(fields.purpose).toBe(HOSTILE)
    expect(fields.topics).toEqual(['education'])
  })

  it('stays text on the printed page, in the list and in the list of problems', async () => {
    const sheet = mountWithApp(DraftPrintSheet, { props: { title: HOSTILE, language: 'en', details: [{ label: 'City', value: HOSTILE }], sections: [{ heading: 'Purpose', paragraphs: [HOSTILE] }], photos: [] } })
    expect(sheet.text()).toContain(HOSTILE)
    expectNoInjection(sheet.element as HTMLElement)
    const item = mountWithApp(DraftListItem, { props: { item: { id: 'draft-1', title: HOSTILE, place: HOSTILE, edited: 'now', editedIso: '2026-01-01T00:00:00.000Z', ready: false, photos: 0 } } })
    expect(item.find('h2').text()).toBe(HOSTILE)
    expect(item.find('button').attributes('aria-label')).toBe(`Delete draft “${HOSTILE}”`)
    expectNoInjection(item.element as HTMLElement)
    const panel = mountWithApp(DraftSendPanel, { props: { ready: false, problems: [{ target: 'draft-title', text: HOSTILE }], showProblems: true, hasPhotos: false, canShareFiles: false } })
    expect(panel.find('#draft-problems a').text()).toBe(HOSTILE)
    expectNoInjection(panel.element as HTMLElement)
  })
})

describe('sending a ready draft by e-mail', () => {
  const ready = { ready: true, problems: [], showProblems: false, hasPhotos: true, canShareFiles: false, mailHref: 'mailto:drafts@example.org?subject=Draft' }

  it('says which file to attach when the draft does not fit in the message, and saves it as the e-mail opens', async () => {
    const panel = mountWithApp(DraftSendPanel, { props: { ...ready, mailFile: 'es-bilbao-walks.zip' } })
    expect(panel.text()).toContain('The whole draft is in the file es-bilbao-walks.zip, saved on this device as the e-mail opens: attach it to the e-mail.')
    const link = panel.find('a.btn')
    expect(link.text()).toBe('Send by e-mail')
    await link.trigger('click')
    expect(panel.emitted('mail')).toHaveLength(1)
  })

  it('says nothing of a file when the whole draft is in the message', () => {
    const panel = mountWithApp(DraftSendPanel, { props: ready })
    expect(panel.find('a.btn').attributes('href')).toBe(ready.mailHref)
    expect(panel.text()).not.toContain('attach it')
  })
})
