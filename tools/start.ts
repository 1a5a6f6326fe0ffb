/** `npm start`: build the app when there is no build yet (or it is older than the sources), then serve it. */
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { serveStatic } from './serve'

function newest(dir: string): number {
  if (!existsSync(dir))
    return 0
  let t = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0
const sources = Math.max(...['src', 'locales', 'catalogue', 'public', 'index.html', 'vite.config.ts'].map(p => existsSync(p) && statSync(p).isDirectory() ? newest(p) : (existsSync(p) ? statSync(p).mtimeMs : 0)))
if (built < sources || process.argv.includes('--rebuild'))
  execSync('npm run build', { stdio: 'inherit' })

const port = Number(process.env.PORT ?? 4173)
const server = await serveStatic('dist', { port })
console.log(`\nICC Field Guide is running at ${server.url}/\nPress Ctrl+C to stop.`)
