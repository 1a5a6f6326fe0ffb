/**
 * A ZIP archive of files stored as they are (no compression: the photos are JPEGs already, and the JSON is
 * small), written in a few lines instead of a library. UTF-8 names, one directory, no ZIP64 (a draft's files
 * stay far below 4 GB).
 */

interface ZipEntry {
  name: string
  data: Uint8Array
}

let crcTable: Uint32Array | undefined

function table(): Uint32Array {
  if (crcTable)
    return crcTable
  crcTable = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++)
      c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1
    crcTable[n] = c >>> 0
  }
  return crcTable
}

/** CRC-32 (IEEE), as ZIP and PNG use it. */
export function crc32(data: Uint8Array): number {
  const t = table()
  let crc = 0xFFFFFFFF
  for (const byte of data)
    crc = t[(crc ^ byte) & 0xFF]! ^ (crc >>> 8)
  return (crc ^ 0xFFFFFFFF) >>> 0
}

/** MS-DOS time and date fields, in local time as ZIP readers show them. */
function dosTime(date: Date): { time: number, date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  }
}

interface Header {
  name: Uint8Array
  crc: number
  size: number
  offset: number
}

/** The fields local and central headers share, from "version needed" to the name's length. */
function common(view: DataView, at: number, h: Header, when: { time: number, date: number }): void {
  view.setUint16(at, 20, true) // version needed: 2.0
  view.setUint16(at + 2, 0x0800, true) // names are UTF-8
  view.setUint16(at + 4, 0, true) // stored
  view.setUint16(at + 6, when.time, true)
  view.setUint16(at + 8, when.date, true)
  view.setUint32(at + 10, h.crc, true)
  view.setUint32(at + 14, h.size, true)
  view.setUint32(at + 18, h.size, true)
  view.setUint16(at + 22, h.name.length, true)
}

function localHeader(h: Header, when: { time: number, date: number }): Uint8Array {
  const bytes = new Uint8Array(30 + h.name.length)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, 0x04034B50, true)
  common(view, 4, h, when)
  bytes.set(h.name, 30)
  return bytes
}

function centralHeader(h: Header, when: { time: number, date: number }): Uint8Array {
  const bytes = new Uint8Array(46 + h.name.length)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, 0x02014B50, true)
  view.setUint16(4, 20, true) // version made by
  common(view, 6, h, when)
  view.setUint32(42, h.offset, true)
  bytes.set(h.name, 46)
  return bytes
}

function endRecord(count: number, size: number, offset: number): Uint8Array {
  const bytes = new Uint8Array(22)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, 0x06054B50, true)
  view.setUint16(8, count, true)
  view.setUint16(10, count, true)
  view.setUint32(12, size, true)
  view.setUint32(16, offset, true)
  return bytes
}

export function zipFiles(entries: readonly ZipEntry[], now: Date = new Date()): Blob {
  const when = dosTime(now)
  const encoder = new TextEncoder()
  const parts: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  for (const entry of entries) {
    const header: Header = { name: encoder.encode(entry.name), crc: crc32(entry.data), size: entry.data.length, offset }
    const local = localHeader(header, when)
    parts.push(local, entry.data)
    central.push(centralHeader(header, when))
    offset += local.length + entry.data.length
  }
  const centralSize = central.reduce((sum, c) => sum + c.length, 0)
  return new Blob([...parts, ...central, endRecord(entries.length, centralSize, offset)] as BlobPart[], { type: 'application/zip' })
}
