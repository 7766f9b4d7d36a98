/** Saving the chart on screen under a name, and the study's saved charts to open or delete. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedChart } from '../../../../../shared/api/charts';
import type { ChartSpec } from '../../../../../shared/domain/chart';
import { useClient } from '../../../api/ClientContext';
import { formatDateTime } from '../../../format';

interface SavedChartsPanelProps {
  spec: ChartSpec | null;
  suggestedName: string;
  onOpen: (chart: SavedChart) => void;
  onNotice: (tone: 'info' | 'error', text: string) => void;
}

export function SavedChartsPanel({ spec, suggestedName, onOpen, onNotice }: SavedChartsPanelProps) {
  const { t } = useTranslation('charts');
  const client = useClient();
  const [saved, setSaved] = useState<SavedChart[]>([]);
  const [name, setName] = useState('');

  const load = useCallback(() => {
    client
      .invoke('charts.saved', {})
      .then(setSaved, (failure: Error) => onNotice('error', failure.message));
  }, [client, onNotice]);
  useEffect(load, [load]);

  const save = async () => {
    if (!spec) return;
    const chosen = (name.trim() || suggestedName).trim();
    try {
      await client.invoke('charts.save', { name: chosen, spec });
      onNotice('info', t('saved.done', { name: chosen }));
      setName('');
      load();
    } catch (error) {
      onNotice('error', (error as Error).message);
    }
  };

  const remove = async (chart: SavedChart) => {
    try {
      await client.invoke('charts.delete', { name: chart.name });
      load();
    } catch (error) {
      onNotice('error', (error as Error).message);
    }
  };

  return (
    <section className="panel saved-charts" aria-labelledby="saved-charts-heading">
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>{t('saved.name')}</span>
          <input
            value={name}
            placeholder={suggestedName}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={!spec}>
          {t('saved.save')}
        </button>
      </form>
      <h3 id="saved-charts-heading">{t('saved.heading')}</h3>
      {saved.length === 0 ? (
        <p className="muted">{t('saved.none')}</p>
      ) : (
        <table className="saved-charts__list" aria-labelledby="saved-charts-heading">
          <tbody>
            {saved.map((chart) => (
              <tr key={chart.name}>
                <th scope="row">{chart.name}</th>
                <td className="muted">{t(`kinds.${chart.spec.kind}`)}</td>
                <td className="muted">{formatDateTime(chart.updatedAt)}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => onOpen(chart)}
                    aria-label={t('saved.openNamed', { name: chart.name })}
                  >
                    {t('saved.open')}
                  </button>{' '}
                  <button
                    type="button"
                    onClick={() => void remove(chart)}
                    aria-label={t('saved.deleteNamed', { name: chart.name })}
                  >
                    {t('saved.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
