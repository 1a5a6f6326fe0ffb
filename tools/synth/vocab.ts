/**
 * Word lists for synthetic practices: content words per language in rough order of frequency (the generator
 * draws them Zipf-like, so the first words are the most common), function words, section headings, and the
 * countries and cities of the Intercultural Cities network. Diacritics and Cyrillic are deliberate.
 */

const split = (s: string): string[] => s.trim().split(/\s+/)

export const EN_CONTENT = split(`
intercultural city community diversity integration inclusion residents migrants project programme people local
cities council network strategy policy participation dialogue social cultural public support activities young
services municipality citizens refugees education training school children women youth group groups development
action plan migrant background integration equal equality access information campaign workshops neighbourhood
cooperation partners organisations association civil society volunteers staff employment work jobs housing
health language languages learning mediation conflict discrimination racism rumours anti-rumour agents network
leadership commitment political representation newcomers welcome welcoming centre center events festival
festivals culture heritage arts music theatre sport sports library libraries museum exhibition media
communication awareness stories storytelling survey data research evaluation results impact outcomes process
purpose approach model method tools guide toolkit framework indicators monitoring assessment funding budget
european council europe index members cohesion trust belonging identity identities religion religious
interfaith faith roma minorities minority national ethnic origin origins gender intersectional lgbti disability
elderly families family parents mothers fathers students teachers pupils university universities schools
classes courses sessions meetings forum forums platform platforms website online digital app campaign
campaigns messages message public space spaces squares parks streets district districts area areas urban
planning regeneration mixed housing estates social housing tenants landlords employment business businesses
entrepreneurs entrepreneurship market markets economy economic skills recognition qualifications job seekers
unemployed labour labor internships mentoring mentors coaching advice counselling legal rights residence
citizenship naturalisation voting vote elections councillors advisory board boards committee consultation
consultations participatory budgeting co-creation co-design codesign design implementation pilot pilots
phase phases year years month months week weeks day days team teams officer officers department departments
police safety security justice crime prevention hate speech violence victims protection shelter shelters
asylum seekers unaccompanied minors reception accommodation orientation interpreters interpretation translation
translators bilingual multilingual multilingualism mother tongue tongues dialect literacy reading writing
books stories histories history memory memories remembrance migration mobility movement borders border
international twinning exchange exchanges visits study visit delegation delegations peer learning good practice
practices examples example lessons learned challenges challenge barriers barrier needs need opportunities
opportunity resources resource capacity capacities competence competences intercultural-competence awareness-raising
training-sessions staff-training officials civil servants frontline workers professionals health-care
healthcare doctors nurses hospitals clinic clinics mental wellbeing well-being care carers social-workers
welfare benefits poverty exclusion inequality inequalities segregation desegregation integration-policy
newcomer arrival arrivals first steps guidance helpdesk one-stop-shop office offices information-point
neighbours neighbourly neighbourhoods local-level grassroots bottom-up top-down partnership partnerships
stakeholders stakeholder actors networks networking collaboration collaborative cross-sector intersectoral
innovation innovative creative creativity artists artist performance performances concert concerts dance
food cooking kitchen dinner meals shared table tables gardens garden urban-gardening environment climate green
sustainability sustainable transport mobility-plan accessibility accessible barrier-free inclusive
inclusive-city open openness hospitality solidarity respect tolerance understanding mutual recognition
contact contacts encounters encounter interaction interactions relationships relationship bridges bridge
building builders ambassadors ambassador champions champion coordinators coordinator facilitators facilitator
mediators mediator intercultural-mediators community-mediators cultural-mediators health-mediators
school-mediators roma-mediators outreach door-to-door street-work street workers hubs hub space-sharing
refugee-reception resettlement relocation temporary protection ukrainians ukrainian displaced persons war
crisis crises emergency response pandemic covid-19 lockdown recovery resilience resilient preparedness
communication-campaign social-media newsletter radio television journalists journalism press articles
brochure brochures leaflets posters videos video film films documentary photography photographs portraits
exhibition-space gallery galleries murals street-art graffiti mural public-art sculpture installation
celebration celebrations day-of festival-of week-of month-of holiday holidays ramadan iftar christmas easter
diwali hanukkah new-year calendar intercultural-calendar religions churches mosques synagogues temples
worship places-of-worship interreligious inter-religious dialogue-groups round-tables roundtable
debates debate discussions discussion conversations conversation circles circle listening voices voice
participants participant beneficiaries beneficiary users user target targets audience audiences reach
feedback questionnaire questionnaires interviews interview focus-groups methodology baseline benchmark
benchmarking measuring measurement statistics numbers figures percent percentage increase decrease growth
success successful effective effectiveness efficient efficiency quality standards standard guidelines
charter declaration commitment-letter agreement agreements memorandum protocol protocols regulation regulations
law laws legislation ordinance municipal regional national-level state government ministry ministries
agency agencies institute institutes foundation foundations ngo ngos non-governmental volunteers-network
youth-council children-council student-council parents-association women-association diaspora diasporas
associations federations clubs club sports-clubs football basketball cricket running swimming tournament
tournaments league games playground playgrounds afterschool after-school homework tutoring summer camp camps
preschool kindergarten kindergartens early childhood nursery adult adults lifelong courses-for evening
vocational apprenticeships apprenticeship trainees graduates career careers recruitment diversity-management
workforce employer employers hr human-resources diversity-charter procurement suppliers social-clauses
contracts tender tenders public-procurement budgeting costs cost euro euros funds fund grant grants
sponsorship sponsors donors donations crowdfunding fundraising volunteering volunteer time hours
coordination coordinating cross-department mainstreaming mainstream strategy-2030 action-plan roadmap vision
mission values principles principle objectives objective goals goal aims aim targets priorities priority
areas-of-work pillars pillar axis axes themes theme topics topic issues issue questions question answers
answer solutions solution problems problem tensions tension conflicts mediation-service conflict-resolution
restorative circles-of peacebuilding peace reconciliation cohesion-programme living together coexistence
convivencia vivre-ensemble interkulturell integration-council migrants-council foreigners foreign-born
third-country nationals non-nationals expats expatriates internationals international-students scholars
researchers academics academic studies study report reports publication publications handbook manual
curriculum curricula lesson lessons-plans teaching teachers-training pedagogy pedagogical antiracist
anti-racist antidiscrimination anti-discrimination equality-body ombudsman complaints complaint reporting
hotline helpline support-line legal-aid lawyers counsellors psychologists psychosocial trauma therapy
`)

