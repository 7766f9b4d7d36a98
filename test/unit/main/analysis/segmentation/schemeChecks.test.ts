/**
 * Schemes checked beyond their JSON shape — a scheme may come from a file another study exported
 * — and the built-in templates checked to be usable.
 */
import { describe, expect, it } from 'vitest';
import type { SegmentScheme } from '../../../../../src/shared/domain/segments';
import { builtInSchemes } from '../../../../../src/main/analysis/segmentation/builtInSchemes';
import { participationScheme } from '../../../../../src/main/analysis/segmentation/participationScheme';
import { schemeProblems } from '../../../../../src/main/analysis/segmentation/schemeChecks';
import { applyScheme } from '../../../../../src/main/analysis/segmentation/segmentRules';
import { socialTechnographicsScheme } from '../../../../../src/main/analysis/segmentation/socialTechnographicsScheme';
import { schemeSchema } from '../../../../../src/shared/api/segments';

const good: SegmentScheme = {
  name: 'mine',
  title: 'Mine',
  roles: [{ name: 'a', label: 'A' }],
  rules: [{ code: 1, label: 'Yes', when: { role: 'a', op: '=', value: 1 } }],
  else: { code: 2, label: 'No' },
};

describe('scheme checks', () => {
  it('accepts a well-formed scheme', () => {
    expect(schemeProblems(good)).toEqual([]);
  });

  it('names a tested role that is not declared, a repeated code and a blank label', () => {
    expect(
      schemeProblems({
        ...good,
        rules: [
          { code: 1, label: 'Yes', when: { role: 'b', op: '=', value: 1 } },
          { code: 1, label: ' ', when: { role: 'a', op: '=', value: 2 } },
        ],
        else: { code: 300, label: 'No' },
      }),
    ).toEqual([
      'role b is tested but not declared in roles',
      'code 1 is used by two segments',
      'segment 1 has no label',
      'segment No: code 300 is not a whole number 1–254',
    ]);
  });

  it('refuses a misspelt key in a scheme file rather than ignoring it', () => {
    const parsed = schemeSchema.safeParse({ ...good, universes: { role: 'a', op: '=', value: 1 } });
    expect(parsed.success).toBe(false);
  });
});

describe('the built-in schemes', () => {
  it('are all well-formed and valid scheme files', () => {
    for (const scheme of builtInSchemes) {
      expect(schemeProblems(scheme), scheme.name).toEqual([]);
      expect(schemeSchema.safeParse(scheme).success, scheme.name).toBe(true);
    }
  });

  it('gives the Social Technographics rungs in ladder order, Inactives last', () => {
    expect(
      [...socialTechnographicsScheme.rules, socialTechnographicsScheme.else].map((s) => s.label),
    ).toEqual([
      'Creators',
      'Conversationalists',
      'Critics',
      'Collectors',
      'Joiners',
      'Spectators',
      'Inactives',
    ]);
  });

  it('puts a respondent on the highest Social Technographics rung they reach', () => {
    const roles = socialTechnographicsScheme.roles.map((role) => role.name);
    const respondent = (answers: Record<string, number>) =>
      new Map(
        roles.map((role) => [role, Float64Array.of(answers[role] ?? (role === 'online' ? 1 : 1))]),
      );
    const code = (answers: Record<string, number>) =>
      applyScheme(socialTechnographicsScheme, respondent(answers), 1).codes[0];
    expect(code({ read_reviews: 5, vote_online: 3 })).toBe(4); // collector, and a spectator too
    expect(code({ social_profile: 4, comment: 3 })).toBe(3); // critic above joiner
    expect(code({ read_blogs: 2 })).toBe(7); // less than monthly: inactive
    expect(code({ online: 2, create_blog: 5 })).toBeNaN();
  });

  it('compares the 90-9-1 segments with Nielsen’s shares', () => {
    const shares = participationScheme.reference!.shares.map((s) => s.share);
    expect(shares).toEqual([0.01, 0.09, 0.9]);
  });
});
