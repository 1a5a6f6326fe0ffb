/** A draft's facts as labelled lines in the interface language: for the printed page and the e-mail. */
import { useI18n } from 'vue-i18n'
import { draftPeriod, type DraftFields } from '../catalogue/draft'
import { useCatalogueStore } from '../stores/catalogue'
import { useFormat } from './useFormat'
import { usePeriod } from './usePeriod'

interface DraftDetail {
  label: string
  value: string
}

export function useDraftDetails() {
  const { t, locale } = useI18n()
  const format = useFormat()
  const period = usePeriod()
  const catalogue = useCatalogueStore()

  function details(fields: DraftFields): DraftDetail[] {
    const p = draftPeriod(fields)
    return [
      { label: t('drafts.field.city'), value: fields.city.trim() },
      { label: t('drafts.field.country'), value: fields.country ? format.countryName(fields.country) : '' },
      { label: t('drafts.field.period'), value: p.start === undefined ? '' : period(p) },
      { label: t('drafts.field.topics'), value: fields.topics.map(id => catalogue.topicName(id, locale.value)).join(', ') },
      { label: t('drafts.field.language'), value: fields.language ? format.languageName(fields.language) : '' },
      { label: t('drafts.field.contact_person'), value: fields.contactPerson.trim() },
      { label: t('drafts.field.contact_organisation'), value: fields.contactOrganisation.trim() },
    ]
  }

  /** The same as "Label: value" lines, the empty ones left out. */
  function lines(fields: DraftFields): string[] {
    return details(fields).filter(d => d.value).map(d => `${d.label}: ${d.value}`)
  }

  return { details, lines }
}
