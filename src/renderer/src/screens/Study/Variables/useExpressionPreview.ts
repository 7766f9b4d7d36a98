/**
 * An expression's live count as it is typed: variables.previewExpression asked a moment after the
 * typing stops, answers to superseded text dropped, asked again when the study changes.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ExpressionPreview } from '../../../../../shared/api/variables';
import { useClient, useEvent } from '../../../api/ClientContext';

export interface ExpressionCount {
  preview: ExpressionPreview | null;
  error: string | null;
  /** Newer text is waiting for its count. */
  pending: boolean;
}

const DELAY_MS = 300;

export function useExpressionPreview(
  expression: string,
  as: 'filter' | 'derived',
): ExpressionCount {
  const client = useClient();
  const [state, setState] = useState<ExpressionCount>({
    preview: null,
    error: null,
    pending: false,
  });
  const [revision, setRevision] = useState(0);
  useEvent(
    'study.changed',
    useCallback((change) => change.study && setRevision((r) => r + 1), []),
  );
  const text = expression.trim();

  useEffect(() => {
    if (!text) {
      setState({ preview: null, error: null, pending: false });
      return;
    }
    let current = true;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      client.invoke('variables.previewExpression', { expression: text, as }).then(
        (preview) => current && setState({ preview, error: null, pending: false }),
        (failure: Error) =>
          current && setState({ preview: null, error: failure.message, pending: false }),
      );
    }, DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, text, as, revision]);

  return state;
}
