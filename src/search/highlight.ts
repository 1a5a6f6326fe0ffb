/**
 * Splits original text (diacritics, case and Cyrillic preserved) into runs for highlighting, without markup:
 * the UI renders each run as a text node, never as HTML. A word is highlighted when its normalised form equals or starts
 * with one of the terms (SearchResult.terms); consecutive runs with the same state are merged.
 */
import { normalize } from './normalize'

interface HighlightRun {
  text: string
  match: boolean
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu

export function highlight(text: string, terms: string[]): HighlightRun[] {
  const wanted = terms.filter(t => t !== '')
  const runs: HighlightRun[] = []
  const push = (part: string, match: boolean): void => {
    if (part === '')
      return
    const last = runs[runs.length - 1]
    if (last && last.match === match)
      last.text += part
    else
      runs.push({ text: part, match })
  }
  let at = 0
  if (wanted.length > 0) {
    for (const m of text.matchAll(WORD)) {
      const word = m[0]
      const folded = normalize(word)
      if (wanted.some(t => folded.startsWith(t))) {
        push(text.slice(at, m.index), false)
        push(word, true)
        at = m.index + word.length
      }
    }
  }
  push(text.slice(at), false)
  return runs
}
