/**
 * `npm run synth -- --count N --out DIR [--seed S]`: writes DIR/practices.json, a JSON array of N deterministic
 * synthetic practices (see tools/synth/lib.ts), for benchmarks and for tools/build-feed to turn into a feed.
 */
import { createWriteStream, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { synthPractices } from './synth/lib'

export { synthPractices } from './synth/lib'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main(): Promise<void> {
  const count = Number(arg('count'))
  const out = arg('out')
  const seed = Number(arg('seed') ?? '1')
  if (!Number.isInteger(count) || count < 0 || !out || !Number.isInteger(seed)) {
    console.error('Usage: npm run synth -- --count N --out DIR [--seed S]')
    process.exitCode = 2
    return
  }
  const started = performance.now()
  const practices = synthPractices(count, seed)
  mkdirSync(out, { recursive: true })
  const file = join(out, 'practices.json')
  // Streamed: 100,000 practices are close to V8's maximum string length as one JSON text.
  const stream = createWriteStream(file)
  const write = (text: string): Promise<void> => new Promise((ok) => {
    if (stream.write(text))
      ok()
    else
      stream.once('drain', () => ok())
  })
  await write('[\n')
  for (let i = 0; i < practices.length; i++)
    await write(`${JSON.stringify(practices[i])}${i < practices.length - 1 ? ',' : ''}\n`)
  await write(']\n')
  await new Promise<void>((ok, fail) => stream.end((error?: Error | null) => error ? fail(error) : ok()))
  console.log(`Wrote ${count} practices (seed ${seed}) to ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

// Run as a script (not when imported for synthPractices).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await main()
