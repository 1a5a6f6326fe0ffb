import { describe, expect, it } from 'vitest'
import { detectLanguage } from '../../src/catalogue/language'

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
