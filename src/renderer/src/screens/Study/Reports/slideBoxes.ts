/**
 * Where the title, takeaway, logo, items and footnote sit on a slide, in inches: the boxes the
 * deck and the PDF use (src/main/report/slideLayout.ts, which the renderer may not import), so
 * the preview is laid out like the export. Keep the two in step until that module moves to
 * src/shared.
 */
import { slideInches, type SlideSize } from '../../../../../shared/domain/report';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SlideBoxes {
  width: number;
  height: number;
  title: Box;
  takeaway: Box;
  logo: Box;
  items: Box[];
  footnote: Box;
}

const MARGIN = 0.4;
const GAP = 0.25;

/** Items side by side (one, two or three), a grid of two rows for four or more. */
export function slideBoxes(size: SlideSize, items: number, hasTakeaway: boolean): SlideBoxes {
  const { width, height } = slideInches[size];
  const inner = width - 2 * MARGIN;
  const title: Box = { x: MARGIN, y: 0.3, w: inner - 1.6, h: 0.7 };
  const takeaway: Box = { x: MARGIN, y: 1.0, w: inner, h: hasTakeaway ? 0.5 : 0 };
  const logo: Box = { x: width - MARGIN - 1.4, y: 0.3, w: 1.4, h: 0.6 };
  const footnote: Box = { x: MARGIN, y: height - 1.15, w: inner, h: 0.95 };
  const top = takeaway.y + takeaway.h + 0.15;
  const bottom = footnote.y - 0.1;
  const count = Math.max(items, 1);
  const perRow = count <= 3 ? count : Math.ceil(count / 2);
  const rows = Math.ceil(count / perRow);
  const w = (inner - GAP * (perRow - 1)) / perRow;
  const h = (bottom - top - GAP * (rows - 1)) / rows;
  const boxes = Array.from({ length: items }, (_, i) => ({
    x: MARGIN + (i % perRow) * (w + GAP),
    y: top + Math.floor(i / perRow) * (h + GAP),
    w,
    h,
  }));
  return { width, height, title, takeaway, logo, items: boxes, footnote };
}

/** CSS pixels per inch: the preview draws the slide at its printed size, then scales it to fit. */
export const PX_PER_INCH = 96;
