/** A report item named in a few words: "Chart: Segment shares by country", "Text". */
import type { TFunction } from 'i18next';
import type { ReportItem } from '../../../../../shared/domain/report';

export function itemSummary(item: ReportItem, t: TFunction<'reports'>): string {
  switch (item.kind) {
    case 'chart':
      return t('item.chart', {
        name: typeof item.chart === 'string' ? item.chart : (item.title ?? t('item.inPlace')),
      });
    case 'table':
      return t('item.table', {
        name:
          typeof item.table === 'string'
            ? item.index
              ? `${item.table} #${item.index + 1}`
              : item.table
            : (item.title ?? t('item.inPlace')),
      });
    case 'text':
      return t('item.text');
  }
}
