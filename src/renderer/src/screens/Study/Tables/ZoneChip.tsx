/** A variable in a zone: a sortable chip with a remove button. */
import { useSortable } from '@dnd-kit/sortable';
import type { ZoneItem } from './DropZone';
import type { Zone } from './tableDraft';

interface ZoneChipProps {
  zone: Zone;
  item: ZoneItem;
  removeLabel: string;
  onRemove: () => void;
}

export function ZoneChip({ zone, item, removeLabel, onRemove }: ZoneChipProps) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: `${zone}:${item.name}`,
    data: { zone, variable: item.name },
  });
  return (
    <li
      ref={setNodeRef}
      className={isDragging ? 'zone-chip zone-chip--dragging' : 'zone-chip'}
      style={{
        transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
        transition,
      }}
      data-chip={item.name}
      {...attributes}
      {...listeners}
    >
      <span>{item.text}</span>
      <button
        type="button"
        className="zone-chip__remove"
        aria-label={removeLabel}
        onPointerDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.stopPropagation()}
        onClick={onRemove}
      >
        ×
      </button>
    </li>
  );
}
