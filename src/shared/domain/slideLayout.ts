/**
 * Where things sit on a page, in inches: the deck and the PDF place title, takeaway, logo, items
 * and footnote by the same boxes, so the printed page looks like the slide.
 */
import { slideInches, type SlideSize } from './report';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SlideLayout {
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
export function slideLayout(size: SlideSize, items: number, hasTakeaway: boolean): SlideLayout {
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
  const rowsOf = Math.ceil(count / perRow);
  const w = (inner - GAP * (perRow - 1)) / perRow;
  const h = (bottom - top - GAP * (rowsOf - 1)) / rowsOf;
  const boxes = Array.from({ length: items }, (_, i) => ({
    x: MARGIN + (i % perRow) * (w + GAP),
    y: top + Math.floor(i / perRow) * (h + GAP),
    w,
    h,
  }));
  return { width, height, title, takeaway, logo, items: boxes, footnote };
}
