/** Display names of the countries studies most often cover, by language; others show their code. */
export const COUNTRY_NAMES: Record<string, Record<string, string>> = {
  DE: { en: 'Germany', de: 'Deutschland', it: 'Germania', fr: 'Allemagne', ko: '독일' },
  IT: { en: 'Italy', de: 'Italien', it: 'Italia', fr: 'Italie', ko: '이탈리아' },
  FR: { en: 'France', de: 'Frankreich', it: 'Francia', fr: 'France', ko: '프랑스' },
  GB: {
    en: 'United Kingdom',
    de: 'Vereinigtes Königreich',
    it: 'Regno Unito',
    fr: 'Royaume-Uni',
    ko: '영국',
  },
  ES: { en: 'Spain', de: 'Spanien', it: 'Spagna', fr: 'Espagne', ko: '스페인' },
  US: {
    en: 'United States',
    de: 'Vereinigte Staaten',
    it: 'Stati Uniti',
    fr: 'États-Unis',
    ko: '미국',
  },
  KR: {
    en: 'South Korea',
    de: 'Südkorea',
    it: 'Corea del Sud',
    fr: 'Corée du Sud',
    ko: '대한민국',
  },
  JP: { en: 'Japan', de: 'Japan', it: 'Giappone', fr: 'Japon', ko: '일본' },
  NL: { en: 'Netherlands', de: 'Niederlande', it: 'Paesi Bassi', fr: 'Pays-Bas', ko: '네덜란드' },
  CH: { en: 'Switzerland', de: 'Schweiz', it: 'Svizzera', fr: 'Suisse', ko: '스위스' },
  AT: { en: 'Austria', de: 'Österreich', it: 'Austria', fr: 'Autriche', ko: '오스트리아' },
  PL: { en: 'Poland', de: 'Polen', it: 'Polonia', fr: 'Pologne', ko: '폴란드' },
};

export function countryNames(code: string): Record<string, string> {
  return COUNTRY_NAMES[code.toUpperCase()] ?? { en: code.toUpperCase() };
}
