/**
 * One zone of the builder (Rows, Columns or Filter): a drop target whose variables are chips
 * that reorder by drag, or with the keyboard (Space to lift, arrows to move, Space to drop —
 * dnd-kit's KeyboardSensor), and leave with their × button.
 */
import { useDroppable } from '@dnd-kit/core';
import { horizontalListSortingStrategy, SortableContext } from '@dnd-kit/sortable';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Zone } from './tableDraft';
import { ZoneChip } from './ZoneChip';

export interface ZoneItem {
  name: string;
  /** What the chip reads ("energy", "age · mean", "country in (DE)"). */
  text: string;
}

interface DropZoneProps {
  zone: Zone;
  title: string;
  items: ZoneItem[];
  onRemove: (name: string) => void;
  /** Below the chips (the Filter zone's expression box). */
  children?: ReactNode;
}

export function DropZone({ zone, title, items, onRemove, children }: DropZoneProps) {
  const { t } = useTranslation('tables');
  const { setNodeRef, isOver } = useDroppable({ id: `zone:${zone}`, data: { zone } });
  return (
    <section
      ref={setNodeRef}
      className={isOver ? 'drop-zone drop-zone--over' : 'drop-zone'}
      aria-label={t('zones.zoneLabel', { zone: title })}
      data-zone={zone}
    >
      <h3 className="drop-zone__title">{title}</h3>
      <SortableContext
        items={items.map((item) => `${zone}:${item.name}`)}
        strategy={horizontalListSortingStrategy}
      >
        <ul className="drop-zone__chips">
          {items.map((item) => (
            <ZoneChip
              key={item.name}
              zone={zone}
              item={item}
              removeLabel={t('zones.remove', { name: item.name, zone: title })}
              onRemove={() => onRemove(item.name)}
            />
          ))}
          {items.length === 0 && <li className="muted">{t('zones.empty')}</li>}
        </ul>
      </SortableContext>
      {children}
    </section>
  );
}
