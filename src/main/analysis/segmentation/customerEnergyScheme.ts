/**
 * The built-in Customer Energy scheme (issue #9, docs/segmentation.md): among online customers,
 * creators make content about brands at least monthly, contributors (not creators) comment, rate
 * or recommend at least monthly, and every other online customer is a viewer. Its roles are named
 * after the demo study's variables, so it binds there by name; the thresholds are codes on the
 * demo's frequency scale (1 never … 3 monthly … 5 daily), which the rule builder can change.
 */
import type { RoleTest, SegmentScheme } from '../../../shared/domain/segments';

/** The demo's frequency code for "monthly": at least monthly is `>= 3`. */
const MONTHLY = 3;

const atLeastMonthly = (role: string): RoleTest => ({ role, op: '>=', value: MONTHLY });

const CREATING = ['create_video', 'create_blog', 'create_review', 'create_idea'];
const CONTRIBUTING = ['comment', 'rate', 'recommend'];

export const customerEnergyScheme: SegmentScheme = {
  name: 'customer-energy',
  title: 'Customer energy',
  description:
    'Online customers by how much they act on brands online: creators make content at least monthly, contributors comment, rate or recommend at least monthly, viewers do neither.',
  roles: [
    { name: 'respondent_type', label: 'Respondent type (1 = customer)' },
    { name: 'online', label: 'Uses the internet (1 = yes)' },
    { name: 'create_video', label: 'Creates videos about products or brands (frequency)' },
    {
      name: 'create_blog',
      label: 'Writes blog posts or articles about products or brands (frequency)',
    },
    { name: 'create_review', label: 'Writes detailed product reviews (frequency)' },
    { name: 'create_idea', label: 'Submits ideas or suggestions to companies (frequency)' },
    {
      name: 'comment',
      label: 'Comments on brands’ posts or others’ posts about products (frequency)',
    },
    { name: 'rate', label: 'Rates products or services, e.g. with stars (frequency)' },
    { name: 'recommend', label: 'Recommends products or brands to others online (frequency)' },
  ],
  universe: {
    all: [
      { role: 'respondent_type', op: '=', value: 1 },
      { role: 'online', op: '=', value: 1 },
    ],
  },
  rules: [
    { code: 1, label: 'Creators', when: { any: CREATING.map(atLeastMonthly) } },
    { code: 2, label: 'Contributors', when: { any: CONTRIBUTING.map(atLeastMonthly) } },
  ],
  else: { code: 3, label: 'Viewers' },
  valence: {
    positive: {
      name: 'energy_positive',
      label: 'Enthuses about brands and recommends them (agreement, 1–5)',
    },
    negative: {
      name: 'energy_negative',
      label: 'Complains about disappointing brands and warns others (agreement, 1–5)',
    },
    split: [1, 2],
  },
  reference: {
    source:
      'Customer energy reference (issue #9): creators under 5%, contributors about 20%, viewers about 75% of online users',
    shares: [
      { code: 1, text: 'under 5%', below: 0.05 },
      { code: 2, text: 'about 20%', share: 0.2 },
      { code: 3, text: 'about 75%', share: 0.75 },
    ],
  },
  defaultName: 'energy',
};
