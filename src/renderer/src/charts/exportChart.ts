/**
 * A chart as a file: PNG from a canvas-rendered copy, SVG from a server-side-style SVG instance
 * (renderToSVGString), both drawn from the same option as the screen at a fixed size, without
 * animation and with the title and footnote inside. The file is handed to the browser as a
 * download (blob: URL on an <a download>), which the CSP allows: it is a navigation-free
 * download, not an image or fetch the policy governs. In Electron the same download shows the
 * save dialog.
 */
import { echarts, type EChartsCoreOption } from './echartsCore';

export interface ExportSize {
  width: number;
  height: number;
}

export const EXPORT_SIZE: ExportSize = { width: 1200, height: 675 };

export function chartToSvg(option: EChartsCoreOption, size: ExportSize = EXPORT_SIZE): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function chartToPngDataUrl(
  option: EChartsCoreOption,
  background: string,
  size: ExportSize = EXPORT_SIZE,
): string {
  const holder = document.createElement('div');
  const chart = echarts.init(holder, null, { renderer: 'canvas', ...size });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background });
  } finally {
    chart.dispose();
  }
}

function dataUrlToBlob(dataUrl: string): Blob {
  const [header = '', payload = ''] = dataUrl.split(',', 2);
  const type = /data:([^;]+)/.exec(header)?.[1] ?? 'application/octet-stream';
  const bytes = Uint8Array.from(atob(payload), (char) => char.charCodeAt(0));
  return new Blob([bytes], { type });
}

/** Offers a file to the user as a download. */
export function downloadFile(name: string, content: Blob | string, type?: string): void {
  const blob =
    typeof content !== 'string'
      ? content
      : content.startsWith('data:')
        ? dataUrlToBlob(content)
        : new Blob([content], { type: type ?? 'text/plain' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; release the blob on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from a chart's title: letters, digits, dashes. */
export function chartFileName(title: string, extension: 'png' | 'svg'): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${stem || 'chart'}.${extension}`;
}
