/**
 * One page of the report drawn on the study's current data (reports.render on the draft, that
 * page only): its copies when it repeats, every table's result, every chart's series, every
 * automatic footnote. Drawn again shortly after the page changes, and whenever the study's data
 * or labels change, so an automatic footnote is never stale.
 */
import { useCallback, useEffect, useState } from 'react';
import type { RenderedReport, Report } from '../../../../../shared/domain/report';
import { useClient, useEvent } from '../../../api/ClientContext';

const RENDER_AFTER_MS = 250;

export interface RenderedPageState {
  rendered: RenderedReport | null;
  error: string | null;
  /** True while a newer drawing is on its way. */
  stale: boolean;
}

export function useRenderedPage(
  report: Report,
  pageIndex: number,
  language: string | undefined,
): RenderedPageState {
  const client = useClient();
  const [state, setState] = useState<RenderedPageState>({
    rendered: null,
    error: null,
    stale: true,
  });
  const [revision, setRevision] = useState(0);
  useEvent(
    'study.changed',
    useCallback((change) => {
      if (change.study) setRevision((r) => r + 1);
    }, []),
  );

  const page = report.pages[pageIndex];
  const { name, template, repeatEach } = report;
  useEffect(() => {
    if (!page) {
      setState({ rendered: null, error: null, stale: false });
      return;
    }
    let wanted = true;
    setState((previous) => ({ ...previous, stale: true }));
    const timer = setTimeout(() => {
      client
        .invoke('reports.render', {
          report: { name, template, ...(repeatEach ? { repeatEach } : {}), pages: [page] },
          ...(language ? { language } : {}),
        })
        .then(
          (rendered) => wanted && setState({ rendered, error: null, stale: false }),
          (failure: Error) =>
            wanted && setState({ rendered: null, error: failure.message, stale: false }),
        );
    }, RENDER_AFTER_MS);
    return () => {
      wanted = false;
      clearTimeout(timer);
    };
  }, [client, page, name, template, repeatEach, language, revision]);

  return state;
}
