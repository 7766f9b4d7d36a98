/**
 * Draws the executives of one country and wave: each has a latent conviction that customer
 * energy matters, higher where customers are more energetic (the same country, industry and wave
 * shifts as customers.ts) and growing with the horizon, which drives the importance ratings, the
 * threat-or-opportunity view and how actively the company engages creators and contributors.
 */
import type { DemoRandom } from './demoRandom';
import { energyShift, type DemoCountry } from './demoProfiles';
import { category, type DemoRespondent } from './demoRespondent';
import { DONT_KNOW, THREAT, masterQuestionnaire } from './questionnaire';
import type { DemoWave } from './waveChanges';

/** Marketing, customer service, sales, product development, general management, other. */
const ROLE_SHARES = [0.34, 0.16, 0.15, 0.12, 0.15, 0.08];
/** Fewer than 250, 250–999, 1,000–4,999, 5,000 or more employees. */
const SIZE_SHARES = [0.3, 0.3, 0.25, 0.15];
const IMPORTANCE_CUTS = [-1.8, -0.9, 0.1, 1.1];
const ENGAGEMENT_CUTS = [-1.1, -0.2, 0.6, 1.4];
const DONT_KNOW_SHARE = 0.03;

function importance(random: DemoRandom, latent: number): number {
  if (random.chance(DONT_KNOW_SHARE)) return DONT_KNOW;
  return category(latent + 0.6 * random.normal(), IMPORTANCE_CUTS);
}

function threatView(random: DemoRandom, conviction: number): number {
  if (random.chance(DONT_KNOW_SHARE)) return DONT_KNOW;
  const codes = [THREAT.threat, THREAT.opportunity, THREAT.both, THREAT.neither];
  const weights = [
    0.12 * Math.exp(-0.3 * conviction),
    0.5 * Math.exp(0.4 * conviction),
    0.25,
    0.08,
  ];
  return codes[random.weighted(weights)]!;
}

function drawExecutive(
  random: DemoRandom,
  country: DemoCountry,
  wave: DemoWave,
  id: number,
): DemoRespondent {
  const industryIndex = random.integer(0, masterQuestionnaire.industries.length - 1);
  // Executives react to their customers' energy more than one for one: it is their business.
  const conviction = random.normal() + 1.5 * energyShift(country, industryIndex, wave);
  const size = random.weighted(SIZE_SHARES) + 1;
  // Bigger companies have the programmes to engage energetic customers.
  const engagement = 0.6 * conviction + 0.2 * (size - 2.5) + 0.6 * random.normal();
  return {
    industry: industryIndex + 1,
    answers: {
      exec_id: id,
      exec_role: random.weighted(ROLE_SHARES) + 1,
      company_size: size,
      ce_importance_now: importance(random, 0.8 * conviction),
      ce_importance_5y: importance(random, 0.8 * conviction + 0.6),
      ce_threat: threatView(random, conviction),
      engage_creators: category(engagement + 0.5 * random.normal() - 0.2, ENGAGEMENT_CUTS),
      engage_contributors: category(engagement + 0.5 * random.normal() + 0.2, ENGAGEMENT_CUTS),
    },
    verbatims: {},
  };
}

/** `count` executives of one country and wave, with IDs firstId, firstId + 1, … */
export function drawExecutives(
  random: DemoRandom,
  country: DemoCountry,
  wave: DemoWave,
  count: number,
  firstId: number,
): DemoRespondent[] {
  return Array.from({ length: count }, (_, i) => drawExecutive(random, country, wave, firstId + i));
}
