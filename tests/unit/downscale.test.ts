import { describe, expect, it } from 'vitest'
import { downscaleImage, encodeAttempts, fitWithin, MAX_PHOTO_BYTES, MAX_PHOTO_SIDE, type EncodeAttempt, type ImageTools, type Size } from '../../src/composables/downscaleImage'

/** A stand-in encoder whose output grows with the pixels and the quality, as JPEG's does. */
function fakeTools(source: Size, bytesPerPixel: number): { tools: ImageTools, encoded: EncodeAttempt[], closed: () => boolean } {
  const encoded: EncodeAttempt[] = []
  let closed = false
  return {
    encoded,
    closed: () => closed,
    tools: {
      decode: async () => ({ ...source, close: () => { closed = true } }),
      encode: async (_image, attempt) => {
        encoded.push(attempt)
        return new Blob([new Uint8Array(Math.round(attempt.width * attempt.height * bytesPerPixel * attempt.quality))], { type: 'image/jpeg' })
      },
    },
  }
}

const ratio = (s: Size) => s.width / s.height

describe('photo downscaling', () => {
  it('fits the longest side within the limit, keeping the aspect ratio, and never enlarges', () => {
    expect(fitWithin({ width: 4032, height: 3024 }, 1600)).toEqual({ width: 1600, height: 1200 })
    expect(fitWithin({ width: 3024, height: 4032 }, 1600)).toEqual({ width: 1200, height: 1600 })
    expect(fitWithin({ width: 800, height: 600 }, 1600)).toEqual({ width: 800, height: 600 })
    expect(fitWithin({ width: 10_000, height: 3 }, 1600)).toEqual({ width: 1600, height: 1 })
    for (const source of [{ width: 4000, height: 2250 }, { width: 1601, height: 1601 }, { width: 2999, height: 1777 }]) {
      const fitted = fitWithin(source, 1600)
      expect(Math.max(fitted.width, fitted.height)).toBe(1600)
      expect(Math.abs(ratio(fitted) - ratio(source))).toBeLessThan(0.01)
    }
  })

  it('tries lower qualities before smaller sizes, every one within the limit and of the same shape', () => {
    const attempts = encodeAttempts({ width: 4000, height: 3000 })
    expect(attempts.slice(0, 4).map(a => a.quality)).toEqual([0.85, 0.75, 0.65, 0.55])
    expect(attempts.slice(0, 4).every(a => a.width === 1600 && a.height === 1200)).toBe(true)
    expect(attempts.length).toBeGreaterThan(4)
    for (const [i, a] of attempts.entries()) {
      expect(Math.max(a.width, a.height)).toBeLessThanOrEqual(MAX_PHOTO_SIDE)
      expect(Math.abs(ratio(a) - 4 / 3)).toBeLessThan(0.01)
      if (i > 0)
        expect(a.width * a.height * a.quality).toBeLessThan(attempts[i - 1]!.width * attempts[i - 1]!.height * attempts[i - 1]!.quality)
    }
  })

  it('stops at the first encoding under the byte cap', async () => {
    // At 0.5 bytes a pixel, 1600 × 1200 at quality 0.55 is 528 kB: over the cap, so the size goes down too.
    const fake = fakeTools({ width: 4032, height: 3024 }, 0.5)
    const photo = await downscaleImage(new Blob(['camera']), fake.tools)
    expect(photo.blob.size).toBeLessThanOrEqual(MAX_PHOTO_BYTES)
    expect(Math.abs(ratio(photo) - 4 / 3)).toBeLessThan(0.01)
    expect(fake.encoded.at(-1)).toMatchObject({ width: photo.width, height: photo.height })
    expect(fake.encoded.length).toBeGreaterThan(4)
    expect(fake.closed()).toBe(true)
  })

  it('keeps a small picture at its size and best quality', async () => {
    const fake = fakeTools({ width: 640, height: 480 }, 0.2)
    const photo = await downscaleImage(new Blob(['small']), fake.tools)
    expect(photo).toMatchObject({ width: 640, height: 480 })
    expect(fake.encoded).toEqual([{ width: 640, height: 480, quality: 0.85 }])
  })

  it('keeps the smallest try when nothing meets the cap, and says nothing was readable when decoding fails', async () => {
    const fake = fakeTools({ width: 4000, height: 1000 }, 1000)
    const photo = await downscaleImage(new Blob(['noise']), fake.tools)
    expect(Math.max(photo.width, photo.height)).toBeLessThan(400)
    const broken: ImageTools = { decode: async () => { throw new Error('not an image') }, encode: async () => new Blob() }
    await expect(downscaleImage(new Blob(['text']), broken)).rejects.toThrow('not an image')
  })
})
