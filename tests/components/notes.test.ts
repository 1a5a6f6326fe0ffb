// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import BookmarkNote from '../../src/components/saved/BookmarkNote.vue'
import BookmarkTags from '../../src/components/saved/BookmarkTags.vue'
import SavedTransfer from '../../src/components/saved/SavedTransfer.vue'
import { mountWithApp } from './mount'

const longNote = ['Met the coordinator.', 'Game used in 12 schools.', 'Ask about costs.', 'Follow up in May.'].join('\n')

function mountNote(props: { note: string, open?: boolean, title?: string }) {
  return mountWithApp(BookmarkNote, { props: { id: 'es-bilbao', editedLabel: '', ...props }, attachTo: document.body })
}

describe('a note', () => {
  it('starts closed in a list: its first lines, and a button that opens the whole note for editing', async () => {
    const wrapper = mountNote({ note: longNote, title: 'Anti-Rumour Web App' })
    expect(wrapper.find('.preview').text()).toBe(longNote)
    expect(wrapper.find('textarea').isVisible()).toBe(false)
    const button = wrapper.find('button[aria-expanded]')
    expect(button.attributes('aria-expanded')).toBe('false')
    expect(button.text()).toBe('Show the whole note')
    // Each item's button has its own name, which contains what it shows.
    expect(button.attributes('aria-label')).toBe('Show the whole note on “Anti-Rumour Web App”')
    expect(button.attributes('aria-controls')).toBe(wrapper.find('textarea').element.parentElement!.id)

    await button.trigger('click')
    expect(button.attributes('aria-expanded')).toBe('true')
    expect(wrapper.find('textarea').isVisible()).toBe(true)
    expect(wrapper.find('.preview').exists()).toBe(false)
    expect(document.activeElement).toBe(wrapper.find('textarea').element)
    expect(button.text()).toBe('Hide the note')
    wrapper.unmount()
  })

  it('offers "Add a note" when there is none, and saves what is typed with the practice it belongs to', async () => {
    const wrapper = mountNote({ note: '' })
    const button = wrapper.find('button[aria-expanded]')
    expect(button.text()).toBe('Add a note')
    expect(button.attributes('aria-label')).toBeUndefined()
    await button.trigger('click')
    const field = wrapper.find('textarea')
    await field.setValue('Ask about the volunteers')
    await field.trigger('blur')
    expect(wrapper.emitted('save')).toEqual([['Ask about the volunteers', 'es-bilbao']])
    wrapper.unmount()
  })

  it('can start open, the whole note in the field', () => {
    const wrapper = mountNote({ note: longNote, open: true })
    expect(wrapper.find('textarea').isVisible()).toBe(true)
    expect((wrapper.find('textarea').element as HTMLTextAreaElement).value).toBe(longNote)
    expect(wrapper.find('button[aria-expanded]').attributes('aria-expanded')).toBe('true')
    wrapper.unmount()
  })

  it('closing saves an edit at once', async () => {
    const wrapper = mountNote({ note: 'old', open: true })
    await wrapper.find('textarea').setValue('new')
    await wrapper.find('button[aria-expanded]').trigger('click')
    expect(wrapper.emitted('save')).toEqual([['new', 'es-bilbao']])
    expect(wrapper.find('.preview').text()).toBe('new')
    wrapper.unmount()
  })
})

describe('tags', () => {
  it('give their example as text under the field, not as a placeholder that a phone cuts off', () => {
    const wrapper = mountWithApp(BookmarkTags, { props: { id: 'es-bilbao', tags: [] } })
    const input = wrapper.find('input')
    expect(input.attributes('placeholder')).toBeUndefined()
    const hint = wrapper.find(`#${input.attributes('aria-describedby')}`)
    expect(hint.text()).toBe('Add a tag, e.g. Lublin visit')
  })
})

describe('backup import', () => {
  it('has one control named "Import backup": the file field behind it is hidden from everyone', () => {
    const wrapper = mountWithApp(SavedTransfer, { props: { hasBookmarks: true } })
    const input = wrapper.find('input[type="file"]')
    expect(input.attributes('hidden')).toBeDefined()
    expect(input.attributes('aria-label')).toBeUndefined()
    expect(wrapper.findAll('button').filter(b => b.text() === 'Import backup')).toHaveLength(1)
  })
})