export const EN_FUNCTION = split(`
the the the the of of of and and and to to in in a a for with on by as is are was were be that this
their its from at which also has have been it they through more all new other each such between within
about into both our these who will can over not but how many most among during while where when than
`)

export const FR_CONTENT = split(`
ville interculturelle communauté diversité intégration inclusion habitants migrants projet programme
personnes locale réseau stratégie politique participation dialogue sociale culturelle public soutien
activités jeunes services municipalité citoyens réfugiés éducation formation école enfants femmes jeunesse
groupe développement plan égalité accès information campagne ateliers quartier coopération partenaires
associations société civile bénévoles emploi travail logement santé langue langues apprentissage médiation
conflit discrimination racisme rumeurs antirumeurs agents direction engagement représentation nouveaux
arrivants accueil centre événements festival culture patrimoine arts musique théâtre sport bibliothèque
musée exposition médias communication sensibilisation histoires enquête données recherche évaluation
résultats impact processus objectif approche modèle méthode outils guide cohésion confiance appartenance
identité religion religieux interreligieux minorités origine genre handicap familles parents élèves
enseignants université cours séances réunions forum plateforme numérique espace espaces places parcs
rues arrondissement urbain urbanisme rénovation économie compétences reconnaissance qualifications
chômeurs stages mentorat conseil droits séjour citoyenneté vote élections conseillers comité consultation
budget participatif coconstruction mise œuvre étape année années mois semaine équipe service police
sécurité justice prévention haine violence victimes protection hébergement demandeurs asile mineurs
non-accompagnés interprètes traduction bilingue plurilinguisme lecture écriture livres mémoire migration
échanges visites apprentissage-entre-pairs bonnes pratiques leçons défis obstacles besoins ressources
capacités fonctionnaires travailleurs professionnels soins santé-mentale bien-être pauvreté exclusion
inégalités ségrégation voisins voisinage partenariats acteurs collaboration innovation créativité artistes
spectacle concert danse cuisine repas jardins environnement durable mobilité accessibilité ouverture
hospitalité solidarité respect tolérance compréhension rencontres interactions relations ponts ambassadeurs
médiateurs médiatrices coordinateurs proximité crise urgence pandémie relance résilience journalistes presse
brochures affiches vidéos films documentaire photographies fresques célébrations fête calendrier églises
mosquées synagogues lieux culte débats discussions participants bénéficiaires publics retours questionnaires
entretiens méthodologie statistiques réussite efficacité qualité charte déclaration accord règlement loi
gouvernement ministère agence fondation fédérations clubs football tournoi soutien-scolaire été colonies
petite enfance adultes professionnelle apprentis recrutement employeurs marchés-publics coûts euros fonds
subventions bénévolat coordination feuille-de-route vision valeurs principes objectifs priorités thèmes
questions solutions problèmes tensions conflits paix réconciliation vivre-ensemble étrangers ressortissants
chercheurs étude rapport publication manuel pédagogie antiraciste plaintes signalement écoute juridique
psychologues traumatisme
`)

