import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'vue/compiler-sfc'
import { describe, expect, it } from 'vitest'

const SRC = fileURLToPath(new URL('../../src/', import.meta.url))
/** Attributes people read or hear: their text must come from the locale files too. */
const SPOKEN = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label'])
const hasLetters = (text: string): boolean => /\p{L}/u.test(text)

interface TemplateNode { type: number, content?: string, tag?: string, props?: { type: number, name: string, value?: { content: string } }[], children?: TemplateNode[] }

function vueFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? vueFiles(path) : name.endsWith('.vue') ? [path] : []
  })
}

/**
 * Literal text in a template: text nodes with letters, and spoken attributes written as plain strings.
 * A subtree hidden from assistive technology (aria-hidden="true": the "A+" glyph of a button named by a
 * message) is not read, so it may hold a glyph.
 */
function literalText(source: string): string[] {
  const found: string[] = []
  const walk = (node: TemplateNode): void => {
    const props = node.props ?? []
    if (props.some(p => p.type === 6 && p.name === 'aria-hidden' && p.value?.content === 'true'))
      return
    if (node.type === 2 && hasLetters(node.content ?? ''))
      found.push(`text "${node.content!.trim()}"`)
    for (const p of props) {
      if (p.type === 6 && SPOKEN.has(p.name) && hasLetters(p.value?.content ?? ''))
        found.push(`${p.name}="${p.value!.content}"`)
    }
    node.children?.forEach(walk)
  }
  const template = parse(source).descriptor.template?.ast as TemplateNode | undefined
  if (template)
    walk(template)
  return found
}

describe('user-visible text', () => {
  it('comes from the locale files: no literal words in any template or spoken attribute', () => {
    const found = vueFiles(SRC).flatMap(file => literalText(readFileSync(file, 'utf8')).map(f => `${relative(SRC, file)}: ${f}`))
    expect(found).toEqual([])
  })

  it('is caught when written into a template, and glyphs hidden from screen readers are not', () => {
    expect(literalText('<template><p>Hello</p><button aria-label="Close">×</button></template>')).toEqual(['text "Hello"', 'aria-label="Close"'])
    expect(literalText('<template><p>{{ t(\'a\') }} · 42</p><span aria-hidden="true">A+</span><img alt=""></template>')).toEqual([])
  })
})
