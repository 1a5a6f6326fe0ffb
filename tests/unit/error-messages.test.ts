/** Every error the app can report has its words: a code without a message would show the user a key. */
import { describe, expect, it } from 'vitest'
import sync from '../../locales/sync/en.json'
import settings from '../../locales/settings/en.json'
import { SYNC_ERROR_CODES } from '../../src/sync/errors'
import type { FeedAddressProblem } from '../../src/sync/feedAddress'
import { isPassingFailure } from '../../src/stores/sync'

describe('error messages', () => {
  it('name every sync error code', () => {
    const messages = sync.sync.error as Record<string, string>
    expect(SYNC_ERROR_CODES.filter(code => !messages[code])).toEqual([])
    expect(Object.keys(messages).filter(code => !(SYNC_ERROR_CODES as readonly string[]).includes(code))).toEqual([])
  })

  it('name every problem of a typed catalogue address', () => {
    const problems: FeedAddressProblem[] = ['not_https', 'not_url']
    const messages = settings.settings as Record<string, string>
    expect(problems.filter(problem => !messages[`feed_${problem}`])).toEqual([])
  })

  it('keep a feed that is wrong, or a full disk, an alert even with a catalogue on the device', () => {
    for (const code of ['checksum', 'invalid_record', 'bad_manifest', 'unsupported_format', 'truncated', 'quota', 'storage'] as const)
      expect(isPassingFailure({ code, detail: {} }, true), code).toBe(false)
    for (const code of ['network', 'not_json', 'http', 'aborted', 'offline', 'busy'] as const) {
      expect(isPassingFailure({ code, detail: {} }, true), code).toBe(true)
      // With nothing on the device, even the network's failure is what the user must know.
      expect(isPassingFailure({ code, detail: {} }, false), code).toBe(false)
    }
  })
})
