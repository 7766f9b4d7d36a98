/**
 * The footnote under a chart or table: automatic (question, bases, filter, weight, test, waves
 * and countries, drawn again whenever the data changes), or the user's own text. An own text
 * that no longer says what the automatic one says is shown beside it, never silently kept.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface FootnoteEditorProps {
  /** The automatic footnote as the data stands now; null until the page is drawn. */
  automatic: string | null;
  override: string | undefined;
  onChange: (override: string | undefined) => void;
}

export function FootnoteEditor({ automatic, override, onChange }: FootnoteEditorProps) {
  const { t } = useTranslation('reports');
  const id = useId();
  if (override === undefined) {
    return (
      <div className="report-footnote">
        <p className="report-footnote__text">
          <span className="report-footnote__tag">{t('footnote.automatic')}</span>{' '}
          {automatic ?? t('footnote.drawing')}
        </p>
        <button
          type="button"
          className="link"
          disabled={automatic === null}
          onClick={() => onChange(automatic ?? '')}
        >
          {t('footnote.edit')}
        </button>
      </div>
    );
  }
  const differs = automatic !== null && override !== automatic;
  return (
    <div className="report-footnote">
      <label className="field field--wide" htmlFor={id}>
        <span>{t('footnote.own')}</span>
      </label>
      <textarea
        id={id}
        rows={3}
        value={override}
        onChange={(event) => onChange(event.target.value)}
      />
      {differs && (
        <p className="notice notice--warn report-footnote__differs" role="note">
          {t('footnote.differs', { automatic })}
        </p>
      )}
      <button type="button" className="link" onClick={() => onChange(undefined)}>
        {t('footnote.useAutomatic')}
      </button>
    </div>
  );
}
