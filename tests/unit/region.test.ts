import { describe, expect, it } from 'vitest'
import { formattingLocale, userRegion } from '../../src/i18n/region'

describe('formatting locale', () => {
  it.each([
    ['en', ['en-GB'], 'en-GB'],
    ['en', ['en-US', 'fr'], 'en-US'],
    ['en', ['fr-FR', 'en'], 'en-FR'],
    ['en', ['de', 'en-AU'], 'en-AU'],
    ['en', ['en'], 'en'],
    ['en', [], 'en'],
    ['pt-PT', ['pt-BR'], 'pt-BR'],
    ['sr-Cyrl', ['sr-Latn-ME'], 'sr-Cyrl-ME'],
    ['sr-Latn', ['sr'], 'sr-Latn'],
    ['es', ['es-419'], 'es-419'],
    ['fr', ['fr-CA-u-ca-gregory'], 'fr-CA'],
  ])('%s on a device asking %j → %s', (ui, preferred, expected) => {
    expect(formattingLocale(ui, preferred)).toBe(expected)
  })

  it('ignores what only looks like a region', () => {
    expect(userRegion('en', ['en-x-ab'])).toBeUndefined()
    expect(userRegion('en', ['not a tag'])).toBeUndefined()
  })

  it('gives the English interface on an en-GB device the British date, on en-US the American one', () => {
    const when = new Date(Date.UTC(2026, 10, 23, 18, 21))
    const format = (tag: string): string => new Intl.DateTimeFormat(formattingLocale('en', [tag]), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(when)
    expect(format('en-GB')).toBe('23 Nov 2026, 18:21')
    expect(format('en-US')).toMatch(/^Nov 23, 2026, 6:21\sPM$/u)
  })
})