export const FR_FUNCTION = split(`
le la les de de des du un une et et en à au aux dans pour par sur avec est sont que qui ce cette ces
leur leurs plus entre aussi ont a été
`)

export const ES_CONTENT = split(`
ciudad intercultural comunidad diversidad integración inclusión vecinos migrantes proyecto programa personas
local red estrategia política participación diálogo social cultural público apoyo actividades jóvenes
servicios ayuntamiento ciudadanía refugiados educación formación escuela niños mujeres juventud grupo
desarrollo plan igualdad acceso información campaña talleres barrio cooperación socios asociaciones sociedad
voluntarios empleo trabajo vivienda salud lengua idiomas aprendizaje mediación conflicto discriminación
racismo rumores antirumores agentes liderazgo compromiso representación acogida centro eventos fiesta
cultura patrimonio artes música teatro deporte biblioteca museo exposición medios comunicación
sensibilización historias encuesta datos investigación evaluación resultados impacto proceso propósito
enfoque modelo método herramientas guía cohesión confianza pertenencia identidad religión minorías origen
género discapacidad familias padres alumnos profesores universidad cursos sesiones reuniones foro plataforma
espacio plazas parques calles distrito urbano urbanismo economía competencias reconocimiento desempleados
prácticas mentoría asesoría derechos residencia ciudadanos voto elecciones concejales comité consulta
presupuestos participativos cocreación implementación año años mes semana equipo policía seguridad justicia
prevención odio violencia víctimas protección albergue solicitantes asilo menores intérpretes traducción
bilingüe lectura escritura libros memoria migración intercambios visitas buenas prácticas lecciones retos
barreras necesidades recursos capacidades funcionarios trabajadores profesionales pobreza exclusión
desigualdad segregación vecindario convivencia alianzas actores colaboración innovación creatividad artistas
danza cocina comida huertos medio ambiente sostenible movilidad accesibilidad apertura hospitalidad
solidaridad respeto tolerancia encuentros interacciones relaciones puentes embajadores mediadores
coordinadores crisis emergencia pandemia recuperación periodistas prensa folletos carteles vídeos murales
celebraciones calendario iglesias mezquitas debates participantes beneficiarios cuestionarios entrevistas
estadísticas éxito calidad carta declaración acuerdo ordenanza gobierno ministerio agencia fundación
federaciones clubes fútbol torneo verano infancia adultos aprendices contratación empleadores costes euros
fondos subvenciones voluntariado coordinación hoja-de-ruta visión valores principios objetivos prioridades
Besós
`)

export const ES_FUNCTION = split(`el la los las de de del y y en en un una que por para con se su sus al es como más entre también`)

