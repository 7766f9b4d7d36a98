/**
 * Template: the 90-9-1 rule of participation inequality (J. Nielsen, "Participation Inequality:
 * Encouraging More Users to Contribute", Nielsen Norman Group, 9 October 2006): in online
 * communities about 90% of users are lurkers who never contribute, 9% contribute a little and 1%
 * account for almost all the action.
 *
 * Contributing is any of the roles below (named after the demo's behaviour variables, each a
 * frequency answer); the thresholds are codes on the demo's scale: heavy contributors do one of
 * them at least weekly (4), intermittent contributors at least now and then (2, less than
 * monthly), lurkers never.
 */
import type { RoleTest, SegmentScheme } from '../../../shared/domain/segments';

const WEEKLY = 4;
const NOW_AND_THEN = 2;

const CONTRIBUTING = [
  { name: 'create_video', label: 'Creates videos about products or brands (frequency)' },
  { name: 'create_blog', label: 'Writes blog posts or articles (frequency)' },
  { name: 'create_review', label: 'Writes reviews (frequency)' },
  { name: 'create_idea', label: 'Submits ideas or suggestions to companies (frequency)' },
  { name: 'comment', label: 'Comments on posts (frequency)' },
  { name: 'rate', label: 'Rates products or services (frequency)' },
];

const atLeast =
  (value: number) =>
  (role: { name: string }): RoleTest => ({ role: role.name, op: '>=', value });

export const participationScheme: SegmentScheme = {
  name: 'participation-90-9-1',
  title: 'Participation inequality (90-9-1 rule)',
  description:
    'Online users by how often they contribute: heavy contributors at least weekly, intermittent contributors now and then, lurkers never.',
  roles: [{ name: 'online', label: 'Uses the internet (1 = yes)' }, ...CONTRIBUTING],
  universe: { role: 'online', op: '=', value: 1 },
  rules: [
    { code: 1, label: 'Heavy contributors', when: { any: CONTRIBUTING.map(atLeast(WEEKLY)) } },
    {
      code: 2,
      label: 'Intermittent contributors',
      when: { any: CONTRIBUTING.map(atLeast(NOW_AND_THEN)) },
    },
  ],
  else: { code: 3, label: 'Lurkers' },
  reference: {
    source:
      'Nielsen, "Participation Inequality: Encouraging More Users to Contribute" (2006): 1% heavy contributors, 9% intermittent, 90% lurkers',
    shares: [
      { code: 1, text: 'about 1%', share: 0.01 },
      { code: 2, text: 'about 9%', share: 0.09 },
      { code: 3, text: 'about 90%', share: 0.9 },
    ],
  },
  defaultName: 'participation',
};
