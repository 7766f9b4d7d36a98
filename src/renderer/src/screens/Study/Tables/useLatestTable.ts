/**
 * Runs the table for the current spec and keeps only the answer to the latest request: an
 * answer to a spec the user has already changed is dropped, so a slow old table never
 * overwrites a newer one. `pending` is true while the shown spec has no answer yet.
 */
import { useEffect, useRef, useState } from 'react';
import type { TableResult, TableSpec } from '../../../../../shared/domain/table';
import { useClient } from '../../../api/ClientContext';

interface Answer {
  key: string;
  result: TableResult | null;
  error: string | null;
}

export interface LatestTable {
  result: TableResult | null;
  error: string | null;
  pending: boolean;
}

export function useLatestTable(spec: TableSpec | null, revision: number): LatestTable {
  const client = useClient();
  const latest = useRef(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const key = spec ? `${revision}:${JSON.stringify(spec)}` : '';

  useEffect(() => {
    if (!spec) return;
    const request = ++latest.current;
    client.invoke('tables.run', { spec }).then(
      (result) => {
        if (request === latest.current) setAnswer({ key, result, error: null });
      },
      (failure: Error) => {
        if (request === latest.current) setAnswer({ key, result: null, error: failure.message });
      },
    );
    // `key` stands for spec and revision.
  }, [client, key]);

  if (!spec) return { result: null, error: null, pending: false };
  const current = answer?.key === key;
  return {
    result: current ? answer.result : null,
    error: current ? answer.error : null,
    pending: !current,
  };
}