export const IT_CONTENT = split(`
città interculturale comunità diversità integrazione inclusione abitanti migranti progetto programma persone
locale rete strategia politica partecipazione dialogo sociale culturale pubblico sostegno attività giovani
servizi comune cittadini rifugiati istruzione formazione scuola bambini donne gioventù gruppo sviluppo piano
uguaglianza accesso informazione campagna laboratori quartiere cooperazione partner associazioni società
volontari occupazione lavoro abitazione salute lingua lingue apprendimento mediazione conflitto
discriminazione razzismo dicerie antidicerie agenti impegno rappresentanza accoglienza centro eventi festa
cultura patrimonio arti musica teatro sport biblioteca museo mostra media comunicazione sensibilizzazione
storie indagine dati ricerca valutazione risultati impatto processo scopo approccio modello metodo strumenti
guida coesione fiducia appartenenza identità religione minoranze origine genere disabilità famiglie genitori
alunni insegnanti università corsi incontri forum piattaforma spazio piazze parchi strade urbano economia
competenze riconoscimento disoccupati tirocini tutoraggio diritti cittadinanza voto elezioni consiglieri
comitato consultazione bilancio partecipativo anno anni mese settimana squadra polizia sicurezza giustizia
prevenzione odio violenza vittime protezione richiedenti asilo minori interpreti traduzione bilingue
lettura libri memoria migrazione scambi visite buone pratiche sfide barriere bisogni risorse operatori
professionisti povertà esclusione disuguaglianze segregazione vicinato convivenza alleanze collaborazione
innovazione creatività artisti danza cucina cibo orti ambiente sostenibile mobilità accessibilità apertura
ospitalità solidarietà rispetto tolleranza incontro relazioni ponti ambasciatori mediatori coordinatori
crisi emergenza pandemia ripresa giornalisti stampa opuscoli manifesti video murales celebrazioni chiese
moschee dibattiti partecipanti beneficiari questionari interviste statistiche successo qualità carta
dichiarazione accordo regolamento governo ministero agenzia fondazione federazioni calcio torneo estate
infanzia adulti apprendisti assunzioni datori costi euro fondi contributi volontariato coordinamento visione
valori principi obiettivi priorità Forlì perché più già
`)

export const IT_FUNCTION = split(`il lo la i gli le di di del della dei e e in un una che per con da nel nella su al alla sono più tra anche`)

export const DE_CONTENT = split(`
Stadt interkulturelle Gemeinschaft Vielfalt Integration Inklusion Bewohner Migranten Projekt Programm
Menschen lokale Netzwerk Strategie Politik Teilhabe Dialog soziale kulturelle öffentliche Unterstützung
Aktivitäten Jugendliche Dienste Gemeinde Bürger Geflüchtete Bildung Schulung Schule Kinder Frauen Jugend
Gruppe Entwicklung Plan Gleichstellung Zugang Information Kampagne Workshops Nachbarschaft Zusammenarbeit
Partner Vereine Zivilgesellschaft Ehrenamtliche Beschäftigung Arbeit Wohnen Gesundheit Sprache Sprachen
Lernen Mediation Konflikt Diskriminierung Rassismus Gerüchte Agenten Führung Engagement Vertretung
Neuankömmlinge Willkommen Zentrum Veranstaltungen Fest Kultur Erbe Künste Musik Theater Sport Bibliothek
Museum Ausstellung Medien Kommunikation Sensibilisierung Geschichten Umfrage Daten Forschung Evaluation
Ergebnisse Wirkung Prozess Zweck Ansatz Modell Methode Werkzeuge Leitfaden Zusammenhalt Vertrauen
Zugehörigkeit Identität Religion Minderheiten Herkunft Geschlecht Behinderung Familien Eltern Schüler
Lehrkräfte Universität Kurse Treffen Forum Plattform Raum Plätze Parks Straßen Bezirk städtisch
Stadtplanung Wirtschaft Kompetenzen Anerkennung Arbeitslose Praktika Mentoring Beratung Rechte Aufenthalt
Staatsbürgerschaft Wahlen Beirat Ausschuss Beteiligung Bürgerhaushalt Umsetzung Jahr Jahre Monat Woche
Team Polizei Sicherheit Justiz Prävention Hass Gewalt Opfer Schutz Unterkunft Asylsuchende Minderjährige
Dolmetscher Übersetzung zweisprachig Mehrsprachigkeit Lesen Bücher Erinnerung Migration Austausch Besuche
Herausforderungen Barrieren Bedürfnisse Ressourcen Fachkräfte Armut Ausgrenzung Ungleichheit Segregation
Nachbarn Partnerschaften Akteure Innovation Kreativität Künstler Tanz Küche Essen Gärten Umwelt nachhaltig
Mobilität Barrierefreiheit Offenheit Gastfreundschaft Solidarität Respekt Toleranz Begegnungen Beziehungen
Brücken Botschafter Mediatoren Koordinatoren Krise Notfall Pandemie Erholung Journalisten Presse Broschüren
Plakate Videos Wandbilder Feiern Kalender Kirchen Moscheen Debatten Teilnehmende Fragebögen Interviews
Statistiken Erfolg Qualität Charta Erklärung Vereinbarung Verordnung Regierung Ministerium Agentur Stiftung
Fußball Turnier Sommer Kindheit Erwachsene Auszubildende Arbeitgeber Kosten Mittel Förderung Koordination
Vision Werte Grundsätze Ziele Prioritäten Straße Größe Mädchen Begrüßung
`)

