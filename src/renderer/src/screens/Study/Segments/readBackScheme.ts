/**
 * A scheme that reads a saved segment variable back as it is stored: each respondent keeps the
 * segment the variable holds. Previewing it gives the shares by country, industry and wave of
 * any saved segmentation — rules or clusters — without recomputing it.
 */
import type { SavedSegmentation, SegmentScheme } from '../../../../../shared/domain/segments';

const ROLE = 'segment';

/** The read-back scheme and its binding; null for a segmentation of fewer than two segments. */
export function readBackScheme(
  saved: SavedSegmentation,
): { scheme: SegmentScheme; bindings: Record<string, string> } | null {
  const segments = saved.segments;
  const last = segments[segments.length - 1];
  if (segments.length < 2 || !last) return null;
  return {
    scheme: {
      name: 'saved-segmentation',
      title: (saved.label ?? saved.name).slice(0, 200) || saved.name,
      roles: [{ name: ROLE, label: saved.name }],
      universe: { role: ROLE, in: segments.map((segment) => segment.code) },
      rules: segments.slice(0, -1).map((segment) => ({
        code: segment.code,
        label: segment.label,
        when: { role: ROLE, op: '=', value: segment.code },
      })),
      else: { code: last.code, label: last.label },
    },
    bindings: { [ROLE]: saved.name },
  };
}
