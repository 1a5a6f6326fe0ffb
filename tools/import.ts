/**
 * npm run import -- FILE... [--out DIR] [--json] [--updated-at ISO]
 *
 * Reads page dumps of the good-practice section (listing and practice pages) and writes one JSON record per
 * practice to catalogue/practices/<id>.json, keeping what a person already reviewed in existing files (see
 * catalogue/README.md). With --json the records go to stdout instead. Problems go to stderr as file:line.
 * A dump may open with `URL: https://…`, the page's address (it gives the practice's id, language and link).
 * Exit codes: 0 done (problems or not), 1 a record failed the schema (named on stderr, not written; the
 * others are), 2 bad usage or an input that cannot be read as text.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkPractice, type Practice } from '../src/catalogue/schema'
import { formatProblem, importPages, type ImportResult, type SourceText } from './import/pipeline'
import { keepReviewed, serialisePractice } from './import/review'

const DEFAULT_OUT = fileURLToPath(new URL('../catalogue/practices', import.meta.url))
const USAGE = 'usage: npm run import -- FILE... [--out DIR] [--json] [--updated-at ISO-TIMESTAMP]'
const EXIT_INVALID_RECORD = 1
const EXIT_BAD_INPUT = 2

interface Options {
  files: string[]
  out?: string
  json: boolean
  updatedAt?: string
}

function fail(message: string): never {
  process.stderr.write(`import: ${message}\n`)
  process.exit(EXIT_BAD_INPUT)
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { files: [], json: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--json') {
      options.json = true
    }
    else if (arg === '--out' || arg === '--updated-at') {
      const value = argv[++i]
      if (!value)
        fail(`${arg} needs a value\n${USAGE}`)
      if (arg === '--out')
        options.out = value
      else if (Number.isNaN(Date.parse(value)))
        fail(`--updated-at: not a date: ${value}`)
      else
        options.updatedAt = new Date(value).toISOString()
    }
    else if (arg.startsWith('--')) {
      fail(`unknown option ${arg}\n${USAGE}`)
    }
    else {
      options.files.push(arg)
    }
  }
  if (options.files.length === 0)
    fail(`no input files\n${USAGE}`)
  return options
}

/** The dump as text, or why it is not one: a missing file, a directory, binary content. */
function readText(file: string): { text: string } | { error: string } {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  }
  catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    return { error: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String((e as Error).message) }
  }
  if (bytes.includes(0))
    return { error: 'binary file, not a page dump' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  }
  catch {
    return { error: 'not UTF-8 text' }
  }
}

/** The existing record at `path`, if any; an unreadable one stops us from overwriting a review. */
function readExisting(path: string): { practice?: Practice, error?: string } {
  if (!existsSync(path))
    return {}
  let data: unknown
  try {
    data = JSON.parse(readFileSync(path, 'utf8'))
  }
  catch (e) {
    return { error: `${path}: not valid JSON (${(e as Error).message}); left as is` }
  }
  const checked = checkPractice(data)
  if (!checked.ok)
    return { error: `${path}: ${checked.issues.map(i => `${i.path}: ${i.message}`).join('; ')}; left as is` }
  return { practice: checked.practice }
}

/** The pages read, the practices found, and the records that failed the schema (which set exit status 1). */
function reportSummary(result: ImportResult, skipped: number): void {
  const kinds = result.pages.map(p => `${p.file}: ${p.kind}${p.reason ? ` (${p.reason})` : ''}, ${p.entries} entr${p.entries === 1 ? 'y' : 'ies'}${p.total !== undefined ? ` of ${p.total} listed` : ''}`)
  process.stderr.write(`import: ${kinds.join('; ')}\nimport: ${result.practices.length} practice(s)${skipped ? `, ${skipped} not written` : ''}\n`)
  if (result.invalid.length > 0) {
    const named = result.invalid.map(r => `${r.id} (${r.file}:${r.line})`).join(', ')
    process.stderr.write(`import: ${result.invalid.length} record(s) failed the schema and were not written: ${named}\n`)
    process.exitCode = EXIT_INVALID_RECORD
  }
}

function main(): void {
  const options = parseArgs(process.argv.slice(2))
  const sources: SourceText[] = []
  const unreadable: string[] = []
  for (const file of options.files) {
    const read = readText(file)
    if ('error' in read)
      unreadable.push(`${file}: ${read.error}`)
    else
      sources.push({ file, text: read.text })
  }
  if (unreadable.length > 0)
    fail(`cannot read input, nothing imported:\n  ${unreadable.join('\n  ')}`)

  const result = importPages(sources)
  for (const problem of result.problems)
    process.stderr.write(`${formatProblem(problem)}\n`)

  // --json alone shows the import as is; with --out it shows what would be written over that folder.
  const outDir = options.out !== undefined || !options.json ? resolve(options.out ?? DEFAULT_OUT) : undefined
  const records: Practice[] = []
  let skipped = 0
  for (const fresh of result.practices) {
    if (!outDir) {
      records.push(fresh)
      continue
    }
    const existing = readExisting(join(outDir, `${fresh.id}.json`))
    if (existing.error) {
      process.stderr.write(`${existing.error}\n`)
      skipped++
      continue
    }
    records.push(existing.practice ? keepReviewed(fresh, existing.practice, options.updatedAt) : { ...fresh, updatedAt: options.updatedAt ?? fresh.updatedAt })
  }

  if (options.json) {
    process.stdout.write(`${JSON.stringify(records.map(r => JSON.parse(serialisePractice(r)) as unknown), null, 2)}\n`)
  }
  else if (outDir) {
    mkdirSync(outDir, { recursive: true })
    let written = 0
    for (const record of records) {
      const path = join(outDir, `${record.id}.json`)
      const text = serialisePractice(record)
      if (existsSync(path) && readFileSync(path, 'utf8') === text)
        continue
      writeFileSync(path, text)
      written++
    }
    process.stderr.write(`import: ${written} file(s) written, ${records.length - written} unchanged in ${outDir}\n`)
  }
  reportSummary(result, skipped)
}

main()
