/**
 * A practice being drafted in the field, following the source site's "Template for collection of Good
 * practices": its fields, the rules a draft must meet to be ready, and its conversion into a catalogue record
 * (PracticeSchema), so a ready draft can be reviewed and added to catalogue/ as it is. Pure: no app code.
 */
import type { Period, Practice } from './schema'
import { slugify } from './slug'

/** What the form holds, as typed: years stay text so a half-typed one is kept (and flagged), never lost. */
export interface DraftFields {
  title: string
  city: string
  /** ISO 3166-1 alpha-2, or '' while none is chosen. */
  country: string
  periodFrom: string
  periodTo: string
  ongoing: boolean
  /** Taxonomy topic ids. */
  topics: string[]
  contactPerson: string
  contactOrganisation: string
  purpose: string
  /** Stimulus / rationale. */
  rationale: string
  /** What was done, by whom, with which partners and budget. */
  process: string
  /** Outcomes and evaluation. */
  outcomes: string
  /** Lessons and transferability. */
  lessons: string
  /** One http(s) address a line. */
  links: string
  /** BCP 47 tag of the text. */
  language: string
}

export type DraftField = keyof DraftFields

/** Why a field stops a draft from being ready; each maps to the message `drafts.problem.<code>`. */
type DraftProblem = 'required' | 'year' | 'year_order' | 'link' | 'too_long' | 'country' | 'topic'

type DraftProblems = Partial<Record<DraftField, DraftProblem>>

/**
 * What a reviewer needs to place and judge a practice: what it is, where, when, under which topics, why and
 * how. The rest (contact, rationale, outcomes, lessons, links) is welcome but often unknown during a visit.
 */
export const REQUIRED_FIELDS: readonly DraftField[] = ['title', 'city', 'country', 'periodFrom', 'topics', 'purpose', 'process', 'language']

/** The longest text each field takes; the catalogue's own limits where it has them (title 500, city 120). */
export const FIELD_LIMITS: Readonly<Record<DraftField, number>> = {
  title: 500,
  city: 120,
  country: 2,
  periodFrom: 4,
  periodTo: 4,
  ongoing: 1,
  topics: 30,
  contactPerson: 200,
  contactOrganisation: 300,
  purpose: 20_000,
  rationale: 20_000,
  process: 30_000,
  outcomes: 20_000,
  lessons: 20_000,
  links: 5_000,
  language: 20,
}

/** The fields in the template's order (the form's, the printed page's and the problem list's). */
const DRAFT_FIELD_ORDER: readonly DraftField[] = [
  'title', 'city', 'country', 'periodFrom', 'periodTo', 'ongoing', 'topics', 'language', 'contactPerson', 'contactOrganisation',
  'purpose', 'rationale', 'process', 'outcomes', 'lessons', 'links',
]

const MIN_YEAR = 1900
const MAX_YEAR = 2200

export function emptyDraftFields(language: string): DraftFields {
  return {
    title: '', city: '', country: '', periodFrom: '', periodTo: '', ongoing: false, topics: [], contactPerson: '',
    contactOrganisation: '', purpose: '', rationale: '', process: '', outcomes: '', lessons: '', links: '', language,
  }
}

/** A year as typed ("2019", " 2019 "), or undefined when it is not one between 1900 and 2200. */
function draftYear(text: string): number | undefined {
  const trimmed = text.trim()
  if (!/^\d{4}$/u.test(trimmed))
    return undefined
  const year = Number(trimmed)
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : undefined
}

/** The non-empty lines of the links field. */
function draftLinks(text: string): string[] {
  return text.split(/\r?\n/u).map(l => l.trim()).filter(l => l !== '')
}

/** An absolute http(s) address (the catalogue accepts no other scheme). */
export function isHttpLink(text: string): boolean {
  if (!/^https?:\/\//iu.test(text))
    return false
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  }
  catch {
    return false
  }
}

function isEmpty(fields: DraftFields, field: DraftField): boolean {
  const value = fields[field]
  return Array.isArray(value) ? value.length === 0 : typeof value === 'string' ? value.trim() === '' : false
}

function tooLong(fields: DraftFields, field: DraftField): boolean {
  const value = fields[field]
  return Array.isArray(value) ? value.length > FIELD_LIMITS[field] : typeof value === 'string' && value.length > FIELD_LIMITS[field]
}

interface ProblemOptions {
  /** The taxonomy's topic ids; a topic not among them is a problem. Absent: topics are not checked. */
  topicIds?: ReadonlySet<string>
  /** Whether an empty required field counts (a draft being typed shows only what is wrong, not what is missing). */
  requireAll?: boolean
}

