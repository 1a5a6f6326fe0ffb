/**
 * One draft being edited: loaded once from IndexedDB into a form model, saved back as it is typed
 * (useDraftAutosave), its problems in the interface language, and its "ready" mark.
 */
import { computed, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { draftProblems, isDraftComplete, type DraftField, type DraftFields } from '../catalogue/draft'
import { db } from '../db'
import { getDraft, saveDraftFields, setDraftReady, type Draft } from '../db/drafts'
import { useDraftAutosave } from './useDraftAutosave'

/** Where each field's problem links to: the control itself, or the group that holds it. */
const FIELD_TARGETS: Readonly<Record<DraftField, string>> = {
  title: 'draft-title', city: 'draft-city', country: 'draft-country', periodFrom: 'draft-period-from', periodTo: 'draft-period-to',
  ongoing: 'draft-period-from', topics: 'draft-topics', language: 'draft-language', contactPerson: 'draft-contact-person',
  contactOrganisation: 'draft-contact-organisation', purpose: 'draft-purpose', rationale: 'draft-rationale', process: 'draft-process',
  outcomes: 'draft-outcomes', lessons: 'draft-lessons', links: 'draft-links',
}

/** The message key of a field's label. */
const FIELD_LABELS: Readonly<Record<DraftField, string>> = {
  title: 'title', city: 'city', country: 'country', periodFrom: 'period_from', periodTo: 'period_to', ongoing: 'ongoing', topics: 'topics',
  language: 'language', contactPerson: 'contact_person', contactOrganisation: 'contact_organisation', purpose: 'purpose',
  rationale: 'rationale', process: 'process', outcomes: 'outcomes', lessons: 'lessons', links: 'links',
}

export function useDraftEditor(id: string, topicIds: () => ReadonlySet<string>) {
  const { t } = useI18n()
  /** undefined while loading, null when the draft is not on this device. */
  const draft = shallowRef<Draft | null | undefined>()
  const fields = ref<DraftFields>()
  const readyAt = ref<string | undefined>()
  /** The user asked to mark it ready: from then on, missing fields are shown as problems too. */
  const attempted = ref(false)

  void getDraft(db, id).then((found) => {
    draft.value = found ?? null
    fields.value = found ? { ...found.fields, topics: [...found.fields.topics] } : undefined
    readyAt.value = found?.readyAt
  }, (error: unknown) => {
    console.error(error)
    draft.value = null
  })

  const autosave = useDraftAutosave(fields, async (value) => {
    await saveDraftFields(db, id, value)
  })

  // With no catalogue on the device yet the topics are unknown, so chosen ones cannot be checked.
  const checkOptions = () => (topicIds().size ? { topicIds: topicIds() } : {})
  const complete = computed(() => fields.value !== undefined && isDraftComplete(fields.value, checkOptions()))
  const ready = computed(() => readyAt.value !== undefined && complete.value)
  const problems = computed(() => fields.value
    ? draftProblems(fields.value, { ...checkOptions(), requireAll: attempted.value || readyAt.value !== undefined })
    : {})
  const errors = computed(() => Object.fromEntries(Object.entries(problems.value).map(([field, code]) => [field, t(`drafts.problem.${code}`)])) as Partial<Record<DraftField, string>>)
  const problemLinks = computed(() => Object.entries(problems.value).map(([field, code]) => ({
    target: FIELD_TARGETS[field as DraftField],
    text: `${t(`drafts.field.${FIELD_LABELS[field as DraftField]}`)}: ${t(`drafts.problem.${code}`)}`,
  })))

  /** Marks the draft ready when it is complete; false (and every problem shown) when it is not. */
  async function markReady(): Promise<boolean> {
    attempted.value = true
    if (!complete.value)
      return false
    await autosave.flush()
    const now = new Date()
    await setDraftReady(db, id, now)
    readyAt.value = now.toISOString()
    return true
  }

  async function keepEditing(): Promise<void> {
    await setDraftReady(db, id, undefined)
    readyAt.value = undefined
  }

  return { draft, fields, autosave, complete, ready, errors, problemLinks, attempted, markReady, keepEditing }
}
