import { describe, expect, it } from 'vitest'
import { checkFeedAddress } from '../../src/sync'

describe('catalogue addresses', () => {
  it('accepts https, and plain http only on this machine', () => {
    expect(checkFeedAddress(' https://feeds.example.org/feed/manifest.json ')).toEqual({ ok: true, url: 'https://feeds.example.org/feed/manifest.json' })
    expect(checkFeedAddress('http://127.0.0.1:4173/feed/manifest.json')).toMatchObject({ ok: true })
    expect(checkFeedAddress('http://localhost:4173/feed/manifest.json')).toMatchObject({ ok: true })
    expect(checkFeedAddress('')).toEqual({ ok: true, url: '' })
  })

  it('refuses plain http elsewhere, other schemes and what is not an address, saying which', () => {
    expect(checkFeedAddress('http://feeds.example.org/feed/manifest.json')).toEqual({ ok: false, problem: 'not_https' })
    expect(checkFeedAddress('http://127.0.0.1.example.org/feed.json')).toEqual({ ok: false, problem: 'not_https' })
    expect(checkFeedAddress('ftp://feeds.example.org/manifest.json')).toEqual({ ok: false, problem: 'not_url' })
    expect(checkFeedAddress('javascript:alert(1)')).toEqual({ ok: false, problem: 'not_url' })
    expect(checkFeedAddress('feeds.example.org/manifest.json')).toEqual({ ok: false, problem: 'not_url' })
  })
})
