import { describe, expect, it } from 'vitest'
import { draftMail, MAILTO_MAX_LENGTH } from '../../src/composables/draftSubmission'

const shortBody = (file: string): string => `Title\nBilbao, Spain\n\nAttach ${file}.`
const base = { to: 'drafts@example.org', subject: 'Good practice draft: Title', shortBody, practiceId: 'es-bilbao-title' }
const body = (query: string): string => new URL(query).searchParams.get('body') ?? ''

describe('a draft by e-mail', () => {
  it('carries the whole text when it fits in a mailto: link and there is no photo', () => {
    const mail = draftMail({ ...base, body: 'Title\n\nPURPOSE\n\nA short text.', photos: 0 })
    expect(mail.file).toBeUndefined()
    expect(body(mail.href)).toBe('Title\n\nPURPOSE\n\nA short text.')
    expect(mail.href.startsWith('mailto:drafts@example.org?subject=Good%20practice%20draft')).toBe(true)
  })

  it('says to attach the record when the text is too long for a link, and stays within the limit', () => {
    const long = 'A long paragraph of the process. '.repeat(200)
    const mail = draftMail({ ...base, body: long, photos: 0 })
    expect(mail.file).toBe('es-bilbao-title.json')
    expect(body(mail.href)).toBe('Title\nBilbao, Spain\n\nAttach es-bilbao-title.json.')
    expect(mail.href.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH)
  })

  it('says to attach the ZIP when there are photos, which no link can carry', () => {
    const mail = draftMail({ ...base, body: 'A short text.', photos: 2 })
    expect(mail.file).toBe('es-bilbao-title.zip')
    expect(body(mail.href)).toContain('Attach es-bilbao-title.zip.')
  })

  it('keeps what the user typed inside the body: no header can be added', () => {
    const mail = draftMail({ ...base, body: 'Text\r\nBcc: someone@example.org&cc=x@example.org', photos: 0 })
    const url = new URL(mail.href)
    expect([...url.searchParams.keys()].sort()).toEqual(['body', 'subject'])
  })
})
