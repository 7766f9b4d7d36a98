/**
 * Draws the customers of one country and wave from latent propensities, so that answers hang
 * together the way real ones do: each respondent has a customer energy (shifted by country,
 * industry, wave and age) that drives a creating and a contributing propensity, and a deal
 * seeking trait of their own. Each behaviour's frequency is its propensity plus item noise, cut
 * into the frequency scale. The segment shares (about 4% creators, 20% contributors and 76%
 * viewers of online customers) are an outcome of these draws; the constants below were tuned by
 * simulating 700,000 respondents, and the unit tests check the shares the files give.
 */
import type { DemoRandom } from './demoRandom';
import { COUNTRY_PROFILES, energyShift, type DemoCountry } from './demoProfiles';
import { category, type DemoRespondent } from './demoRespondent';
import { VERBATIM_COUNT } from './openAnswers';
import {
  AGE_BANDS,
  BEHAVIOURS,
  DONT_KNOW,
  MOTIVE,
  ONLINE,
  type Behaviour,
  masterQuestionnaire,
} from './questionnaire';
import { offeredIn, type DemoWave } from './waveChanges';

/** Shares of the age bands (a quota sample of 16 to 79-year-olds). */
const AGE_BAND_SHARES = [0.14, 0.17, 0.17, 0.18, 0.17, 0.17];
/** Male, female, non-binary or other, prefer not to say. */
const GENDER_CODES = [1, 2, 3, DONT_KNOW];
const GENDER_SHARES = [0.485, 0.49, 0.01, 0.015];

/** Where each behaviour's frequency sits relative to its propensity (lower = rarer). */
const BEHAVIOUR_OFFSET: Record<Behaviour, number> = {
  create_video: -1.9,
  create_blog: -2.2,
  create_review: -1.65,
  create_idea: -1.95,
  comment: -0.7,
  rate: -0.4,
  recommend: -0.65,
  read_reviews: 0.9,
  compare_prices: 1.1,
};
/** Latent cut points between never | less than monthly | monthly | weekly | daily. */
const FREQUENCY_CUTS = [0, 1, 1.8, 2.6];
const BEHAVIOUR_NOISE = 0.8;
/** Cut points of the agreement scale (strongly disagree … strongly agree). */
const AGREEMENT_CUTS = [-1.3, -0.45, 0.35, 1.25];
const DONT_KNOW_SHARE = 0.02;

/** How strongly creating and contributing follow the shared energy (the rest is their own). */
const ENERGY_LOADING = 0.8;
const OWN_LOADING = 0.6;

interface Latent {
  energy: number;
  creating: number;
  contributing: number;
  dealSeeking: number;
  fatigue: number;
  youth: number;
}

function drawAge(random: DemoRandom): { age: number; band: number } {
  const band = random.weighted(AGE_BAND_SHARES);
  const [first, last] = AGE_BANDS[band]!;
  return { age: random.integer(first, last), band: band + 1 };
}

function agreement(random: DemoRandom, latent: number): number {
  if (random.chance(DONT_KNOW_SHARE)) return DONT_KNOW;
  return category(latent + random.normal() * 0.8, AGREEMENT_CUTS);
}

function behaviourPropensity(name: Behaviour, latent: Latent): number {
  if (name.startsWith('create_')) return latent.creating;
  if (name === 'read_reviews') return 0.3 * latent.energy + 0.4 * latent.dealSeeking;
  if (name === 'compare_prices') return 0.7 * latent.dealSeeking;
  return latent.contributing;
}

function drawMotive(random: DemoRandom, latent: Latent, wave: DemoWave): number {
  const weights: Array<[number, number]> = [
    [MOTIVE.deals, 0.9 * Math.exp(0.8 * latent.dealSeeking)],
    [MOTIVE.information, 1.2],
    [MOTIVE.share, 0.35 * Math.exp(0.8 * latent.creating)],
    [MOTIVE.help, 0.7],
    [MOTIVE.improve, 0.3 * Math.exp(0.7 * latent.contributing)],
    [MOTIVE.connected, 0.4 * Math.exp(0.5 * latent.energy)],
    [MOTIVE.entertainment, 0.45 * Math.exp(0.4 * latent.youth)],
    [MOTIVE.other, 0.12],
  ];
  const offered = weights.filter(([code]) => offeredIn('motive', code, wave));
  return offered[random.weighted(offered.map(([, weight]) => weight))]![0];
}

/** One customer; `id` is the respondent ID the file will carry. */
function drawCustomer(
  random: DemoRandom,
  country: DemoCountry,
  wave: DemoWave,
  id: number,
): DemoRespondent {
  const profile = COUNTRY_PROFILES[country];
  const industryIndex = random.integer(0, masterQuestionnaire.industries.length - 1);
  const { age, band } = drawAge(random);
  const youth = (40 - age) / 20;
  const online = random.chance(Math.min(0.99, profile.online + 0.1 * youth));
  const energy = random.normal() + energyShift(country, industryIndex, wave) + 0.25 * youth;
  const latent: Latent = {
    energy,
    creating: ENERGY_LOADING * energy + OWN_LOADING * random.normal(),
    contributing: ENERGY_LOADING * energy + OWN_LOADING * random.normal(),
    dealSeeking: random.normal() + profile.dealSeeking,
    fatigue: random.normal(),
    youth,
  };
  const answers: Record<string, number | null> = {
    resp_id: id,
    age,
    age_group: band,
    gender: GENDER_CODES[random.weighted(GENDER_SHARES)]!,
    area: random.weighted(profile.area) + 1,
    online: online ? ONLINE.yes : ONLINE.no,
  };
  for (const name of BEHAVIOURS) {
    // Who is not online skips the behaviour questions: system-missing, not "never".
    answers[name] = online
      ? category(
          behaviourPropensity(name, latent) +
            BEHAVIOUR_OFFSET[name] +
            BEHAVIOUR_NOISE * random.normal(),
          FREQUENCY_CUTS,
        )
      : null;
  }
  answers.energy_positive = agreement(random, 0.7 * latent.contributing + 0.2);
  answers.energy_negative = agreement(random, 0.4 * latent.energy + 0.3 * latent.fatigue - 0.1);
  const motive = drawMotive(random, latent, wave);
  answers.motive = motive;
  answers.attachment = agreement(random, 0.5 * latent.energy);
  answers.fatigue = agreement(random, 0.7 * latent.fatigue - 0.2 * latent.energy + 0.2);
  answers.deal_seeking = agreement(random, 0.8 * latent.dealSeeking + 0.4);
  return {
    industry: industryIndex + 1,
    answers,
    verbatims: {
      motive_other: motive === MOTIVE.other ? random.integer(0, VERBATIM_COUNT - 1) : null,
    },
  };
}

/** `count` customers of one country and wave, with IDs firstId, firstId + 1, … */
export function drawCustomers(
  random: DemoRandom,
  country: DemoCountry,
  wave: DemoWave,
  count: number,
  firstId: number,
): DemoRespondent[] {
  return Array.from({ length: count }, (_, i) => drawCustomer(random, country, wave, firstId + i));
}
