/**
 * What a ready draft is sent as: the practice file in the catalogue's own format (one JSON record, keys in the
 * catalogue's order, 2-space indent, a final newline: it goes into catalogue/practices/ as it is), its photos
 * as separate JPEG files beside it (in a ZIP when downloaded), and a plain-text version for e-mail.
 */
import type { Practice } from '../catalogue/schema'
import { zipFiles } from './zipFiles'

export function practiceFileText(practice: Practice): string {
  return `${JSON.stringify(practice, null, 2)}\n`
}

export function practiceFileName(practice: Practice): string {
  return `${practice.id}.json`
}

/** `<id>-1.jpg`, `<id>-2.jpg`…: named after the practice, so they stay together once saved. */
function photoFileName(practiceId: string, index: number): string {
  return `${practiceId}-${index + 1}.jpg`
}

export async function photoFiles(practiceId: string, photos: readonly { blob: Blob }[]): Promise<File[]> {
  return photos.map((p, i) => new File([p.blob], photoFileName(practiceId, i), { type: p.blob.type || 'image/jpeg' }))
}

/** The record and its photos in one archive: `<id>.json` and `photos/<id>-n.jpg`. */
export async function submissionZip(practice: Practice, photos: readonly { blob: Blob }[], now?: Date): Promise<Blob> {
  const encoder = new TextEncoder()
  const entries = [{ name: practiceFileName(practice), data: encoder.encode(practiceFileText(practice)) }]
  for (const [i, photo] of photos.entries())
    entries.push({ name: `photos/${photoFileName(practice.id, i)}`, data: new Uint8Array(await photo.blob.arrayBuffer()) })
  return zipFiles(entries, now)
}

/** The practice as plain text for an e-mail: the title, one line per detail, then the body with its headings. */
export function practicePlainText(practice: Practice, details: readonly string[]): string {
  const body = practice.body.split('\n\n').map(p => (p.startsWith('## ') ? p.slice(3).toLocaleUpperCase(practice.language) : p))
  return [practice.title, ...details, '', body.join('\n\n')].join('\n').replace(/\n{3,}/gu, '\n\n')
}

/** A mailto: address with subject and body (each encoded; nothing the user typed can add a header). */
function mailtoHref(to: string, subject: string, body: string): string {
  return `mailto:${encodeURIComponent(to).replace(/%40/gu, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`
}

/**
 * Past this many characters some mail apps and systems cut a mailto: link short (about 2,000 is the
 * lowest limit in use), and a link can carry no photo at all.
 */
export const MAILTO_MAX_LENGTH = 1800

/**
 * The e-mail of a draft: its whole text in the message when it fits in a mailto: link and there are no
 * photos; otherwise a short message (`shortBody`, which says to attach `file`) and the file to save first,
 * the record as JSON or, with photos, the ZIP.
 */
export function draftMail(opts: { to: string, subject: string, body: string, shortBody: (file: string) => string, practiceId: string, photos: number }): { href: string, file?: string } {
  const full = mailtoHref(opts.to, opts.subject, opts.body)
  if (full.length <= MAILTO_MAX_LENGTH && opts.photos === 0)
    return { href: full }
  const file = opts.photos > 0 ? `${opts.practiceId}.zip` : `${opts.practiceId}.json`
  return { href: mailtoHref(opts.to, opts.subject, opts.shortBody(file)), file }
}

type ShareOutcome = 'shared' | 'cancelled' | 'unsupported' | 'failed'

/** The system share sheet with the files, where the device can share files. */
export async function shareFiles(files: File[], title: string, text: string): Promise<ShareOutcome> {
  if (typeof navigator.share !== 'function' || typeof navigator.canShare !== 'function' || !navigator.canShare({ files }))
    return 'unsupported'
  try {
    await navigator.share({ files, title, text })
    return 'shared'
  }
  catch (error: unknown) {
    // AbortError: the user closed the sheet, which is no failure.
    return error instanceof DOMException && error.name === 'AbortError' ? 'cancelled' : 'failed'
  }
}
