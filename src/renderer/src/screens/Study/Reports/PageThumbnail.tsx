/**
 * One page in the strip: a small slide in the template's colours with its number, title,
 * takeaway and what it holds. It is the drag handle too (dnd-kit sortable); the keyboard moves
 * it with Alt+↑/↓ (handled by the strip).
 */
import { useSortable } from '@dnd-kit/sortable';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  slideInches,
  type ReportPage,
  type ReportTemplate,
} from '../../../../../shared/domain/report';
import { itemSummary } from './itemSummary';

interface PageThumbnailProps {
  page: ReportPage;
  number: number;
  template: ReportTemplate;
  selected: boolean;
  onSelect: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
  buttonRef: (element: HTMLButtonElement | null) => void;
}

export function PageThumbnail({
  page,
  number,
  template,
  selected,
  onSelect,
  onKeyDown,
  buttonRef,
}: PageThumbnailProps) {
  const { t } = useTranslation('reports');
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: page.id,
  });
  const { width, height } = slideInches[template.slideSize];
  const title = page.title.trim() || t('strip.untitled');
  return (
    <li
      ref={setNodeRef}
      className={`report-thumb${selected ? ' report-thumb--selected' : ''}${isDragging ? ' report-thumb--dragging' : ''}`}
      style={{
        transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
        transition,
      }}
    >
      <button
        type="button"
        ref={buttonRef}
        {...attributes}
        {...listeners}
        aria-pressed={selected}
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Delete"
        onClick={onSelect}
        onKeyDown={onKeyDown}
        className="report-thumb__button"
      >
        <span className="report-thumb__number">{number}</span>
        <span
          className="report-thumb__slide"
          style={{
            aspectRatio: `${width} / ${height}`,
            background: template.colours.background,
            color: template.colours.text,
            borderTopColor: template.colours.primary,
          }}
        >
          <span className="report-thumb__title" style={{ color: template.colours.primary }}>
            {title}
          </span>
          {page.takeaway && (
            <span className="report-thumb__takeaway" style={{ color: template.colours.accent }}>
              {page.takeaway}
            </span>
          )}
          <span className="report-thumb__items">
            {page.items.length === 0
              ? t('strip.titlePage')
              : page.items.map((item) => itemSummary(item, t)).join(' · ')}
          </span>
          {page.repeatEach && (
            <span className="report-thumb__repeat">
              {t('strip.repeats', { variable: page.repeatEach })}
            </span>
          )}
        </span>
      </button>
    </li>
  );
}
