import { describe, expect, it } from 'vitest'
import { detectLanguage, guessLanguage, resolveLanguage } from '../../src/catalogue/language'

describe('detectLanguage', () => {
  it.each([
    ['en', 'Purpose: A game to raise awareness of rumours and stereotypes that negatively affect coexistence in Bilbao.'],
    ['fr', 'Le programme vise à favoriser la participation des habitants dans les quartiers et la lutte contre les discriminations.'],
    ['es', 'Un juego para sensibilizar sobre los rumores y estereotipos que afectan negativamente a la convivencia en Bilbao.'],
    ['it', 'Il progetto promuove la partecipazione dei cittadini e il dialogo tra le comunità della città.'],
    ['pt', 'Uma plataforma online que promove o empreendedorismo e a internacionalização das empresas locais da cidade.'],
    ['de', 'Das Programm fördert die Teilhabe der Bewohner und den Dialog zwischen den Gemeinschaften der Stadt.'],
    ['sr-Latn', 'Podaci o jednakosti su od ključnog značaja i značajnog interesa za sve one koji su uključeni u ovu inicijativu.'],
    ['sr-Cyrl', 'Подаци о једнакости су од кључног значаја за све оне који су укључени у ову иницијативу.'],
    ['uk', 'Мелітополь прийняв дуже багато внутрішньо переміщених осіб, і місто підтримує їх інтеграцію.'],
  ])('%s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang)
  })

  it('falls back to English when there is nothing to go on', () => {
    expect(detectLanguage('')).toBe('en')
    expect(detectLanguage('2020 #BCNvsODI')).toBe('en')
  })

  it('is not swayed by a French name inside English text', () => {
    expect(detectLanguage('The City of Geneva funds and works with the Centre – Écoute contre le Racisme (C-ECR), which defends people affected by racism.')).toBe('en')
  })
})

describe('resolveLanguage', () => {
  const english = 'The city council works with the schools and the libraries of the district to welcome the families that arrive in the city.'
  it('lets clear text overrule the address (English content under /fr/)', () => {
    expect(resolveLanguage(english, 'fr')).toBe('en')
    expect(guessLanguage(english).sure).toBe(true)
  })

  it('takes the address when the text is too short to tell', () => {
    expect(guessLanguage('Kaupunki').sure).toBe(false)
    expect(resolveLanguage('Kaupunki ja koulut', 'fi')).toBe('fi')
    expect(resolveLanguage('Anti-Rumour Web App', 'fr')).toBe('fr')
    expect(resolveLanguage('Anti-Rumour Web App')).toBe('en')
  })

  it('reads the Serbian script from the text', () => {
    expect(resolveLanguage('Међународна сарадња', 'sr')).toBe('sr-Cyrl')
    expect(resolveLanguage('Međunarodna saradnja', 'sr')).toBe('sr-Latn')
  })
})
