/**
 * The industries Customer Energy studies cover, with display names by language. A source's
 * industry is matched to these by code or by name in any language; an unknown one is added to the
 * study under its own name.
 */
export const INDUSTRY_NAMES: Record<string, Record<string, string>> = {
  telecom: {
    en: 'Telecommunications',
    de: 'Telekommunikation',
    it: 'Telecomunicazioni',
    fr: 'Télécommunications',
    ko: '통신',
  },
  retail: {
    en: 'Retail',
    de: 'Einzelhandel',
    it: 'Commercio al dettaglio',
    fr: 'Commerce de détail',
    ko: '소매',
  },
  banking: { en: 'Banking', de: 'Bankwesen', it: 'Banche', fr: 'Banque', ko: '은행' },
  automotive: {
    en: 'Automotive',
    de: 'Automobil',
    it: 'Automobilistico',
    fr: 'Automobile',
    ko: '자동차',
  },
  electronics: {
    en: 'Consumer electronics',
    de: 'Unterhaltungselektronik',
    it: 'Elettronica di consumo',
    fr: 'Électronique grand public',
    ko: '가전제품',
  },
  travel: { en: 'Travel', de: 'Reisen', it: 'Viaggi', fr: 'Voyages', ko: '여행' },
};

export function industryNames(code: string): Record<string, string> {
  return INDUSTRY_NAMES[code] ?? { en: code };
}
