import { describe, expect, it } from 'vitest'
import { formatBody, sectionizeText, splitSections, startsWithSectionLabel } from '../../src/catalogue/body'

describe('splitSections / formatBody', () => {
  const body = 'Intro text.\n\n## Purpose\n\nFirst.\n\nSecond.\n\n## Impact\n\nThird.'
  const sections = [
    { paragraphs: ['Intro text.'] },
    { heading: 'Purpose', paragraphs: ['First.', 'Second.'] },
    { heading: 'Impact', paragraphs: ['Third.'] },
  ]

  it('splits a body into sections', () => {
    expect(splitSections(body)).toEqual(sections)
  })

  it('formats sections back into the same body', () => {
    expect(formatBody(sections)).toBe(body)
    expect(formatBody(splitSections(body))).toBe(body)
  })

  it('tolerates CRLF, extra blank lines and a heading with no text', () => {
    expect(splitSections('## A\r\n\r\n\r\n## B\r\n\r\ntext\r\n')).toEqual([
      { heading: 'A', paragraphs: [] },
      { heading: 'B', paragraphs: ['text'] },
    ])
    expect(splitSections('')).toEqual([])
  })

  it('does not treat "##" inside a paragraph or "###" as a heading', () => {
    expect(splitSections('Use ## sparingly\n\n###Not a heading')).toEqual([{ paragraphs: ['Use ## sparingly', '###Not a heading'] }])
  })
})

describe('sectionizeText', () => {
  it.each([
    [
      'Purpose: Therapeutic hospitality for refugees Process: Melitopol has taken in many IDPs. Impact: Smiles.',
      '## Purpose\n\nTherapeutic hospitality for refugees\n\n## Process\n\nMelitopol has taken in many IDPs.\n\n## Impact\n\nSmiles.',
    ],
    [
      'Purpose: Ensuring inclusive public services for newcomers Stimulus/Rationale: The strategy is based on everyone.',
      '## Purpose\n\nEnsuring inclusive public services for newcomers\n\n## Stimulus/Rationale\n\nThe strategy is based on everyone.',
    ],
    ['Concept Mexico City has established an infrastructure.', '## Concept\n\nMexico City has established an infrastructure.'],
    [
      'Ciljane inicijative za podatke o jednakosti Svrha: Opština Oslo je pokrenula inicijativu. Proces: Rad. Uticaj: Veliki. Cilj: Jednakost.',
      'Ciljane inicijative za podatke o jednakosti\n\n## Svrha\n\nOpština Oslo je pokrenula inicijativu.\n\n## Proces\n\nRad.\n\n## Uticaj\n\nVeliki.\n\n## Cilj\n\nJednakost.',
    ],
    ['Objectif : Favoriser la rencontre. Processus : Des ateliers.', '## Objectif\n\nFavoriser la rencontre.\n\n## Processus\n\nDes ateliers.'],
  ])('%j', (text, body) => {
    expect(sectionizeText(text)).toBe(body)
  })

  it('leaves ordinary colons alone', () => {
    const text = 'The plan includes the idea to: “encourage exchanges”. It used the following methods: surveys and focus groups.'
    expect(sectionizeText(text)).toBe(text)
  })

  it('needs the label capitalised, and "Concept" without a colon only at the start', () => {
    expect(sectionizeText('Our purpose: to help.')).toBe('Our purpose: to help.')
    expect(sectionizeText('A new Concept Store opened.')).toBe('A new Concept Store opened.')
  })

  it('keeps paragraphs, and text after a labelled paragraph stays in its section', () => {
    expect(splitSections(sectionizeText('Intro.\n\nPurpose: One.\n\nTwo.'))).toEqual([
      { paragraphs: ['Intro.'] },
      { heading: 'Purpose', paragraphs: ['One.', 'Two.'] },
    ])
  })
})

describe('section labels of the other site languages', () => {
  it.each([
    ['Qëllimi: Fqinjët takohen. Procesi: Çdo javë.', '## Qëllimi\n\nFqinjët takohen.\n\n## Procesi\n\nÇdo javë.'],
    ['Tarkoitus: Naapurit tapaavat.', '## Tarkoitus\n\nNaapurit tapaavat.'],
  ])('%j', (text, body) => {
    expect(sectionizeText(text)).toBe(body)
  })

  it('tells whether a text opens with a label', () => {
    expect(startsWithSectionLabel('Purpose: x')).toBe(true)
    expect(startsWithSectionLabel('  Svrha:  x')).toBe(true)
    expect(startsWithSectionLabel('Concept Mexico City has')).toBe(true)
    expect(startsWithSectionLabel('The purpose: x')).toBe(false)
  })
})
