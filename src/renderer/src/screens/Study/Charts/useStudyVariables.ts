/**
 * The study's variables as the chart pickers offer them: everything a table can tabulate (no
 * open text), multiple-response sets after the variables, reloaded when the study changes.
 * `revision` counts those changes so a view can run its table again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { VariableSummary } from '../../../../../shared/domain/study';
import { useClient, useEvent } from '../../../api/ClientContext';

export interface StudyVariables {
  variables: VariableSummary[];
  revision: number;
}

export function useStudyVariables(onError: (message: string) => void): StudyVariables {
  const client = useClient();
  const [variables, setVariables] = useState<VariableSummary[]>([]);
  const [revision, setRevision] = useState(0);

  const load = useCallback(() => {
    client.invoke('study.describe', {}).then(
      (description) =>
        setVariables([
          ...description.variables.filter((v) => v.type !== 'text'),
          ...description.responseSets.map((set) => ({
            name: set.name,
            type: 'multi' as const,
            label: set.label,
            labelLanguage: set.labelLanguage,
            labelFallback: set.labelFallback,
            isSystem: false,
            isIdentifying: false,
          })),
        ]),
      (failure: Error) => onError(failure.message),
    );
  }, [client, onError]);
  useEffect(load, [load]);
  useEvent(
    'study.changed',
    useCallback(
      (change) => {
        if (!change.study) return;
        load();
        setRevision((r) => r + 1);
      },
      [load],
    ),
  );
  return { variables, revision };
}
