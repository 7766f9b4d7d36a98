/**
 * Tests that need something outside the repository — the shared fixtures, GNU PSPP, LibreOffice —
 * run when it is there. Without it they are skipped with the reason in their name, which says
 * what to install or set; under CI=true (where .ci/run installs everything) its absence fails
 * the run instead of skipping.
 */
import { describe, it } from 'vitest';

export interface Requirement {
  available: boolean;
  /** Why the tests cannot run, and what to do: "GNU PSPP (pspp) is not on PATH (apt-get install pspp)". */
  missing: string;
}

function failUnderCi(requirement: Requirement): () => never {
  return () => {
    throw new Error(`${requirement.missing}; CI requires it`);
  };
}

export function describeRequiring(requirement: Requirement, name: string, body: () => void): void {
  if (requirement.available) describe(name, body);
  else if (process.env.CI === 'true') describe(name, failUnderCi(requirement));
  else describe.skip(`${name} — skipped: ${requirement.missing}`, body);
}

export function itRequiring(
  requirement: Requirement,
  name: string,
  body: () => void,
  timeout?: number,
): void {
  if (requirement.available) it(name, body, timeout);
  else if (process.env.CI === 'true') it(name, failUnderCi(requirement));
  else it.skip(`${name} — skipped: ${requirement.missing}`, body);
}
