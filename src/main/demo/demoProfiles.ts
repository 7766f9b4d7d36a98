/**
 * Where the demo's populations differ: by country, industry and wave. The differences are
 * shifts of latent propensities (customers.ts, executives.ts), never shares written into the
 * data, so segment shares come out of the answers the way they would in a real study, with
 * sampling noise, and the segmentation rules have something real to recover: Korea and Italy
 * more energetic, Germany less; banking least and consumer electronics most; wave 2026 a little
 * more than 2025.
 */
import type { DemoWave } from './waveChanges';

export type DemoCountry = 'DE' | 'IT' | 'FR' | 'KR';
export type DemoLanguage = 'de' | 'it' | 'fr' | 'ko';

export interface CountryProfile {
  language: DemoLanguage;
  /** Probability that a 40-year-old uses the internet (younger more, older less). */
  online: number;
  /** Shift of the latent customer energy, in standard deviations. */
  energy: number;
  /** Shift of the latent deal seeking. */
  dealSeeking: number;
  /** Shares of urban, suburban and rural respondents. */
  area: readonly [number, number, number];
}

export const COUNTRY_PROFILES: Readonly<Record<DemoCountry, CountryProfile>> = {
  DE: { language: 'de', online: 0.91, energy: -0.2, dealSeeking: 0.2, area: [0.4, 0.35, 0.25] },
  IT: { language: 'it', online: 0.89, energy: 0.12, dealSeeking: 0.1, area: [0.45, 0.3, 0.25] },
  FR: { language: 'fr', online: 0.91, energy: -0.06, dealSeeking: 0, area: [0.45, 0.35, 0.2] },
  KR: { language: 'ko', online: 0.96, energy: 0.3, dealSeeking: 0.15, area: [0.7, 0.2, 0.1] },
};

/** Energy shift by industry, in the questionnaire's industry order. */
export const INDUSTRY_ENERGY: readonly number[] = [
  0, // telecom
  0.08, // retail
  -0.3, // banking
  -0.04, // automotive
  0.18, // electronics
  0.1, // travel
];

export const WAVE_ENERGY: Readonly<Record<DemoWave, number>> = { '2025': 0, '2026': 0.07 };

/** Customers' energy shift for one country, industry (0-based) and wave. */
export function energyShift(country: DemoCountry, industryIndex: number, wave: DemoWave): number {
  return COUNTRY_PROFILES[country].energy + INDUSTRY_ENERGY[industryIndex]! + WAVE_ENERGY[wave];
}
