/**
 * Tooltips are HTML; labels come from survey files. Every line a tooltip shows goes through here,
 * so a label like "<b>R&D</b>" reads as written and never becomes markup.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Lines of plain text as one tooltip's HTML. */
export function tooltipLines(...lines: string[]): string {
  return lines.map(escapeHtml).join('<br/>');
}
