/**
 * Sending a ready draft: the catalogue record (validated by the catalogue's own schema, its headings in the
 * language of the text), downloaded alone or zipped with the photos, shared, or e-mailed: as text when it fits
 * in a mailto: link, else with the file to attach saved as the e-mail opens.
 */
import { computed, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { draftToPractice, type DraftFields, type DraftHeadings } from '../catalogue/draft'
import { checkPractice, type Practice } from '../catalogue/schema'
import { useLazyMessages } from '../i18n/lazyMessages'
import { downloadBlob } from './download'
import { draftMail, photoFiles, practiceFileName, practiceFileText, practicePlainText, shareFiles, submissionZip } from './draftSubmission'

const HEADINGS = ['purpose', 'rationale', 'process', 'outcomes', 'lessons', 'contact', 'links'] as const

function canShareFiles(): boolean {
  try {
    return typeof navigator.canShare === 'function' && navigator.canShare({ files: [new File(['{}'], 'draft.json', { type: 'application/json' })] })
  }
  catch {
    return false
  }
}

interface SendingOptions {
  fields: Ref<DraftFields | undefined>
  photos: () => readonly { blob: Blob }[]
  mailTo: () => string
  details: () => string[]
}

/** The e-mail of the draft being edited, to the address kept in Settings (none without one). */
function useDraftMail(opts: SendingOptions, headings: Ref<DraftHeadings>) {
  const { t } = useI18n()
  return computed(() => {
    const to = opts.mailTo()
    const fields = opts.fields.value
    if (!to || !fields)
      return undefined
    const record = draftToPractice(fields, '', headings.value)
    const details = opts.details()
    return draftMail({
      to,
      subject: t('drafts.mail_subject', { title: record.title }),
      body: practicePlainText(record, details),
      shortBody: file => [record.title, ...details, '', t('drafts.email_attach', { file })].join('\n'),
      practiceId: record.id,
      photos: opts.photos().length,
    })
  })
}

export function useDraftSending(opts: SendingOptions) {
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

  const mail = useDraftMail(opts, headings)

  /** As the e-mail opens: the file it says to attach is saved on the device. */
  async function saveMailFile(): Promise<void> {
    if (!mail.value?.file)
      return
    if (mail.value.file.endsWith('.zip'))
      await downloadZip()
    else
      downloadJson()
  }

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

  return { shareable, notice, mailHref: computed(() => mail.value?.href), mailFile: computed(() => mail.value?.file), saveMailFile, downloadJson, downloadZip, share }
}
