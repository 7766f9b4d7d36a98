/**
 * One value of the dimension (Italy, Retail, 2026…): its letter, name and base, and the question's
 * categories as bars on the shared scale — or as the table column with an inline bar — each value
 * with the letters of the panels it is significantly higher than and ▲/▼ against the rest.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { seriesColour } from '../../../../../shared/domain/chart';
import { formatNumber } from '../../../../../shared/domain/tableFormat';
import { panelChartHeight, panelOption } from '../../../../../shared/charts/panelOption';
import type { SideBySidePanel } from '../../../../../shared/charts/sideBySidePanels';
import { useChartTheme } from '../../../charts/useChartTheme';
import { useEChart } from '../../../charts/useEChart';

interface ComparePanelProps {
  panel: SideBySidePanel;
  axisMax: number;
  showAs: 'charts' | 'tables';
}

function PanelChart({ panel, axisMax }: Omit<ComparePanelProps, 'showAs'>) {
  const theme = useChartTheme();
  const option = useMemo(() => panelOption(panel, axisMax, theme), [panel, axisMax, theme]);
  const chart = useEChart(option);
  return (
    <div
      ref={chart.ref}
      className="compare-panel__chart"
      style={{ height: panelChartHeight(panel.bars.length) }}
    />
  );
}

function PanelTable({ panel, axisMax }: Omit<ComparePanelProps, 'showAs'>) {
  const { t } = useTranslation('compare');
  return (
    <table className="compare-panel__table">
      <thead>
        <tr>
          <th scope="col">{t('answer')}</th>
          <th scope="col" className="num">
            %
          </th>
          <th scope="col">
            <span className="visually-hidden">{t('scale')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {panel.bars.map((bar) => (
          <tr key={bar.key}>
            <th scope="row">{bar.label}</th>
            <td className="num">
              {bar.text}
              {bar.letters && <span className="sig"> {bar.letters}</span>}
              {bar.mark && <span className="mark"> {bar.mark}</span>}
            </td>
            <td className="compare-panel__bar-cell" aria-hidden="true">
              <span
                className="compare-panel__bar"
                style={{
                  width: `${((bar.value ?? 0) / axisMax) * 100}%`,
                  background: seriesColour(bar.key),
                }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ComparePanel({ panel, axisMax, showAs }: ComparePanelProps) {
  const { t } = useTranslation('compare');
  const name = panel.letter ? `${panel.letter} · ${panel.label}` : panel.label;
  return (
    <article className="panel compare-panel" aria-label={panel.label}>
      <header className="compare-panel__header">
        <h3>{name}</h3>
        <span className={panel.lowBase ? 'low-base' : 'muted'}>
          {panel.lowBase
            ? t('lowBase', { n: formatNumber(panel.base, 'base') })
            : t('base', { n: formatNumber(panel.base, 'base') })}
        </span>
      </header>
      {showAs === 'charts' ? (
        <PanelChart panel={panel} axisMax={axisMax} />
      ) : (
        <PanelTable panel={panel} axisMax={axisMax} />
      )}
    </article>
  );
}
