/**
 * The body convention of a practice: plain text, paragraphs separated by one blank line, and a paragraph
 * "## Heading" opening a section. Plain text keeps records safe to render without HTML and easy to review
 * in a diff; the sections give the reader the site's Purpose / Process / Impact structure back.
 */

export interface Section {
  heading?: string
  paragraphs: string[]
}

const HEADING = /^##[ \t]+(\S.*)$/u

function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/gu, '\n')
    .split(/\n[ \t]*\n/u)
    .map(p => p.trim())
    .filter(p => p !== '')
}

/** Cuts a body into sections; text before the first heading is a section without a heading. */
export function splitSections(body: string): Section[] {
  const sections: Section[] = []
  for (const paragraph of paragraphsOf(body)) {
    const heading = HEADING.exec(paragraph)
    if (heading && !paragraph.includes('\n')) {
      sections.push({ heading: (heading[1] ?? '').trim(), paragraphs: [] })
      continue
    }
    const current = sections.at(-1)
    if (current)
      current.paragraphs.push(paragraph)
    else
      sections.push({ paragraphs: [paragraph] })
  }
  return sections
}

/** The inverse of splitSections. */
export function formatBody(sections: readonly Section[]): string {
  const paragraphs: string[] = []
  for (const section of sections) {
    if (section.heading !== undefined)
      paragraphs.push(`## ${section.heading}`)
    paragraphs.push(...section.paragraphs.map(p => p.trim()).filter(p => p !== ''))
  }
  return paragraphs.join('\n\n')
}

interface Label {
  /** As written in the source, used as the heading. */
  text: string
  /** The site also writes "Concept Mexico City has…": a label with no colon, only at the very start. */
  bare?: boolean
}

/**
 * Section labels the site's practice template uses, per language. A fixed list: only these words open a
 * section, so a colon in an ordinary sentence ("the following methods:") never splits the text.
 */
const LABELS: readonly Label[] = [
  // en
  { text: 'Stimulus/Rationale' }, { text: 'Purpose' }, { text: 'Rationale' }, { text: 'Stimulus' }, { text: 'Process' },
  { text: 'Impact' }, { text: 'Concept', bare: true }, { text: 'Context' }, { text: 'Background' }, { text: 'Objectives' },
  { text: 'Objective' }, { text: 'Aims' }, { text: 'Aim' }, { text: 'Results' }, { text: 'Outcomes' }, { text: 'Evaluation' },
  { text: 'Lessons learned' }, { text: 'Lessons learnt' }, { text: 'Challenges' }, { text: 'Methodology' }, { text: 'Target group' },
  { text: 'Partners' }, { text: 'Funding' }, { text: 'Sustainability' }, { text: 'Transferability' },
  // fr
  { text: 'Objectif' }, { text: 'Objectifs' }, { text: 'Contexte' }, { text: 'Justification' }, { text: 'Processus' },
  { text: 'Démarche' }, { text: 'Résultats' }, { text: 'Public cible' }, { text: 'Partenaires' }, { text: 'Financement' },
  { text: 'Évaluation' }, { text: 'Méthodologie' },
  // sr-Latn
  { text: 'Svrha' }, { text: 'Cilj' }, { text: 'Ciljevi' }, { text: 'Kontekst' }, { text: 'Podsticaj/Obrazloženje' },
  { text: 'Obrazloženje' }, { text: 'Podsticaj' }, { text: 'Proces' }, { text: 'Uticaj' }, { text: 'Rezultati' },
  { text: 'Koncept', bare: true }, { text: 'Metodologija' },
  // sr-Cyrl
  { text: 'Сврха' }, { text: 'Циљ' }, { text: 'Циљеви' }, { text: 'Контекст' }, { text: 'Образложење' }, { text: 'Процес' },
  { text: 'Утицај' }, { text: 'Резултати' }, { text: 'Концепт', bare: true },
  // es, it, pt, de, uk
  { text: 'Propósito' }, { text: 'Objetivo' }, { text: 'Contexto' }, { text: 'Proceso' }, { text: 'Impacto' }, { text: 'Resultados' },
  { text: 'Concepto', bare: true }, { text: 'Scopo' }, { text: 'Obiettivo' }, { text: 'Contesto' }, { text: 'Processo' },
  { text: 'Impatto' }, { text: 'Risultati' }, { text: 'Concetto', bare: true }, { text: 'Conceito', bare: true },
  { text: 'Zweck' }, { text: 'Ziel' }, { text: 'Hintergrund' }, { text: 'Prozess' }, { text: 'Wirkung' }, { text: 'Ergebnisse' },
  { text: 'Konzept', bare: true }, { text: 'Мета' }, { text: 'Процес' }, { text: 'Вплив' }, { text: 'Результати' }, { text: 'Концепція', bare: true },
  // sq, el, fi, tr, eu, ru
  { text: 'Qëllimi' }, { text: 'Procesi' }, { text: 'Ndikimi' }, { text: 'Konteksti' }, { text: 'Σκοπός' }, { text: 'Διαδικασία' },
  { text: 'Αντίκτυπος' }, { text: 'Tarkoitus' }, { text: 'Prosessi' }, { text: 'Vaikutus' }, { text: 'Amaç' }, { text: 'Süreç' },
  { text: 'Etki' }, { text: 'Helburua' }, { text: 'Prozesua' }, { text: 'Eragina' }, { text: 'Цель' }, { text: 'Процесс' }, { text: 'Влияние' },
]

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')
}