export const DE_FUNCTION = split(`der die das den dem des und und ein eine einer in im zu mit von auf für ist sind sich als auch bei aus`)

export const SR_CONTENT = split(`
grad interkulturalni zajednica raznolikost integracija uključivanje stanovnici migranti projekat program
ljudi lokalni mreža strategija politika učešće dijalog društveni kulturni javni podrška aktivnosti mladi
usluge opština građani izbeglice obrazovanje obuka škola deca žene omladina grupa razvoj plan jednakost
pristup informacije kampanja radionice naselje saradnja partneri udruženja civilno društvo volonteri
zapošljavanje posao stanovanje zdravlje jezik jezici učenje medijacija sukob diskriminacija rasizam
glasine agenti liderstvo posvećenost predstavljanje pridošlice dobrodošlica centar događaji festival
kultura nasleđe umetnost muzika pozorište sport biblioteka muzej izložba mediji komunikacija podizanje
svesti priče anketa podaci istraživanje evaluacija rezultati uticaj proces svrha pristup model metod alati
vodič kohezija poverenje pripadnost identitet religija manjine poreklo rod invaliditet porodice roditelji
učenici nastavnici univerzitet kursevi sastanci forum platforma prostor trgovi parkovi ulice urbani
planiranje ekonomija veštine priznavanje nezaposleni praksa mentorstvo savetovanje prava boravak
državljanstvo glasanje izbori odbornici savet odbor konsultacije participativni budžet sprovođenje godina
godine mesec nedelja tim policija bezbednost pravda prevencija mržnja nasilje žrtve zaštita smeštaj
tražioci azila maloletnici prevodioci prevođenje dvojezični višejezičnost čitanje knjige sećanje migracija
razmena posete izazovi prepreke potrebe resursi kapaciteti službenici radnici stručnjaci siromaštvo
isključenost nejednakost segregacija komšije partnerstva akteri inovacija kreativnost umetnici ples kuhinja
hrana bašte životna sredina održivo mobilnost pristupačnost otvorenost gostoprimstvo solidarnost poštovanje
tolerancija susreti odnosi mostovi ambasadori medijatori koordinatori kriza pandemija oporavak novinari
brošure plakati video murali proslave crkve džamije rasprave učesnici korisnici upitnici intervjui
statistika uspeh kvalitet povelja deklaracija sporazum odluka vlada ministarstvo agencija fondacija fudbal
turnir leto detinjstvo odrasli poslodavci troškovi sredstva volontiranje koordinacija vizija vrednosti
principi ciljevi prioriteti Romi romska đaci međukulturni ključni značaj Đorđe Beograd Novi Sad Niš
Čačak Pančevo Subotica Zrenjanin Kragujevac učešća građana
`)

export const SR_FUNCTION = split(`i i u u na za je od da se su sa o koji koja koje kao iz po ili do to a`)

