/**
 * The report's pages as a strip of thumbnails. Drag a page to move it (dnd-kit); with the
 * keyboard, ↑/↓ choose a page, Alt+↑/↓ move it, Delete removes it (undo brings it back). The
 * keys are written under the strip, and screen readers hear each move.
 */
import {
  DndContext,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../../../shared/domain/report';
import { PageThumbnail } from './PageThumbnail';

interface PageStripProps {
  report: Report;
  selectedId: string | null;
  onSelect: (pageId: string) => void;
  onMove: (from: number, to: number) => void;
  onDelete: (index: number) => void;
}

export function PageStrip({ report, selectedId, onSelect, onMove, onDelete }: PageStripProps) {
  const { t } = useTranslation('reports');
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focusId, setFocusId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const ids = report.pages.map((page) => page.id);
  const titleOf = (id: string) => report.pages.find((page) => page.id === id)?.title ?? id;

  // A moved or newly chosen page keeps the keyboard focus where React put its button.
  useEffect(() => {
    if (focusId === null) return;
    buttons.current.get(focusId)?.focus();
    setFocusId(null);
  }, [focusId, report]);

  const move = (from: number, to: number) => {
    const page = report.pages[from];
    if (!page || to < 0 || to >= report.pages.length || from === to) return;
    onMove(from, to);
    setAnnouncement(
      t('strip.moved', { title: page.title, position: to + 1, count: report.pages.length }),
    );
    setFocusId(page.id);
  };

  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLButtonElement>) => {
    const page = report.pages[index];
    if (!page) return;
    const step = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0;
    if (step !== 0 && event.altKey) {
      event.preventDefault();
      move(index, index + step);
    } else if (step !== 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      const next = report.pages[index + step];
      if (!next) return;
      event.preventDefault();
      onSelect(next.id);
      setFocusId(next.id);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      const neighbour = report.pages[index + 1] ?? report.pages[index - 1];
      onDelete(index);
      if (neighbour) setFocusId(neighbour.id);
    }
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };

  return (
    <div className="report-strip">
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: t('strip.keys') },
          announcements: {
            onDragStart: ({ active }) => t('strip.picked', { title: titleOf(String(active.id)) }),
            onDragOver: () => undefined,
            onDragEnd: () => undefined,
            onDragCancel: ({ active }) =>
              t('strip.dropCancelled', { title: titleOf(String(active.id)) }),
          },
        }}
      >
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <ol className="report-strip__pages" aria-label={t('strip.label')}>
            {report.pages.map((page, index) => (
              <PageThumbnail
                key={page.id}
                page={page}
                number={index + 1}
                template={report.template}
                selected={page.id === selectedId}
                onSelect={() => onSelect(page.id)}
                onKeyDown={onKeyDown(index)}
                buttonRef={(element) => {
                  if (element) buttons.current.set(page.id, element);
                  else buttons.current.delete(page.id);
                }}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {report.pages.length === 0 && <p className="muted">{t('strip.empty')}</p>}
      <p className="report-strip__hint muted">{t('strip.hint')}</p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
