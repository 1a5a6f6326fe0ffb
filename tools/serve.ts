/**
 * A small static server for the built app: correct types, an app-shell fallback for client-side routes,
 * immutable caching for hashed assets, and no caching for the service worker and the feed manifest.
 * Used by `npm start`, the end-to-end tests and the benchmarks.
 */
import { createReadStream } from 'node:fs'
import type { Stats } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.woff2': 'font/woff2',
}

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt'])

/** Lets a test rewrite or fail a request before the file system answers it. */
export type Intercept = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>

export interface StaticServer {
  url: string
  server: Server
  /** Serve another directory from now on (an update deployed in place). */
  setRoot: (dir: string) => void
  setIntercept: (fn: Intercept | undefined) => void
  close: () => Promise<void>
}

function cacheControl(path: string): string {
  if (/\/assets\/|\/feed\/(?:shards|index)\//.test(path))
    return 'public, max-age=31536000, immutable'
  return 'no-cache'
}

/** The file a request names: found, or forbidden (outside the root), or missing. */
type Located = { file: string, rel: string, info: Stats } | 'forbidden' | 'missing'

/** The file for a URL path under root: a directory's index.html, or the app shell for a client-side route. */
async function locate(root: string, pathname: string): Promise<Located> {
  let rel = normalize(decodeURIComponent(pathname)).replace(/^(\.\.(\/|\\|$))+/, '')
  let file = join(root, rel)
  if (!file.startsWith(root + sep) && file !== root)
    return 'forbidden'
  let info = await stat(file).catch(() => undefined)
  if (info?.isDirectory()) {
    file = join(file, 'index.html')
    info = await stat(file).catch(() => undefined)
  }
  if (!info && !extname(rel)) {
    // A client-side route: answer with the app shell.
    rel = '/index.html'
    file = join(root, rel)
    info = await stat(file).catch(() => undefined)
  }
  return info ? { file, rel, info } : 'missing'
}

/** Gzipped bodies, keyed by file and version: compressing once per file keeps the server cheap. */
type GzipCache = Map<string, Buffer>

/** Answers with a found file: 304 when the client has it, gzipped when it is text and the client accepts gzip. */
async function sendFile(req: IncomingMessage, res: ServerResponse, found: Exclude<Located, string>, gzipped: GzipCache): Promise<void> {
  const { file, rel, info } = found
  const etag = `"${info.size.toString(16)}-${info.mtimeMs.toString(16)}"`
  const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cacheControl(rel), etag }
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end()
    return
  }
  if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    const key = `${file}:${etag}`
    let body = gzipped.get(key)
    if (!body) {
      body = gzipSync(await readFile(file), { level: 9 })
      gzipped.set(key, body)
    }
    res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'vary': 'accept-encoding', 'content-length': body.length })
    res.end(req.method === 'HEAD' ? undefined : body)
    return
  }
  res.writeHead(200, { ...headers, 'content-length': info.size })
  if (req.method === 'HEAD')
    res.end()
  else
    createReadStream(file).pipe(res)
}

export async function serveStatic(rootDir: string, opts: { port?: number, host?: string } = {}): Promise<StaticServer> {
  let root = resolve(rootDir)
  let intercept: Intercept | undefined
  const gzipped: GzipCache = new Map()
  const server = createServer((req, res) => {
    void (async () => {
      if (intercept && await intercept(req, res))
        return
      const found = await locate(root, new URL(req.url ?? '/', 'http://x').pathname)
      if (found === 'forbidden')
        res.writeHead(403).end()
      else if (found === 'missing')
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found')
      else
        await sendFile(req, res, found, gzipped)
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error))
    })
  })
  const host = opts.host ?? '127.0.0.1'
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(opts.port ?? 0, host, ok)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://${host}:${port}`,
    server,
    setRoot: (dir) => { root = resolve(dir) },
    setIntercept: (fn) => { intercept = fn },
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()) }),
  }
}
