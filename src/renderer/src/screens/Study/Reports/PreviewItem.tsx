/** One item of a slide in the preview: a chart, a table, text, or what kept it from being drawn. */
import { useTranslation } from 'react-i18next';
import type { RenderedItem, ReportTemplate } from '../../../../../shared/domain/report';
import { CrossTable } from '../CrossTable';
import { PreviewChart } from './PreviewChart';

interface PreviewItemProps {
  item: RenderedItem;
  template: ReportTemplate;
}

/** The export's table text size: smaller as a table grows, between 7 and 12 points. */
function tableFontPt(rows: number): number {
  return Math.max(7, Math.min(12, Math.floor(200 / (rows + 4))));
}

export function PreviewItem({ item, template }: PreviewItemProps) {
  const { t } = useTranslation('reports');
  switch (item.kind) {
    case 'chart':
      return <PreviewChart item={item} template={template} />;
    case 'table':
      return (
        <div
          className="report-slide__table"
          style={{ fontSize: `${tableFontPt(item.result.rows.length)}pt` }}
        >
          <div className="report-slide__item-title">{item.title}</div>
          <CrossTable result={item.result} content="colPct" onCompare={() => undefined} />
        </div>
      );
    case 'text':
      return <div className="report-slide__text">{item.text}</div>;
    case 'problem':
      return (
        <div className="report-slide__problem" role="note">
          {t('preview.notShown', { message: item.message })}
        </div>
      );
  }
}
