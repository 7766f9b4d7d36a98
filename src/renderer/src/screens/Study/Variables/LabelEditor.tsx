/**
 * A variable's label and value labels as shown, and — when the study can be written — edited in
 * the study's label language only: each field holds the label in that language as stored (empty
 * when there is none, with the fallback shown beside it), and Save sends only what changed.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VariableDetail } from '../../../../../shared/api/variables';
import { languageName } from '../../../../../shared/domain/languages';
import { LabelText } from '../../../components/LabelText';

export interface LabelChanges {
  label?: string;
  valueLabels: Array<{ code: string; label: string }>;
}

interface LabelEditorProps {
  detail: VariableDetail;
  editable: boolean;
  onSave: (changes: LabelChanges) => void;
  onNothingChanged: () => void;
}

export function LabelEditor({ detail, editable, onSave, onNothingChanged }: LabelEditorProps) {
  const { t } = useTranslation('variables');
  const language = languageName(detail.language);
  const [label, setLabel] = useState(detail.text);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(detail.valueLabels.map((value) => [value.code, value.text])),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes: LabelChanges = {
      ...(label.trim() !== detail.text ? { label: label.trim() } : {}),
      valueLabels: detail.valueLabels
        .filter((value) => (values[value.code] ?? '').trim() !== value.text)
        .map((value) => ({ code: value.code, label: (values[value.code] ?? '').trim() })),
    };
    if (changes.label === undefined && changes.valueLabels.length === 0) onNothingChanged();
    else onSave(changes);
  };

  const fallbackHint = (text: string, shown: string | null, from: string | null) =>
    text === '' && shown !== null && from !== null ? (
      <span className="muted label-editor__hint">
        {t('edit.fallback', { language, text: shown, from: languageName(from) })}
      </span>
    ) : null;

  return (
    <form className="label-editor" onSubmit={submit} aria-label={t('edit.heading', { language })}>
      {editable && (
        <label className="field field--wide">
          <span>{t('edit.variableLabel', { language })}</span>
          <input value={label} maxLength={500} onChange={(e) => setLabel(e.target.value)} />
          {fallbackHint(detail.text, detail.label, detail.labelLanguage)}
        </label>
      )}
      {detail.origin !== 'set' && (
        <>
          <h4>{t('detail.valueLabels')}</h4>
          {detail.valueLabels.length === 0 ? (
            <p className="muted">{t('detail.noValueLabels')}</p>
          ) : (
            <table className="data-table value-labels" aria-label={t('detail.valueLabels')}>
              <thead>
                <tr>
                  <th className="num">{t('detail.code')}</th>
                  <th>{t('columns.label')}</th>
                  {editable && <th>{language}</th>}
                </tr>
              </thead>
              <tbody>
                {detail.valueLabels.map((value) => (
                  <tr key={value.code}>
                    <td className="num">{value.code}</td>
                    <td>
                      {value.label !== null && (
                        <LabelText
                          text={value.label}
                          fallbackLanguage={value.labelFallback ? value.labelLanguage : null}
                        />
                      )}
                    </td>
                    {editable && (
                      <td>
                        <input
                          value={values[value.code] ?? ''}
                          maxLength={500}
                          aria-label={t('edit.valueLabel', { code: value.code, language })}
                          placeholder={value.label ?? ''}
                          onChange={(e) =>
                            setValues((current) => ({ ...current, [value.code]: e.target.value }))
                          }
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {editable && <button type="submit">{t('edit.save')}</button>}
    </form>
  );
}
