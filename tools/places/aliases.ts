/**
 * Other names of one place, by country: English exonyms, local names, former names, a municipality's
 * name where GeoNames names its seat. The gazetteer package carries one name per place (GeoNames'
 * English one for capitals, the local one elsewhere: "Copenhagen" but "Genève"), not GeoNames' alternate
 * names, so the names the source site uses are listed here in both directions. Folded with nameKey on use.
 */
export const CITY_ALIASES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  AT: [['Vienna', 'Wien']],
  BE: [['Antwerp', 'Antwerpen', 'Anvers'], ['Ghent', 'Gent', 'Gand'], ['Bruges', 'Brugge'], ['Brussels', 'Bruxelles', 'Brussel'], ['Liège', 'Luik']],
  CH: [['Geneva', 'Genève', 'Genf'], ['Zurich', 'Zürich'], ['Lucerne', 'Luzern'], ['Bern', 'Berne']],
  CZ: [['Prague', 'Praha']],
  DE: [['Munich', 'München'], ['Cologne', 'Köln'], ['Nuremberg', 'Nürnberg'], ['Hanover', 'Hannover']],
  DK: [['Copenhagen', 'København']],
  ES: [['Seville', 'Sevilla'], ['Saragossa', 'Zaragoza'], ['San Sebastián', 'Donostia'], ['A Coruña', 'Corunna', 'La Coruña'], ['Castellón', 'Castellón de la Plana', 'Castelló de la Plana'], ['Tenerife', 'Santa Cruz de Tenerife']],
  GB: [['Camden', 'Camden Town']],
  GR: [['Athens', 'Athína'], ['Thessaloniki', 'Thessaloníki'], ['Patras', 'Pátra']],
  // The package names Irish towns in Irish.
  IE: [['Galway', 'Gaillimh'], ['Limerick', 'Luimneach'], ['Kilkenny', 'Cill Chainnigh'], ['Sligo', 'Sligeach'], ['Dundalk', 'Dún Dealgan'], ['Tralee', 'Trá Lí'], ['Wexford', 'Loch Garman'], ['Athlone', 'Baile Átha Luain'], ['Letterkenny', 'Leitir Ceanainn'], ['Ennis', 'Inis']],
  IT: [['Turin', 'Torino'], ['Milan', 'Milano'], ['Florence', 'Firenze'], ['Naples', 'Napoli'], ['Venice', 'Venezia'], ['Genoa', 'Genova'], ['Padua', 'Padova'], ['Rome', 'Roma']],
  MA: [['Tangier', 'Tanger', 'Tangiers']],
  MX: [['Mexico City', 'Mexico', 'Ciudad de México', 'CDMX']],
  NL: [['The Hague', 'Den Haag', '\'s-Gravenhage']],
  PL: [['Warsaw', 'Warszawa'], ['Cracow', 'Kraków']],
  PT: [['Lisbon', 'Lisboa'], ['Oporto', 'Porto'], ['Santa Maria da Feira', 'Feira']],
  RS: [['Belgrade', 'Beograd']],
  SE: [['Gothenburg', 'Göteborg'], ['Botkyrka', 'Tumba']],
  UA: [['Kyiv', 'Kiev'], ['Lviv', 'Lvov', 'Lwów'], ['Kharkiv', 'Kharkov']],
}
