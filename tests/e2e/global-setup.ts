/**
 * Builds the app (unless E2E_NO_BUILD=1 and a build exists), checks that Chromium is there, and serves
 * dist/ on 127.0.0.1 for every end-to-end test file.
 */
import { execSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import process from 'node:process'
import { setTimeout as sleep } from 'node:timers/promises'
import type { TestProject } from 'vitest/node'
import { assertChromium } from '../../tools/chromium'
import { serveStatic, type StaticServer } from '../../tools/serve'

let server: StaticServer | undefined

const LOCK = '.cache/e2e.lock'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  }
  catch {
    return false
  }
}

/** The pid in the lock file; 0 while it is being written, NaN when there is none. */
function lockHolder(): number {
  try {
    return Number(readFileSync(LOCK, 'utf8'))
  }
  catch {
    return Number.NaN
  }
}

/**
 * Two end-to-end runs in one checkout would rebuild dist/ under each other's server: the second waits for
 * the first. A lock left by a run that died is taken over.
 */
async function lockCheckout(): Promise<void> {
  mkdirSync('.cache', { recursive: true })
  for (;;) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: 'wx' })
      return
    }
    catch {
      // An empty file is a lock being written: wait for it like any other. A lock gone meanwhile: try again.
      const holder = lockHolder()
      if (Number.isNaN(holder))
        continue
      if (holder > 0 && !alive(holder))
        rmSync(LOCK, { force: true })
      else
        await sleep(2000)
    }
  }
}

export async function setup(project: TestProject): Promise<void> {
  assertChromium()
  await lockCheckout()
  if (process.env.E2E_NO_BUILD !== '1' || !existsSync('dist/index.html'))
    // vitest sets NODE_ENV=test, which would make vite build Vue's development bundle: test what ships.
    execSync('npm run build', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  server = await serveStatic('dist')
  project.provide('baseUrl', server.url)
  console.log(`e2e: serving dist/ at ${server.url}`)
}

export async function teardown(): Promise<void> {
  await server?.close()
  rmSync(LOCK, { force: true })
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}
