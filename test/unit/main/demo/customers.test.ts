/**
 * Specification of the customer draw: answers that hang together the way a questionnaire's
 * routing makes them (who is offline skips the behaviours, only "another reason" has an open
 * answer, the age group matches the age), in the master's codes.
 */
import { describe, expect, it } from 'vitest';
import { drawCustomers } from '../../../../src/main/demo/customers';
import { DemoRandom } from '../../../../src/main/demo/demoRandom';
import {
  AGE_BANDS,
  BEHAVIOURS,
  MOTIVE,
  ONLINE,
  questionnaireVariable,
} from '../../../../src/main/demo/questionnaire';

const customers = drawCustomers(new DemoRandom(5), 'IT', '2025', 2000, 1001);

describe('drawCustomers', () => {
  it('numbers the customers from the first ID', () => {
    expect(customers.map((c) => c.answers.resp_id)).toEqual(
      Array.from({ length: 2000 }, (_, i) => 1001 + i),
    );
  });

  it('asks the behaviours only of customers who are online', () => {
    for (const customer of customers) {
      const online = customer.answers.online === ONLINE.yes;
      for (const name of BEHAVIOURS) expect(customer.answers[name] === null).toBe(!online);
    }
  });

  it('answers every coded question with a code of its frame', () => {
    const frames = new Map<string, Set<number>>();
    const outside: string[] = [];
    for (const customer of customers) {
      for (const [name, answer] of Object.entries(customer.answers)) {
        if (answer === null) continue;
        if (!frames.has(name)) {
          const variable = questionnaireVariable(name);
          frames.set(name, new Set(variable.values.map((value) => value.code)));
        }
        const codes = frames.get(name)!;
        if (codes.size > 0 && !codes.has(answer)) outside.push(`${name} = ${answer}`);
      }
      if (customer.industry < 1 || customer.industry > 6)
        outside.push(`industry = ${customer.industry}`);
    }
    expect(outside).toEqual([]);
  });

  it('puts each age in its age group', () => {
    for (const { answers } of customers) {
      const [first, last] = AGE_BANDS[answers.age_group! - 1]!;
      expect(answers.age).toBeGreaterThanOrEqual(first);
      expect(answers.age).toBeLessThanOrEqual(last);
    }
  });

  it('has an open answer exactly where the reason is "another reason"', () => {
    for (const { answers, verbatims } of customers)
      expect(verbatims.motive_other !== null).toBe(answers.motive === MOTIVE.other);
    expect(customers.some((c) => c.verbatims.motive_other !== null)).toBe(true);
  });

  it('never offers wave 2025 the reason that is new in 2026', () => {
    expect(customers.some((c) => c.answers.motive === MOTIVE.entertainment)).toBe(false);
    const later = drawCustomers(new DemoRandom(5), 'IT', '2026', 2000, 1);
    expect(later.some((c) => c.answers.motive === MOTIVE.entertainment)).toBe(true);
  });
});
