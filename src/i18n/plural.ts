/**
 * Plural choice from Intl.PluralRules. A plural message lists one form per category the language uses,
 * in CLDR order (zero, one, two, few, many, other): English "one | other", French "one | many | other",
 * Serbian "one | few | other". The category of the count picks the form.
 */
const CLDR_ORDER: Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other']

export function pluralCategories(tag: string): Intl.LDMLPluralRule[] {
  const used = new Set(new Intl.PluralRules(tag).resolvedOptions().pluralCategories)
  return CLDR_ORDER.filter(c => used.has(c))
}

/** The rule vue-i18n calls for a plural message; its Intl.PluralRules is built on first use, not at start. */
export function pluralRule(tag: string): (choice: number, choicesLength: number) => number {
  let rules: Intl.PluralRules | undefined
  let categories: Intl.LDMLPluralRule[] = []
  return (choice, choicesLength) => {
    if (!rules) {
      rules = new Intl.PluralRules(tag)
      categories = pluralCategories(tag)
    }
    const index = categories.indexOf(rules.select(Math.abs(choice)))
    // A message with fewer forms than the language has (a short, untranslated one) falls back to its last form.
    return Math.min(index < 0 ? categories.length - 1 : index, choicesLength - 1)
  }
}
