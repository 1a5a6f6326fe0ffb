/**
 * `npm run bench [-- --only sync,search] [--quick]`: runs every benchmark group in tools/bench/, prints a
 * table and writes all figures to bench-results.json as { "<group>.<figure>": number }.
 * Groups in `--only` runs are merged into the figures already in the file.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import type { BenchGroup } from './bench/types'

const args = process.argv.slice(2)
const onlyArg = args.indexOf('--only')
const only = onlyArg >= 0 ? new Set((args[onlyArg + 1] ?? '').split(',')) : undefined
const quick = args.includes('--quick')

const dir = new URL('./bench/', import.meta.url)
const files = readdirSync(dir).filter(f => f.endsWith('.bench.ts')).sort()
const results: Record<string, number> = only && existsSync('bench-results.json')
  ? JSON.parse(readFileSync('bench-results.json', 'utf8')) as Record<string, number>
  : {}

for (const file of files) {
  const group = (await import(pathToFileURL(new URL(file, dir).pathname).href) as { default: BenchGroup }).default
  if (only && !only.has(group.name))
    continue
  console.log(`\n▶ ${group.name}: ${group.description}`)
  const started = performance.now()
  const figures = await group.run({ quick, log: (m: string) => console.log(`  ${m}`) })
  for (const [key, value] of Object.entries(figures))
    results[key.includes('.') ? key : `${group.name}.${key}`] = Math.round(value * 100) / 100
  console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

const width = Math.max(...Object.keys(results).map(k => k.length))
console.log(`\n${'figure'.padEnd(width)}  value`)
for (const [key, value] of Object.entries(results).sort(([a], [b]) => a.localeCompare(b)))
  console.log(`${key.padEnd(width)}  ${value}`)
writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`)
console.log('\nWritten to bench-results.json')
