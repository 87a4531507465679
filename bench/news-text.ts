/**
 * Synthetic news for the benches: articles in English, French and German that differ as news
 * does (most share little text) while every tenth reposts an earlier one with an aggregator's
 * line, so near-duplicate and story linking do their usual work. (With a dozen words per
 * language every article of a language was a near-duplicate of thousands of others: one story
 * the size of the whole bench, the classifier's worst case, not news.)
 */
const WORDS = {
  en: `storm flood council election market shares energy prices rail strike hospital court ruling
    minister budget tax reform school teachers union wages inflation bank interest rates housing
    rent police arrest trial verdict airport flights delay weather heat drought harvest farmers
    exports factory jobs unemployment museum exhibition festival concert film award football
    match league coach transfer injury vaccine virus doctors patients research study university
    climate emissions solar wind nuclear plant pipeline gas oil border migrants refugees protest
    parliament vote coalition opposition president senate treaty summit talks ceasefire`,
  fr: `tempête inondation conseil élection marché énergie prix grève hôpital tribunal décision
    ministre budget impôt réforme école enseignants syndicat salaires inflation banque taux
    logement loyer police arrestation procès verdict aéroport vols retard météo chaleur
    sécheresse récolte agriculteurs exportations usine emplois chômage musée exposition festival
    concert film prix football match championnat entraîneur transfert blessure vaccin virus
    médecins patients recherche étude université climat émissions solaire éolien nucléaire
    centrale gazoduc gaz pétrole frontière migrants réfugiés manifestation parlement vote
    coalition opposition président sénat traité sommet négociations cessez-le-feu`,
  de: `Sturm Hochwasser Rat Wahl Markt Energie Preise Streik Krankenhaus Gericht Urteil Minister
    Haushalt Steuer Reform Schule Lehrer Gewerkschaft Löhne Inflation Bank Zinsen Wohnungen Miete
    Polizei Festnahme Prozess Flughafen Flüge Verspätung Wetter Hitze Dürre Ernte Bauern Export
    Fabrik Arbeitsplätze Arbeitslosigkeit Museum Ausstellung Festival Konzert Film Preis Fußball
    Spiel Liga Trainer Wechsel Verletzung Impfstoff Virus Ärzte Patienten Forschung Studie
    Universität Klima Emissionen Solar Wind Atomkraftwerk Pipeline Gas Öl Grenze Migranten
    Flüchtlinge Protest Parlament Abstimmung Koalition Opposition Präsident Senat Vertrag Gipfel`,
};
const LANGUAGE_WORDS = Object.values(WORDS).map((list) => list.split(/\s+/));
const REPOST_EVERY = 10;

export interface NewsText {
  title: string;
  text: string;
}

/** The same seed always gives the same words (a linear congruential draw, its high bits). */
function sentence(words: string[], n: number, seed: number): string {
  let state = seed >>> 0;
  return Array.from({ length: n }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return words[(state >>> 16) % words.length];
  }).join(' ');
}

/** Article number `i`: its own text, or (every tenth) a repost of article i - 37. */
export function newsText(i: number): NewsText {
  const repost = i % REPOST_EVERY === REPOST_EVERY - 1;
  const source = repost ? Math.max(0, i - 37) : i;
  const words = LANGUAGE_WORDS[source % LANGUAGE_WORDS.length]!;
  const via = repost ? ` Via aggregator ${i}.` : '';
  return {
    title: sentence(words, 8, source * 2 + 1),
    text: `${sentence(words, 40, source * 2 + 2)}.${via}`,
  };
}
