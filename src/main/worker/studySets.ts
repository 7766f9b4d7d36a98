/**
 * Multiple-response sets defined by the user: a dichotomy set (variables counted when they hold
 * the counted value, e.g. 1 = mentioned) or a category set (variables sharing one code frame, e.g.
 * first, second and third mention). Saved in the study beside the sets read from .sav files, and
 * written back out with the data (SPSS MRSETS).
 */
import { ApiError } from '../../shared/api/apiTypes';
import type { VariableType } from '../../shared/domain/study';
import { appendAudit } from '../study/auditLog';
import type { WritableStudyDb } from '../study/studyDb';
import { statement } from '../study/statementCache';

export interface SetDefinition {
  name: string;
  label?: string;
  type: 'dichotomies' | 'categories';
  variables: string[];
  countedValue?: number;
}

export function defineSet(
  db: WritableStudyDb,
  definition: SetDefinition,
): { name: string; variables: string[] } {
  if (!/^\$?[A-Za-z_@#][A-Za-z0-9_.@#$]{0,63}$/.test(definition.name)) {
    throw new ApiError(
      'invalid-input',
      `name: ${JSON.stringify(definition.name)} is not a set name`,
    );
  }
  if (definition.variables.length < 2)
    throw new ApiError('invalid-input', 'variables: a set needs at least two variables');
  const resolved = definition.variables.map((name) => {
    const row = statement(db, 'SELECT name, type FROM variables WHERE lower(name) = lower(?)').get(
      name,
    ) as { name: string; type: VariableType } | undefined;
    if (!row) throw new ApiError('invalid-input', `variables: no variable named ${name}`);
    if (row.type === 'text' || row.type === 'multi') {
      throw new ApiError(
        'invalid-input',
        `variables: ${row.name} is ${row.type}; a set groups coded variables`,
      );
    }
    return row.name;
  });
  if (definition.type === 'dichotomies' && definition.countedValue === undefined) {
    throw new ApiError(
      'invalid-input',
      'countedValue: a dichotomy set needs the value that counts (e.g. 1)',
    );
  }
  const taken = statement(db, 'SELECT 1 FROM variables WHERE lower(name) = lower(?)').get(
    definition.name.replace(/^\$/, ''),
  );
  if (taken) throw new ApiError('conflict', `name: ${definition.name} is already a variable`);
  db.transaction(() => {
    statement(
      db,
      `INSERT INTO multi_response_sets (name, type, counted_value, labels_json, variables_json) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET type = excluded.type, counted_value = excluded.counted_value,
         labels_json = excluded.labels_json, variables_json = excluded.variables_json`,
    ).run(
      definition.name,
      definition.type,
      definition.countedValue === undefined ? null : String(definition.countedValue),
      JSON.stringify(definition.label ? { en: definition.label } : {}),
      JSON.stringify(resolved),
    );
    appendAudit(db, 'set.defined', { ...definition, variables: resolved });
  })();
  return { name: definition.name, variables: resolved };
}