export const UK_CONTENT = split(`
місто міжкультурне громада різноманіття інтеграція інклюзія мешканці мігранти проєкт програма люди
місцева мережа стратегія політика участь діалог соціальний культурний підтримка діяльність молодь послуги
громадяни біженці освіта навчання школа діти жінки група розвиток план рівність доступ інформація кампанія
майстер-класи сусідство співпраця партнери організації суспільство волонтери зайнятість робота житло
здоров'я мова мови медіація конфлікт дискримінація расизм чутки агенти лідерство представництво прибулі
центр події фестиваль культура спадщина мистецтво музика театр спорт бібліотека музей виставка медіа
комунікація історії опитування дані дослідження оцінка результати вплив процес мета підхід модель метод
інструменти згуртованість довіра належність ідентичність релігія меншини походження гендер сім'ї батьки
учні вчителі університет курси зустрічі форум платформа простір площі парки вулиці економіка навички
визнання права громадянство вибори рада комітет консультації бюджет реалізація рік роки місяць тиждень
команда поліція безпека правосуддя профілактика ненависть насильство жертви захист притулок переселенці
перекладачі переклад двомовний читання книги пам'ять міграція обмін візити виклики бар'єри потреби ресурси
бідність нерівність сусіди партнерства інновації творчість митці танці кухня їжа сади довкілля сталий
мобільність доступність відкритість гостинність солідарність повага толерантність зустріч стосунки мости
посли медіатори координатори криза війна відновлення журналісти преса брошури плакати відео свята церкви
дебати учасники анкети інтерв'ю статистика успіх якість хартія декларація угода уряд міністерство агенція
фонд футбол турнір літо дитинство дорослі роботодавці кошти волонтерство координація бачення цінності
принципи цілі пріоритети Київ Львів Одеса Вінниця Мелітополь Суми Павлоград їжака йога
`)

export const UK_FUNCTION = split(`і і та в в у на з до що для це як які який про від`)

export const HEADINGS: Readonly<Record<string, readonly string[]>> = {
  'en': ['Purpose', 'Process', 'Impact', 'Lessons learned'],
  'fr': ['Objectif', 'Processus', 'Impact', 'Enseignements'],
  'es': ['Propósito', 'Proceso', 'Impacto', 'Lecciones aprendidas'],
  'it': ['Scopo', 'Processo', 'Impatto', 'Lezioni apprese'],
  'de': ['Zweck', 'Prozess', 'Wirkung', 'Erkenntnisse'],
  'sr-Latn': ['Svrha', 'Proces', 'Uticaj', 'Naučene lekcije'],
  'uk': ['Мета', 'Процес', 'Вплив', 'Отримані уроки'],
}

export const TOPICS = [
  'welcoming-integration', 'anti-rumour', 'education', 'communication-awareness', 'culture-leisure-heritage',
  'neighbourhood', 'anti-discrimination', 'political-participation', 'business-employment', 'refugees',
  'public-services', 'openness-interculturality', 'mediation-conflict', 'leadership-commitment',
  'multilingualism', 'health-social-care', 'housing-urban-planning', 'gender-intersectionality', 'roma',
  'international-outlook', 'religion-interfaith', 'security-justice-safety',
] as const

