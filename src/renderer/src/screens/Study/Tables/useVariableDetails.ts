/**
 * The codebook detail (value labels) of the variables the builder uses, fetched once each and
 * kept until the study changes: the table's frame and the filter picker read their categories.
 */
import { useEffect, useState } from 'react';
import type { VariableDetail } from '../../../../../shared/api/variables';
import { useClient } from '../../../api/ClientContext';

export function useVariableDetails(
  names: string[],
  revision: number,
): ReadonlyMap<string, VariableDetail> {
  const client = useClient();
  const [details, setDetails] = useState<{ revision: number; map: Map<string, VariableDetail> }>(
    () => ({ revision, map: new Map() }),
  );
  const known = details.revision === revision ? details.map : null;
  const missing = names.filter((name) => !known?.has(name));
  const wanted = missing.join('\n');

  useEffect(() => {
    if (!wanted) return;
    let current = true;
    Promise.all(
      wanted.split('\n').map((name) =>
        client.invoke('variables.detail', { name }).then(
          (detail) => detail,
          () => null,
        ),
      ),
    ).then((found) => {
      if (!current) return;
      setDetails((before) => {
        const map = new Map(before.revision === revision ? before.map : []);
        for (const detail of found) if (detail) map.set(detail.name, detail);
        return { revision, map };
      });
    });
    return () => {
      current = false;
    };
  }, [client, wanted, revision]);

  return known ?? new Map();
}
