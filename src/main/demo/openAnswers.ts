/**
 * The open answers to "another reason for interacting with brands" (`motive_other`), in each
 * file's language: a few typical verbatims, so the text variable holds real words — and, in
 * the Korean Triple-S data file, the CP949 bytes that make its encoding matter.
 */
import type { DemoLanguage } from './demoProfiles';

const VERBATIMS: Readonly<Record<DemoLanguage, readonly string[]>> = {
  de: [
    'Beruflich',
    'Aus Neugier',
    'Freunde haben mich darum gebeten',
    'Wegen einer Reklamation',
    'Um bei Gewinnspielen mitzumachen',
    'Aus Langeweile',
  ],
  it: [
    'Per lavoro',
    'Per curiosità',
    'Me lo hanno chiesto gli amici',
    'Per un reclamo',
    'Per partecipare ai concorsi',
    'Per noia',
  ],
  fr: [
    'Pour le travail',
    'Par curiosité',
    "Des amis me l'ont demandé",
    'Pour une réclamation',
    'Pour participer aux jeux-concours',
    'Par ennui',
  ],
  ko: [
    '업무 때문에',
    '호기심 때문에',
    '친구가 부탁해서',
    '불만을 접수하려고',
    '경품 행사에 참여하려고',
    '심심해서',
  ],
};

/** How many different verbatims there are to draw from (the same number in every language). */
export const VERBATIM_COUNT = VERBATIMS.de.length;

/** Verbatim number `index` (0-based) in a language. */
export function verbatim(language: DemoLanguage, index: number): string {
  const text = VERBATIMS[language][index];
  if (text === undefined) throw new RangeError(`there is no verbatim ${index} in ${language}`);
  return text;
}