/** ISO code, language other than English used by some of its practices, cities. Most represented first. */
export const COUNTRIES: readonly [string, string, readonly string[]][] = [
  ['PT', 'en', ['Lisboa', 'Porto', 'Portimão', 'Braga', 'Cascais', 'Loures', 'Amadora', 'Setúbal', 'Coimbra', 'Albufeira', 'Oeiras', 'Sintra']],
  ['ES', 'es', ['Barcelona', 'Bilbao', 'Donostia-San Sebastián', 'Getxo', 'Sabadell', 'Castellón', 'Tenerife', 'Fuenlabrada', 'Jerez de la Frontera', 'Sant Adrià de Besòs', 'Logroño', 'Cartagena', 'Málaga']],
  ['IT', 'it', ['Reggio Emilia', 'Torino', 'Genova', 'Milano', 'Napoli', 'Palermo', 'Bergamo', 'Pavia', 'Lodi', 'Rovereto', 'Senigallia', 'Forlì', 'Udine']],
  ['UA', 'uk', ['Kyiv', 'Lviv', 'Odesa', 'Vinnytsia', 'Melitopol', 'Sumy', 'Pavlohrad', 'Kharkiv', 'Dnipro', 'Ivano-Frankivsk']],
  ['FR', 'fr', ['Strasbourg', 'Paris', 'Lyon', 'Montreuil', 'Rouen', 'Grenoble', 'Nantes', 'Bordeaux', 'Marseille', 'Limoges']],
  ['RS', 'sr-Latn', ['Beograd', 'Novi Sad', 'Subotica', 'Niš', 'Kragujevac', 'Pančevo', 'Čačak', 'Zrenjanin', 'Sombor', 'Kraljevo']],
  ['DE', 'de', ['Berlin-Neukölln', 'Stuttgart', 'München', 'Düsseldorf', 'Erlangen', 'Mannheim', 'Köln', 'Hamburg', 'Leipzig', 'Dresden']],
  ['GB', 'en', ['Leeds', 'London Lewisham', 'Bristol', 'Glasgow', 'Manchester', 'Oldham', 'Cardiff', 'Belfast', 'Liverpool', 'Birmingham']],
  ['NO', 'en', ['Oslo', 'Bergen', 'Stavanger', 'Drammen', 'Tromsø', 'Trondheim', 'Sandnes', 'Kristiansand']],
  ['SE', 'en', ['Botkyrka', 'Göteborg', 'Malmö', 'Stockholm', 'Uppsala', 'Västerås', 'Örebro', 'Linköping']],
  ['IE', 'en', ['Dublin', 'Cork', 'Limerick', 'Galway', 'Ballina']],
  ['CH', 'fr', ['Zürich', 'Genève', 'Neuchâtel', 'Lausanne', 'Bern', 'Basel']],
  ['PL', 'en', ['Lublin', 'Gdańsk', 'Łódź', 'Wrocław', 'Kraków', 'Poznań']],
  ['GR', 'en', ['Athens', 'Patras', 'Ioannina', 'Thessaloniki']],
  ['NL', 'en', ['Amsterdam', 'Rotterdam', 'Utrecht', 'Haarlem', 'Eindhoven', 'Den Haag']],
  ['BE', 'fr', ['Antwerpen', 'Liège', 'Gent', 'Leuven', 'Mechelen']],
  ['FI', 'en', ['Helsinki', 'Turku', 'Tampere', 'Vantaa', 'Espoo', 'Oulu']],
  ['CA', 'fr', ['Montréal', 'Toronto', 'Ottawa', 'Vaudreuil-Dorion']],
  ['AU', 'en', ['Salisbury', 'Melbourne', 'Ballarat', 'Maribyrnong']],
  ['AT', 'de', ['Wien', 'Graz', 'Linz', 'Salzburg']],
  ['HR', 'sr-Latn', ['Rijeka', 'Zagreb', 'Split', 'Osijek']],
  ['DK', 'en', ['Copenhagen', 'Aarhus', 'Odense', 'Aalborg']],
  ['CY', 'en', ['Limassol', 'Larnaca', 'Nicosia']],
  ['MA', 'fr', ['Rabat', 'Tanger']],
  ['TR', 'en', ['Ankara Çankaya', 'İzmir Karşıyaka', 'Bursa']],
  ['BA', 'sr-Latn', ['Sarajevo', 'Tuzla', 'Banja Luka']],
  ['MX', 'es', ['Mexico City', 'Guadalajara']],
  ['JP', 'en', ['Hamamatsu', 'Tokyo']],
  ['KR', 'en', ['Ansan', 'Guro']],
  ['MT', 'en', ['Valletta', 'Msida']],
  ['RO', 'en', ['București', 'Cluj-Napoca', 'Timișoara']],
  ['MD', 'en', ['Bălți', 'Chișinău']],
  ['LU', 'fr', ['Luxembourg', 'Differdange']],
  ['IS', 'en', ['Reykjavík']],
]

/** Syllables for the long tail of proper names (organisations, people, places) that real texts are full of. */
export const SYLLABLES = split(`
ka ri ne lo ma ta vi so de ra mi no sa li ko ve da ni po be ru te la mo si ge ha lu fi ze ba do na pe
ro tu jo ša ić ov ar el in an os ur ek ül ön är ão és ìa ø ja ju ki cz
`)
