/**
 * A slide as the export will print it: the template's size, colours, font and logo place, the
 * title, takeaway, items and footnotes in the deck's boxes. Drawn at the printed size (96 px an
 * inch) and scaled to the space it has, so proportions, line breaks and table text sizes are the
 * export's.
 */
import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderedPage, ReportTemplate } from '../../../../../shared/domain/report';
import { slideLayout, type Box } from '../../../../../shared/domain/slideLayout';
import { PreviewItem } from './PreviewItem';

/** CSS pixels per inch: the preview draws the slide at its printed size, then scales it to fit. */
const PX_PER_INCH = 96;

interface SlidePreviewProps {
  page: RenderedPage;
  template: ReportTemplate;
  /** The footnote lines under the items (automatic, or the user's own), as the export writes them. */
  footnotes: string[];
  label: string;
}

function place(box: Box): CSSProperties {
  return {
    left: box.x * PX_PER_INCH,
    top: box.y * PX_PER_INCH,
    width: box.w * PX_PER_INCH,
    height: box.h * PX_PER_INCH,
  };
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function SlidePreview({ page, template, footnotes, label }: SlidePreviewProps) {
  const { t } = useTranslation('reports');
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const [available, setAvailable] = useState(0);
  const boxes = slideLayout(template.slideSize, page.items.length, Boolean(page.takeaway));
  const width = boxes.width * PX_PER_INCH;
  const height = boxes.height * PX_PER_INCH;

  useEffect(() => {
    if (!frame) return;
    const observer = new ResizeObserver(() => setAvailable(frame.clientWidth));
    observer.observe(frame);
    setAvailable(frame.clientWidth);
    return () => observer.disconnect();
  }, [frame]);

  const scale = available > 0 ? available / width : 0;
  const { colours } = template;
  return (
    <div
      ref={setFrame}
      className="report-slide-frame"
      style={{ height: height * scale }}
      role="figure"
      aria-label={label}
    >
      <div
        className="report-slide"
        style={{
          width,
          height,
          transform: `scale(${scale})`,
          background: colours.background,
          color: colours.text,
          fontFamily: `"${template.font}", Arial, sans-serif`,
        }}
      >
        <div
          className="report-slide__title"
          style={{ ...place(boxes.title), color: colours.primary }}
        >
          {page.title}
        </div>
        {page.takeaway && (
          <div
            className="report-slide__takeaway"
            style={{ ...place(boxes.takeaway), color: colours.accent }}
          >
            {page.takeaway}
          </div>
        )}
        {template.logoPath && (
          <div className="report-slide__logo" style={place(boxes.logo)} title={template.logoPath}>
            {t('preview.logo', { file: fileName(template.logoPath) })}
          </div>
        )}
        {page.items.map((item, index) => (
          <div key={index} className="report-slide__item" style={place(boxes.items[index]!)}>
            <PreviewItem item={item} template={template} />
          </div>
        ))}
        {footnotes.length > 0 && (
          <div className="report-slide__footnote" style={place(boxes.footnote)}>
            {footnotes.map((line, index) => (
              <div key={index}>{line}</div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
