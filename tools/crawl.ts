/**
 * npm run crawl -- [--base https://www.coe.int] [--languages en,fr,…] [--out catalogue/] [--cache DIR]
 *   [--rate 1] [--page-size 20] [--max-pages N] [--json]
 *
 * Crawls the Intercultural Cities good-practice section and writes one file per practice to
 * <out>/practices/<id>.json, keeping what a person reviewed (see tools/crawl/README.md). Progress goes to
 * stderr, the report to stdout (as JSON with --json; the text report then goes to stderr).
 * Exit codes: 0 done (warnings or not), 1 the site could not be crawled or a record failed the schema,
 * 2 bad usage.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { realClock } from './crawl/fetcher'
import { formatProgress, formatReport } from './crawl/report'
import { runCrawl, type RunOptions } from './crawl/run'

const USAGE = 'usage: npm run crawl -- [--base URL] [--languages en,fr,…] [--out DIR] [--cache DIR] [--rate N] [--page-size N] [--max-pages N] [--contact URL] [--json]'
const ROOT = fileURLToPath(new URL('..', import.meta.url))

interface Args {
  base: string
  languages: string[]
  out: string
  cache: string
  rate: number
  pageSize: number
  maxPages?: number
  contact?: string
  json: boolean
}

function fail(message: string): never {
  process.stderr.write(`crawl: ${message}\n${USAGE}\n`)
  process.exit(2)
}

function positive(name: string, value: string): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0)
    fail(`${name} must be a positive number, not ${value}`)
  return n
}

function origin(value: string): string {
  try {
    return new URL(value).origin
  }
  catch {
    fail(`--base must be a URL such as https://www.coe.int, not ${value}`)
  }
}

/** The site's path prefixes: "en", "fr", "sr"… */
function languages(value: string): string[] {
  const list = value.split(',').map(l => l.trim()).filter(l => l !== '')
  if (list.length === 0 || list.some(l => !/^[a-z]{2,3}$/u.test(l)))
    fail(`--languages needs site language codes such as en,fr, not ${value}`)
  return [...new Set(list)]
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { base: 'https://www.coe.int', languages: ['en'], out: 'catalogue', cache: '.crawl-cache', rate: 1, pageSize: 20, json: false }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    if (flag === '--json') {
      args.json = true
      continue
    }
    const value = argv[++i]
    if (value === undefined || value.startsWith('--'))
      fail(`${flag} needs a value`)
    if (flag === '--base') args.base = origin(value)
    else if (flag === '--languages') args.languages = languages(value)
    else if (flag === '--out') args.out = value
    else if (flag === '--cache') args.cache = value
    else if (flag === '--rate') args.rate = positive(flag, value)
    else if (flag === '--page-size') args.pageSize = Math.round(positive(flag, value))
    else if (flag === '--max-pages') args.maxPages = Math.round(positive(flag, value))
    else if (flag === '--contact') args.contact = value
    else fail(`unknown option ${flag}`)
  }
  return args
}

/** The project's name and where to reach it, as the site's operators will read it in their logs. */
function userAgent(contact: string | undefined): string {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { name: string, version: string, homepage?: string }
  const repo = process.env.GITHUB_REPOSITORY ? `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}` : undefined
  const url = contact ?? pkg.homepage ?? repo
  return `ICCFieldGuide/${pkg.version} (${pkg.name} crawler${url ? `; +${url}` : ''})`
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const tty = process.stderr.isTTY
  const options: RunOptions = {
    base: args.base,
    languages: args.languages,
    out: resolve(args.out),
    cacheDir: resolve(args.cache),
    rate: args.rate,
    pageSize: args.pageSize,
    ...(args.maxPages === undefined ? {} : { maxPages: args.maxPages }),
    userAgent: userAgent(args.contact),
    fetch: globalThis.fetch,
    clock: realClock,
    // One line rewritten in place on a terminal; a line per step in a log.
    onProgress: p => process.stderr.write(tty ? `\r${formatProgress(p)}\u001B[K` : `${formatProgress(p)}\n`),
  }
  const { report, exitCode } = await runCrawl(options)
  if (tty)
    process.stderr.write('\n')
  if (args.json) {
    process.stderr.write(formatReport(report))
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  }
  else {
    process.stdout.write(formatReport(report))
  }
  process.exitCode = exitCode
}

await main()
