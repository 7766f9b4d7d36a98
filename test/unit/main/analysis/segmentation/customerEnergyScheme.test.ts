/**
 * The Customer Energy scheme and its valence split on hand-made respondents whose segments are
 * known from the definition (docs/segmentation.md): creators make content at least monthly (code
 * ≥ 3 on the 1 never … 5 daily scale), contributors comment, rate or recommend at least monthly,
 * viewers are the other online customers; executives and offline customers have no segment.
 */
import { describe, expect, it } from 'vitest';
import { customerEnergyScheme } from '../../../../../src/main/analysis/segmentation/customerEnergyScheme';
import { schemeProblems } from '../../../../../src/main/analysis/segmentation/schemeChecks';
import { applyScheme } from '../../../../../src/main/analysis/segmentation/segmentRules';
import { splitByValence } from '../../../../../src/main/analysis/segmentation/valenceSplit';

const M = Number.NaN;
const BEHAVIOURS = [
  'create_video',
  'create_blog',
  'create_review',
  'create_idea',
  'comment',
  'rate',
  'recommend',
] as const;

interface Respondent {
  why: string;
  type: number;
  online: number;
  acts?: Partial<Record<(typeof BEHAVIOURS)[number], number>>;
  /** Every behaviour not in `acts`: 1 (never) unless given. */
  rest?: number;
  positive?: number;
  negative?: number;
  segment: number;
  split: number;
}

const CREATOR = 1;
const CONTRIBUTOR = 2;
const VIEWER = 3;
// Split codes: 1 creators +, 2 creators −, 3 contributors +, 4 contributors −, 5 viewers.
const respondents: Respondent[] = [
  {
    why: 'makes videos monthly',
    type: 1,
    online: 1,
    acts: { create_video: 3 },
    positive: 5,
    negative: 2,
    segment: CREATOR,
    split: 1,
  },
  {
    why: 'writes reviews daily and complains more than enthuses',
    type: 1,
    online: 1,
    acts: { create_review: 5 },
    positive: 2,
    negative: 5,
    segment: CREATOR,
    split: 2,
  },
  {
    why: 'submits ideas weekly and comments daily: the first rule wins',
    type: 1,
    online: 1,
    acts: { create_idea: 4, comment: 5 },
    positive: 4,
    negative: 4,
    segment: CREATOR,
    split: 1,
  },
  {
    why: 'blogs less than monthly but rates monthly',
    type: 1,
    online: 1,
    acts: { create_blog: 2, rate: 3 },
    positive: 3,
    negative: 3,
    segment: CONTRIBUTOR,
    split: 3,
  },
  {
    why: 'recommends weekly and warns others more',
    type: 1,
    online: 1,
    acts: { recommend: 4 },
    positive: 1,
    negative: 4,
    segment: CONTRIBUTOR,
    split: 4,
  },
  {
    why: 'does everything less than monthly',
    type: 1,
    online: 1,
    rest: 2,
    positive: 5,
    negative: 1,
    segment: VIEWER,
    split: 5,
  },
  {
    why: 'never does anything',
    type: 1,
    online: 1,
    positive: M,
    negative: M,
    segment: VIEWER,
    split: 5,
  },
  {
    why: 'is offline: outside the universe',
    type: 1,
    online: 2,
    rest: M,
    positive: 4,
    negative: 2,
    segment: M,
    split: M,
  },
  {
    why: 'is an executive: outside the universe',
    type: 2,
    online: 1,
    acts: { create_video: 5 },
    segment: M,
    split: M,
  },
  {
    why: 'did not say whether online',
    type: 1,
    online: M,
    acts: { create_video: 5 },
    segment: M,
    split: M,
  },
  {
    why: 'skipped create_video but blogs weekly: a creator all the same',
    type: 1,
    online: 1,
    acts: { create_video: M, create_blog: 4 },
    positive: 4,
    negative: 1,
    segment: CREATOR,
    split: 1,
  },
  {
    why: 'skipped create_video, creates nothing else, comments daily: undecided',
    type: 1,
    online: 1,
    acts: { create_video: M, comment: 5 },
    segment: M,
    split: M,
  },
  {
    why: 'answered no behaviour at all: undecided',
    type: 1,
    online: 1,
    rest: M,
    segment: M,
    split: M,
  },
  {
    why: 'a contributor who did not know whether they enthuse',
    type: 1,
    online: 1,
    acts: { comment: 3 },
    positive: M,
    negative: 2,
    segment: CONTRIBUTOR,
    split: M,
  },
];

function columns(): Map<string, Float64Array> {
  const map = new Map<string, Float64Array>();
  const put = (role: string, value: (r: Respondent) => number) =>
    map.set(role, Float64Array.from(respondents, value));
  put('respondent_type', (r) => r.type);
  put('online', (r) => r.online);
  for (const behaviour of BEHAVIOURS) put(behaviour, (r) => r.acts?.[behaviour] ?? r.rest ?? 1);
  put('energy_positive', (r) => r.positive ?? 3);
  put('energy_negative', (r) => r.negative ?? 3);
  return map;
}

describe('the Customer Energy scheme', () => {
  it('is a well-formed scheme with its valence split', () => {
    expect(schemeProblems(customerEnergyScheme)).toEqual([]);
    expect(schemeProblems(splitByValence(customerEnergyScheme))).toEqual([]);
  });

  it('labels its segments Creators, Contributors and Viewers, coded 1, 2, 3', () => {
    expect(
      [...customerEnergyScheme.rules, customerEnergyScheme.else].map((s) => [s.code, s.label]),
    ).toEqual([
      [1, 'Creators'],
      [2, 'Contributors'],
      [3, 'Viewers'],
    ]);
  });

  it('gives every hand-made respondent the segment the definition gives', () => {
    const outcome = applyScheme(customerEnergyScheme, columns(), respondents.length);
    const got = respondents.map((r, i) => [r.why, outcome.codes[i]]);
    expect(got).toEqual(respondents.map((r) => [r.why, r.segment]));
    expect(outcome.universe).toBe(11);
    expect(outcome.undecided).toBe(2);
  });

  it('splits creators and contributors by valence, ties positive, unknown sign missing', () => {
    const split = splitByValence(customerEnergyScheme);
    expect([...split.rules, split.else].map((s) => [s.code, s.label])).toEqual([
      [1, 'Creators (positive)'],
      [2, 'Creators (negative)'],
      [3, 'Contributors (positive)'],
      [4, 'Contributors (negative)'],
      [5, 'Viewers'],
    ]);
    const outcome = applyScheme(split, columns(), respondents.length);
    expect(respondents.map((r, i) => [r.why, outcome.codes[i]])).toEqual(
      respondents.map((r) => [r.why, r.split]),
    );
    expect(outcome.undecided).toBe(3);
  });
});