/** Problems of the typed values: a year that is not one, periods the wrong way round, a link that is not http(s). */
function formatProblems(fields: DraftFields, opts: ProblemOptions): DraftProblems {
  const problems: DraftProblems = {}
  const from = draftYear(fields.periodFrom)
  const to = draftYear(fields.periodTo)
  if (fields.periodFrom.trim() && from === undefined)
    problems.periodFrom = 'year'
  if (!fields.ongoing && fields.periodTo.trim() && to === undefined)
    problems.periodTo = 'year'
  else if (!fields.ongoing && from !== undefined && to !== undefined && to < from)
    problems.periodTo = 'year_order'
  if (fields.country.trim() && !/^[A-Z]{2}$/u.test(fields.country))
    problems.country = 'country'
  if (draftLinks(fields.links).some(l => !isHttpLink(l)))
    problems.links = 'link'
  if (opts.topicIds && fields.topics.some(t => !opts.topicIds!.has(t)))
    problems.topics = 'topic'
  return problems
}

/** Every problem of a draft, one per field, in the template's order. */
export function draftProblems(fields: DraftFields, opts: ProblemOptions = {}): DraftProblems {
  const found = formatProblems(fields, opts)
  const problems: DraftProblems = {}
  for (const field of DRAFT_FIELD_ORDER) {
    const problem = found[field] ?? (tooLong(fields, field)
      ? 'too_long'
      : opts.requireAll !== false && REQUIRED_FIELDS.includes(field) && isEmpty(fields, field) ? 'required' : undefined)
    if (problem)
      problems[field] = problem
  }
  return problems
}

/** Ready to send: every required field filled and nothing wrong with any field. */
export function isDraftComplete(fields: DraftFields, opts: Omit<ProblemOptions, 'requireAll'> = {}): boolean {
  return Object.keys(draftProblems(fields, opts)).length === 0
}

/** The period in the catalogue's form; its text is the years alone ("2019–2022", "2019–"), which every reader parses. */
export function draftPeriod(fields: DraftFields): Period {
  const start = draftYear(fields.periodFrom)
  const end = fields.ongoing ? undefined : draftYear(fields.periodTo)
  if (start === undefined)
    return { text: '', ongoing: fields.ongoing }
  if (fields.ongoing)
    return { text: `${start}–`, start, ongoing: true }
  const last = end !== undefined && end >= start ? end : start
  return { text: last === start ? String(start) : `${start}–${last}`, start, end: last, ongoing: false }
}

/** The headings of the body's sections, in the language of the text. */
export interface DraftHeadings {
  purpose: string
  rationale: string
  process: string
  outcomes: string
  lessons: string
  contact: string
  links: string
}

/** The catalogue id a draft would get: country, city and title, as the importer makes ids. */
function draftPracticeId(fields: DraftFields): string {
  const slug = slugify(`${fields.country} ${fields.city} ${fields.title}`)
  return slug || 'draft'
}

/** Paragraphs of a typed text: blank lines separate them, line ends inside one become spaces. */
function paragraphs(text: string): string[] {
  return text.replace(/\r\n?/gu, '\n').split(/\n[ \t]*\n/u).map(p => p.replace(/\s*\n\s*/gu, ' ').trim()).filter(p => p !== '')
}

/** The practice's body: one "## Heading" section per filled field of the template. */
export function draftBody(fields: DraftFields, headings: DraftHeadings): string {
  const contact = [fields.contactPerson.trim(), fields.contactOrganisation.trim()].filter(Boolean).join(', ')
  const sections: [string, string[]][] = [
    [headings.purpose, paragraphs(fields.purpose)],
    [headings.rationale, paragraphs(fields.rationale)],
    [headings.process, paragraphs(fields.process)],
    [headings.outcomes, paragraphs(fields.outcomes)],
    [headings.lessons, paragraphs(fields.lessons)],
    [headings.contact, contact ? [contact] : []],
    [headings.links, draftLinks(fields.links)],
  ]
  return sections.filter(([, text]) => text.length > 0).flatMap(([heading, text]) => [`## ${heading.trim()}`, ...text]).join('\n\n')
}

const SUMMARY_LENGTH = 300

/** The purpose, cut at a word within 300 characters: what a card shows. */
function draftSummary(fields: DraftFields): string {
  const text = fields.purpose.replace(/\s+/gu, ' ').trim()
  if (text.length <= SUMMARY_LENGTH)
    return text
  const cut = text.slice(0, SUMMARY_LENGTH)
  const space = cut.lastIndexOf(' ')
  return `${(space > SUMMARY_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/u, '')}…`
}

/**
 * A draft as a catalogue record. The chosen topics go in `reviewerTopics` (topics a person chose, kept by
 * every crawl), `topics` is left to the site. Validate the result with checkPractice before offering it.
 */
export function draftToPractice(fields: DraftFields, updatedAt: string, headings: DraftHeadings): Practice {
  const id = draftPracticeId(fields)
  return {
    id,
    slug: id,
    title: fields.title.replace(/\s+/gu, ' ').trim(),
    country: fields.country,
    city: fields.city.replace(/\s+/gu, ' ').trim(),
    period: draftPeriod(fields),
    topics: [],
    reviewerTopics: [...new Set(fields.topics)],
    language: fields.language,
    summary: draftSummary(fields),
    body: draftBody(fields, headings),
    updatedAt,
  }
}
