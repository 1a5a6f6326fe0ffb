/**
 * Sending a ready draft: the catalogue record (validated by the catalogue's own schema, its headings in the
 * language of the text), downloaded alone or zipped with the photos, shared, or e-mailed as text.
 */
import { computed, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { draftToPractice, type DraftFields, type DraftHeadings } from '../catalogue/draft'
import { checkPractice, type Practice } from '../catalogue/schema'
import { useLazyMessages } from '../i18n/lazyMessages'
import { downloadBlob } from './download'
import { mailtoHref, photoFiles, practiceFileName, practiceFileText, practicePlainText, shareFiles, submissionZip } from './draftSubmission'

const HEADINGS = ['purpose', 'rationale', 'process', 'outcomes', 'lessons', 'contact', 'links'] as const

function canShareFiles(): boolean {
  try {
    return typeof navigator.canShare === 'function' && navigator.canShare({ files: [new File(['{}'], 'draft.json', { type: 'application/json' })] })
  }
  catch {
    return false
  }
}

export function useDraftSending(opts: { fields: Ref<DraftFields | undefined>, photos: () => readonly { blob: Blob }[], mailTo: () => string, details: () => string[] }) {
  const { t } = useI18n()
  const { loadLanguage } = useLazyMessages('drafts')
  /** The language whose headings are loaded: the text's once its messages are in. */
  const headingLocale = ref('en')
  const notice = ref('')
  const shareable = canShareFiles()

  watch(() => opts.fields.value?.language, async (tag) => {
    if (!tag)
      return
    await loadLanguage(tag).catch(() => undefined)
    headingLocale.value = tag
  }, { immediate: true })

  // The template's headings are the form's labels; only the contact section has a heading of its own.
  const headings = computed(() => Object.fromEntries(HEADINGS.map(h => [h, t(h === 'contact' ? 'drafts.heading_contact' : `drafts.field.${h}`, {}, { locale: headingLocale.value })])) as unknown as DraftHeadings)

  function practice(): Practice | undefined {
    const fields = opts.fields.value
    if (!fields)
      return undefined
    const checked = checkPractice(draftToPractice(fields, new Date().toISOString(), headings.value))
    if (checked.ok)
      return checked.practice
    notice.value = t('drafts.invalid_record', { detail: checked.issues.map(i => `${i.path}: ${i.message}`).join('; ') })
    return undefined
  }

  const mailHref = computed(() => {
    const to = opts.mailTo()
    const fields = opts.fields.value
    if (!to || !fields)
      return undefined
    const record = draftToPractice(fields, '', headings.value)
    return mailtoHref(to, t('drafts.mail_subject', { title: record.title }), practicePlainText(record, opts.details()))
  })

  function downloadJson(): void {
    const p = practice()
    if (p)
      downloadBlob(new Blob([practiceFileText(p)], { type: 'application/json' }), practiceFileName(p))
  }

  async function downloadZip(): Promise<void> {
    const p = practice()
    if (p)
      downloadBlob(await submissionZip(p, opts.photos()), `${p.id}.zip`)
  }

  async function share(): Promise<void> {
    const p = practice()
    if (!p)
      return
    const files = [new File([practiceFileText(p)], practiceFileName(p), { type: 'application/json' }), ...await photoFiles(p.id, opts.photos())]
    const outcome = await shareFiles(files, p.title, practicePlainText(p, opts.details()))
    notice.value = outcome === 'failed' || outcome === 'unsupported' ? t('drafts.share_failed') : ''
  }

  return { shareable, notice, mailHref, downloadJson, downloadZip, share }
}
