/**
 * Photos from a visit, made small on the device before they are stored: a phone's camera gives 4,000-pixel,
 * 5 MB pictures, and a draft keeps up to five. The longest side is cut to 1,600 pixels and the JPEG to a byte
 * cap, by lowering the quality first and then the size, keeping the aspect ratio throughout.
 */

export const MAX_PHOTO_SIDE = 1600
export const MAX_PHOTO_BYTES = 450_000
/** JPEG qualities tried in turn before the picture is made smaller. */
const QUALITIES = [0.85, 0.75, 0.65, 0.55] as const
/** Each further try shrinks both sides by this factor. */
const SHRINK = 0.8
/** A picture is never made smaller than this on its longest side to meet the byte cap. */
const MIN_SIDE = 320

export interface Size {
  width: number
  height: number
}

/** The size that fits within `maxSide` on both sides with the same aspect ratio; never enlarged, never 0. */
export function fitWithin(size: Size, maxSide: number): Size {
  const longest = Math.max(size.width, size.height)
  if (longest <= maxSide)
    return { width: Math.max(1, Math.round(size.width)), height: Math.max(1, Math.round(size.height)) }
  const scale = maxSide / longest
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) }
}

export interface EncodeAttempt extends Size {
  quality: number
}

/**
 * The encodings to try, best first: the fitted size at falling qualities, then smaller sizes at the lowest
 * quality, down to MIN_SIDE. The first one under the byte cap wins; the last one is kept whatever its size.
 */
export function encodeAttempts(source: Size, maxSide = MAX_PHOTO_SIDE): EncodeAttempt[] {
  const fitted = fitWithin(source, maxSide)
  const attempts: EncodeAttempt[] = QUALITIES.map(quality => ({ ...fitted, quality }))
  const last = QUALITIES[QUALITIES.length - 1]!
  let side = Math.max(fitted.width, fitted.height) * SHRINK
  while (side >= MIN_SIDE) {
    attempts.push({ ...fitWithin(source, Math.round(side)), quality: last })
    side *= SHRINK
  }
  return attempts
}

interface DownscaledPhoto extends Size {
  blob: Blob
}

/** What the browser provides, passed in so that tests can stand in for it. */
export interface ImageTools {
  decode: (file: Blob) => Promise<Size & { close?: () => void }>
  /** Draws the decoded picture at `attempt`'s size and encodes it as JPEG. */
  encode: (image: Size, attempt: EncodeAttempt) => Promise<Blob>
}

type Canvas = OffscreenCanvas | HTMLCanvasElement

function makeCanvas(size: Size): Canvas {
  if (typeof OffscreenCanvas !== 'undefined')
    return new OffscreenCanvas(size.width, size.height)
  const canvas = document.createElement('canvas')
  canvas.width = size.width
  canvas.height = size.height
  return canvas
}

function toJpeg(canvas: Canvas, quality: number): Promise<Blob> {
  if ('convertToBlob' in canvas)
    return canvas.convertToBlob({ type: 'image/jpeg', quality })
  return new Promise((resolve, reject) => canvas.toBlob(b => (b ? resolve(b) : reject(new Error('encoding failed'))), 'image/jpeg', quality))
}

/** The browser's own decoder (with the camera's orientation applied) and a canvas. */
const browserImageTools: ImageTools = {
  decode: file => createImageBitmap(file, { imageOrientation: 'from-image' }),
  async encode(image, attempt) {
    const canvas = makeCanvas(attempt)
    const context = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null
    if (!context)
      throw new Error('no 2d canvas')
    // JPEG has no transparency: a transparent PNG gets a white ground rather than a black one.
    context.fillStyle = '#fff'
    context.fillRect(0, 0, attempt.width, attempt.height)
    context.drawImage(image as ImageBitmap, 0, 0, attempt.width, attempt.height)
    return toJpeg(canvas, attempt.quality)
  },
}

/** A picture as a JPEG within MAX_PHOTO_SIDE and, as far as MIN_SIDE allows, MAX_PHOTO_BYTES. Throws when it cannot be read. */
export async function downscaleImage(file: Blob, tools: ImageTools = browserImageTools, maxBytes = MAX_PHOTO_BYTES): Promise<DownscaledPhoto> {
  const image = await tools.decode(file)
  try {
    let best: DownscaledPhoto | undefined
    for (const attempt of encodeAttempts(image)) {
      const blob = await tools.encode(image, attempt)
      best = { blob, width: attempt.width, height: attempt.height }
      if (blob.size <= maxBytes)
        break
    }
    return best!
  }
  finally {
    image.close?.()
  }
}
