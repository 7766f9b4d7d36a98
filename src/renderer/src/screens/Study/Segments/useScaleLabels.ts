/**
 * The answer labels of coded variables ("3 Monthly"), for threshold choices. There is no codebook
 * call, so they are read as a one-column table's rows (tables.run leaves user-missing codes out,
 * which suits a threshold). Only variables not fetched yet are asked for. After a change of the
 * study (another label language, a save) all are asked again, and the old labels stay on screen
 * until the new ones arrive, so a threshold select never turns into a number box meanwhile.
 */
import { useCallback, useEffect, useState } from 'react';
import { useClient, useEvent } from '../../../api/ClientContext';

export interface ScaleLabel {
  code: number;
  label: string;
}

export type ScaleLabels = ReadonlyMap<string, ScaleLabel[]>;

interface Known {
  revision: number;
  labels: ReadonlyMap<string, ScaleLabel[]>;
}

export function useScaleLabels(variables: string[]): ScaleLabels {
  const client = useClient();
  const [revision, setRevision] = useState(0);
  const [known, setKnown] = useState<Known>({ revision: 0, labels: new Map() });
  useEvent(
    'study.changed',
    useCallback((change) => change.study && setRevision((r) => r + 1), []),
  );
  const stale = known.revision !== revision;
  const wanted = [...new Set(variables)].filter((name) => stale || !known.labels.has(name));
  const key = wanted.sort().join('\n');

  useEffect(() => {
    if (!key) return;
    let current = true;
    const names = key.split('\n');
    const settle = (fetched: Map<string, ScaleLabel[]>) =>
      setKnown((old) => ({
        revision,
        labels: old.revision === revision ? new Map([...old.labels, ...fetched]) : fetched,
      }));
    const empty = () => new Map(names.map((name) => [name, [] as ScaleLabel[]]));
    client.invoke('tables.run', { spec: { rows: names, columns: [] } }).then(
      (table) => {
        if (!current) return;
        const fetched = empty();
        for (const row of table.rows)
          if (typeof row.code === 'number')
            fetched.get(row.variable)?.push({ code: row.code, label: row.label });
        settle(fetched);
      },
      // A variable the table cannot show simply gets a number box instead of labels.
      () => current && settle(empty()),
    );
    return () => {
      current = false;
    };
  }, [client, key, revision]);

  return known.labels;
}
