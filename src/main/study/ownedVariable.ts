/**
 * Variables the workbench computes — derived variables, weights, segments — are owned by the
 * feature that made them: saving again under the same name replaces the feature's own variable,
 * but never an imported variable or another feature's.
 */
import { ApiError } from '../../shared/api/apiTypes';
import type { WritableStudyDb } from './studyDb';
import { statement } from './statementCache';

export type VariableOrigin = 'derived' | 'weight' | 'segment';

const originWords: Record<VariableOrigin, string> = {
  derived: 'a derived variable',
  weight: 'a weight',
  segment: 'a segment variable',
};

export interface OwnedVariable {
  id: number;
  /** False when this call created it. */
  existed: boolean;
}

/** The id of `name` as a variable of `origin`, created (last in the codebook) when new. */
export function ownedVariable(
  db: WritableStudyDb,
  name: string,
  origin: VariableOrigin,
  created: { type: 'numeric' | 'single'; storage: 'u8' | 'f64'; labels?: Record<string, string> },
): OwnedVariable {
  const existing = statement(
    db,
    'SELECT id, name, origin FROM variables WHERE lower(name) = lower(?)',
  ).get(name) as { id: number; name: string; origin: string } | undefined;
  if (existing && existing.origin !== origin)
    throw new ApiError(
      'conflict',
      `name: ${existing.name} already exists and is not ${originWords[origin]}`,
    );
  if (existing) return { id: existing.id, existed: true };
  const id = statement(
    db,
    `INSERT INTO variables (name, type, storage, labels_json, origin, sort_order)
     VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM variables))`,
  ).run(
    name,
    created.type,
    created.storage,
    JSON.stringify(created.labels ?? {}),
    origin,
  ).lastInsertRowid;
  return { id: Number(id), existed: false };
}
