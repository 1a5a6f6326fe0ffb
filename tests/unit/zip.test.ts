import { crc32 as nodeCrc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { crc32, zipFiles } from '../../src/composables/zipFiles'
import { submissionZip } from '../../src/composables/draftSubmission'
import { checkPractice, type Practice } from '../../src/catalogue/schema'

/** Reads a ZIP's central directory and each entry's stored bytes: an independent reader for the test. */
async function unzip(blob: Blob): Promise<Map<string, Uint8Array>> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  const view = new DataView(bytes.buffer)
  const end = bytes.length - 22
  expect(view.getUint32(end, true)).toBe(0x06054B50)
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  const files = new Map<string, Uint8Array>()
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014B50)
    const crc = view.getUint32(at + 16, true)
    const size = view.getUint32(at + 24, true)
    const nameLength = view.getUint16(at + 28, true)
    const offset = view.getUint32(at + 42, true)
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength))
    expect(view.getUint32(offset, true)).toBe(0x04034B50)
    const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true)
    const data = bytes.subarray(start, start + size)
    expect(nodeCrc32(data), name).toBe(crc)
    files.set(name, data)
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return files
}

describe('the ZIP of a ready draft', () => {
  it('computes CRC-32 as zlib does', () => {
    for (const text of ['', 'a', 'The quick brown fox', 'é'.repeat(1000)]) {
      const data = new TextEncoder().encode(text)
      expect(crc32(data)).toBe(nodeCrc32(data))
    }
  })

  it('holds the files as given, under UTF-8 names', async () => {
    const files = await unzip(zipFiles([{ name: 'a.json', data: new TextEncoder().encode('{}') }, { name: 'photos/č-1.jpg', data: new Uint8Array([0xFF, 0xD8, 0xFF, 1, 2]) }]))
    expect([...files.keys()]).toEqual(['a.json', 'photos/č-1.jpg'])
    expect([...files.get('photos/č-1.jpg')!]).toEqual([0xFF, 0xD8, 0xFF, 1, 2])
  })

  it('holds the practice file, valid, and its photos named after it', async () => {
    const practice: Practice = { id: 'pl-lublin-x', slug: 'pl-lublin-x', title: 'X', country: 'PL', city: 'Lublin', period: { text: '2019', start: 2019, end: 2019, ongoing: false }, topics: [], reviewerTopics: ['education'], language: 'pl', summary: 's', body: '## Cel\n\ns', updatedAt: '2026-01-01T00:00:00.000Z' }
    const photo = new Blob([new Uint8Array([0xFF, 0xD8, 0xFF, 9])], { type: 'image/jpeg' })
    const files = await unzip(await submissionZip(practice, [{ blob: photo }, { blob: photo }]))
    expect([...files.keys()]).toEqual(['pl-lublin-x.json', 'photos/pl-lublin-x-1.jpg', 'photos/pl-lublin-x-2.jpg'])
    const record = JSON.parse(new TextDecoder().decode(files.get('pl-lublin-x.json')))
    expect(checkPractice(record).ok).toBe(true)
  })
})
