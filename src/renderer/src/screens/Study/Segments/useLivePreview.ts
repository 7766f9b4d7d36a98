/**
 * The rule builder's live counts: segments.preview of the draft, asked a moment after the rules
 * stop changing (a select run through with the arrow keys asks once), the answers of superseded
 * drafts dropped. A change of the study (new data) asks again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Input } from '../../../../../shared/api/index';
import type { SegmentPreview } from '../../../../../shared/domain/segments';
import { useClient, useEvent } from '../../../api/ClientContext';

export type PreviewRequest = Input<'segments.preview'>;

export interface LivePreview {
  preview: SegmentPreview | null;
  error: string | null;
  /** A newer draft is waiting for its counts. */
  pending: boolean;
}

const DELAY_MS = 300;

export function useLivePreview(request: PreviewRequest | null): LivePreview {
  const client = useClient();
  const [state, setState] = useState<LivePreview>({ preview: null, error: null, pending: false });
  const [revision, setRevision] = useState(0);
  useEvent(
    'study.changed',
    useCallback((change) => change.study && setRevision((r) => r + 1), []),
  );
  // The request as text: a new object with the same content asks nothing new.
  const key = request ? JSON.stringify(request) : null;

  useEffect(() => {
    if (!key) {
      setState((s) => ({ ...s, pending: false }));
      return;
    }
    let current = true;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      client.invoke('segments.preview', JSON.parse(key) as PreviewRequest).then(
        (preview) => current && setState({ preview, error: null, pending: false }),
        (failure: Error) =>
          current && setState({ preview: null, error: failure.message, pending: false }),
      );
    }, DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, key, revision]);

  return state;
}
