import { describe, expect, it } from 'vitest'
import { practiceSlugFromUrl, readSourceUrl, siteLanguageTag } from '../../tools/import/url'

const SITE = 'https://www.coe.int'

describe('readSourceUrl', () => {
  it('reads a friendly practice URL: slug, language prefix, query and fragment dropped', () => {
    expect(readSourceUrl(`${SITE}/en/web/interculturalcities/-/anti-rumour-web-app?inheritRedirect=true#top`)).toEqual({
      url: `${SITE}/en/web/interculturalcities/-/anti-rumour-web-app`,
      slug: 'anti-rumour-web-app',
      language: 'en',
      kind: 'practice',
    })
  })

  it('reads the asset-publisher form, with and without a language prefix', () => {
    const withPrefix = readSourceUrl(`${SITE}/fr/web/interculturalcities/good-practice/-/asset_publisher/AbC12x/content/shared-garden-plots?_x_redirect=%2Fweb`)
    expect(withPrefix).toMatchObject({ slug: 'shared-garden-plots', language: 'fr', kind: 'practice' })
    expect(withPrefix?.url).toBe(`${SITE}/fr/web/interculturalcities/good-practice/-/asset_publisher/AbC12x/content/shared-garden-plots`)
    const bare = readSourceUrl(`${SITE}/web/interculturalcities/good-practice/-/asset_publisher/AbC12x/content/shared-garden-plots`)
    expect(bare).toMatchObject({ slug: 'shared-garden-plots', kind: 'practice' })
    expect(bare?.language).toBeUndefined()
  })

  it('reads a language switch: the language is languageId\'s, slug and kind come from the decoded redirect', () => {
    const redirect = encodeURIComponent('/web/interculturalcities/-/neighbourhood-tea-rooms?foo=1')
    expect(readSourceUrl(`${SITE}/uk/c/portal/update_language?languageId=fi_FI&p_l_id=123&redirect=${redirect}`)).toEqual({
      url: `${SITE}/web/interculturalcities/-/neighbourhood-tea-rooms`,
      slug: 'neighbourhood-tea-rooms',
      language: 'fi',
      kind: 'practice',
    })
  })

  it('a language switch to the listing is a listing', () => {
    const redirect = encodeURIComponent('/en/web/interculturalcities/good-practice?delta=20&start=2')
    expect(readSourceUrl(`${SITE}/c/portal/update_language?languageId=sr_RS&redirect=${redirect}`)).toMatchObject({ kind: 'listing', language: 'sr' })
  })

  it('reads the listing with its paging query', () => {
    expect(readSourceUrl(`${SITE}/es/web/interculturalcities/good-practice?delta=20&start=3`)).toEqual({
      url: `${SITE}/es/web/interculturalcities/good-practice?delta=20&start=3`,
      language: 'es',
      kind: 'listing',
    })
  })

  it('folds percent-encoded accents and capitals into a schema slug', () => {
    expect(practiceSlugFromUrl(`${SITE}/fr/web/interculturalcities/-/Caf%C3%A9-des-Langues`)).toBe('cafe-des-langues')
    expect(practiceSlugFromUrl(`${SITE}/sr/web/interculturalcities/-/%D0%BC%D0%BE%D1%81%D1%82`)).toBe('most')
  })

  it('keeps long slugs within the schema\'s 160 characters, cut at a word', () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join('-')
    const slug = practiceSlugFromUrl(`${SITE}/en/web/interculturalcities/-/${long}`) ?? ''
    expect(slug.length).toBeLessThanOrEqual(160)
    expect(slug.length).toBeGreaterThan(80)
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  })

  it('other pages of the site are "other", with their language', () => {
    expect(readSourceUrl(`${SITE}/de/web/interculturalcities/newsroom`)).toMatchObject({ kind: 'other', language: 'de' })
    expect(readSourceUrl(`${SITE}/web/interculturalcities`)).toMatchObject({ kind: 'other' })
    expect(readSourceUrl(`${SITE}/web/interculturalcities`)?.language).toBeUndefined()
  })

  it('refuses non-http(s) and unparsable URLs', () => {
    expect(readSourceUrl('mailto:someone@example.org')).toBeUndefined()
    expect(readSourceUrl('javascript:alert(1)')).toBeUndefined()
    expect(readSourceUrl('not a url')).toBeUndefined()
    expect(readSourceUrl('')).toBeUndefined()
    expect(practiceSlugFromUrl('ftp://www.coe.int/en/web/interculturalcities/-/x')).toBeUndefined()
  })

  it('a practice slug only comes from a practice page', () => {
    expect(practiceSlugFromUrl(`${SITE}/en/web/interculturalcities/good-practice?delta=20`)).toBeUndefined()
    expect(practiceSlugFromUrl(`${SITE}/en/web/interculturalcities/-/asset_publisher/AbC12x`)).toBeUndefined()
  })
})

describe('siteLanguageTag', () => {
  it.each([
    ['en_GB', 'en'], ['fr_FR', 'fr'], ['sr_RS', 'sr'], ['sr', 'sr'], ['pt_PT', 'pt'], ['el_GR', 'el'], ['sq_AL', 'sq'],
    ['uk_UA', 'uk'], ['eu_ES', 'eu'], ['iw_IL', 'he'], ['', undefined], ['1x', undefined],
  ])('%j → %j', (code, tag) => {
    expect(siteLanguageTag(code)).toBe(tag)
  })
})