/** Longest first, so "Stimulus/Rationale" wins over "Rationale". */
const byLength = [...new Set(LABELS.map(l => l.text))].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')

/**
 * "Label:" at the start or after any whitespace. The site's summaries lost their line breaks ("…for refugees
 * Process: Melitopol…"), so a label cannot be required to follow a full stop; requiring a capitalised label
 * from the fixed list plus its colon is what keeps ordinary colons from splitting.
 */
const COLON_LABEL = new RegExp(`(?<=^|\\s)(${byLength})[ \\t\\u00a0]?:(?=\\s|$)`, 'gu')
const BARE_LABEL = new RegExp(`^(${LABELS.filter(l => l.bare).map(l => escapeRegExp(l.text)).join('|')})\\s+(?=\\p{Lu})`, 'u')

const LEADING_LABEL = new RegExp(`^(?:${byLength})[ \\t\\u00a0]?:(?=\\s|$)`, 'u')

/** Whether a text opens with one of the site's section labels ("Purpose: …", "Concept Mexico City…"). */
export function startsWithSectionLabel(text: string): boolean {
  const trimmed = text.trim()
  return LEADING_LABEL.test(trimmed) || BARE_LABEL.test(trimmed)
}

/** Splits one paragraph at its labels; text before the first label goes to `into`'s current section. */
function splitParagraph(paragraph: string, sections: Section[]): void {
  let text = paragraph.replace(/\s+/gu, ' ').trim()
  const bare = BARE_LABEL.exec(text)
  if (bare) {
    sections.push({ heading: bare[1] ?? '', paragraphs: [] })
    text = text.slice(bare[0].length)
  }
  let last = 0
  let heading: string | undefined
  const flush = (chunk: string) => {
    const clean = chunk.trim()
    if (heading !== undefined) {
      sections.push({ heading, paragraphs: clean ? [clean] : [] })
      return
    }
    if (!clean)
      return
    const current = sections.at(-1)
    if (current)
      current.paragraphs.push(clean)
    else
      sections.push({ paragraphs: [clean] })
  }
  for (const match of text.matchAll(COLON_LABEL)) {
    flush(text.slice(last, match.index))
    heading = match[1] ?? ''
    last = match.index + match[0].length
  }
  flush(text.slice(last))
}

/** Turns running text with the site's inline labels ("Purpose: … Process: …") into sections. */
export function sectionsFromText(text: string): Section[] {
  const sections: Section[] = []
  for (const paragraph of paragraphsOf(text)) {
    const heading = HEADING.exec(paragraph)
    if (heading && !paragraph.includes('\n'))
      sections.push({ heading: (heading[1] ?? '').trim(), paragraphs: [] })
    else
      splitParagraph(paragraph, sections)
  }
  return sections
}

/** Running text with inline labels → the body format (heading paragraphs and text). */
export function sectionizeText(text: string): string {
  return formatBody(sectionsFromText(text))
}
