/**
 * Builds the app (unless E2E_NO_BUILD=1 and a build exists), checks that Chromium is there, and serves
 * dist/ on 127.0.0.1 for every end-to-end test file.
 */
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import process from 'node:process'
import type { TestProject } from 'vitest/node'
import { assertChromium } from '../../tools/chromium'
import { serveStatic, type StaticServer } from '../../tools/serve'

let server: StaticServer | undefined

export async function setup(project: TestProject): Promise<void> {
  assertChromium()
  if (process.env.E2E_NO_BUILD !== '1' || !existsSync('dist/index.html'))
    // vitest sets NODE_ENV=test, which would make vite build Vue's development bundle: test what ships.
    execSync('npm run build', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  server = await serveStatic('dist')
  project.provide('baseUrl', server.url)
  console.log(`e2e: serving dist/ at ${server.url}`)
}

export async function teardown(): Promise<void> {
  await server?.close()
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}
