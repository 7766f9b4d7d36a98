/** Runs a table whenever its spec changes (or the study does): the result, or the error in words. */
import { useEffect, useState } from 'react';
import type { TableResult, TableSpec } from '../../../../../shared/domain/table';
import { useClient } from '../../../api/ClientContext';

export interface TableRun {
  result: TableResult | null;
  error: string | null;
}

export function useTableResult(spec: TableSpec | null, revision: number): TableRun {
  const client = useClient();
  const [run, setRun] = useState<TableRun>({ result: null, error: null });
  useEffect(() => {
    if (!spec) {
      setRun({ result: null, error: null });
      return;
    }
    let current = true;
    client.invoke('tables.run', { spec }).then(
      (result) => current && setRun({ result, error: null }),
      (failure: Error) => current && setRun({ result: null, error: failure.message }),
    );
    return () => {
      current = false;
    };
  }, [client, spec, revision]);
  return run;
}
