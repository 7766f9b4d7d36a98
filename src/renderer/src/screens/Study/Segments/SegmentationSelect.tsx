/** A select of the study's saved segmentations, by name, shared by the profile, typing-tool and golden panes. */
import type { SavedSegmentation } from '../../../../../shared/domain/segments';

interface SegmentationSelectProps {
  label: string;
  saved: SavedSegmentation[];
  value: string;
  onChange: (name: string) => void;
}

export function SegmentationSelect({ label, saved, value, onChange }: SegmentationSelectProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {saved.map((entry) => (
          <option key={entry.name} value={entry.name}>
            {entry.label ? `${entry.name} — ${entry.label}` : entry.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The chosen name while it is still saved, else the first saved segmentation's (or none). */
export function chosenSegmentation(saved: SavedSegmentation[], chosen: string): string {
  return saved.some((entry) => entry.name === chosen) ? chosen : (saved[0]?.name ?? '');
}
