/**
 * One file in the import wizard: its settings (country, wave, respondent type, ID, encoding and
 * the reader's options), a preview of the first rows with labels, and the validation report.
 * Every change re-reads the preview, so what the user sees is what will be imported.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/domain/dataset';
import { useClient } from '../../api/ClientContext';

export interface ImportFileSettings {
  path: string;
  country: string;
  wave: string;
  respondentType: 'customer' | 'executive';
  idVariable: string;
  encoding: string;
  sheet: string;
  headerRow: string;
  delimiter: string;
  /** CSV and Excel: types and category orders the user chose, by variable. */
  types: Record<string, VariableKind>;
  categoryOrder: Record<string, string[]>;
}

type VariableKind = 'single' | 'numeric' | 'text' | 'date';
const KINDS: VariableKind[] = ['single', 'numeric', 'text', 'date'];

export type ImportFileStatus = 'ready' | 'importing' | 'imported' | 'failed';

interface ImportFileCardProps {
  settings: ImportFileSettings;
  status: ImportFileStatus;
  onChange: (settings: ImportFileSettings) => void;
  onPreview: (preview: ImportPreview | null) => void;
  onRemove: () => void;
}

const ENCODINGS = [
  'utf-8',
  'windows-1252',
  'iso-8859-15',
  'cp949',
  'shift_jis',
  'utf-16le',
  'gbk',
  'big5',
];

function extensionOf(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1).toLowerCase();
}

function fileNameOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

export function ImportFileCard({
  settings,
  status,
  onChange,
  onPreview,
  onRemove,
}: ImportFileCardProps) {
  const client = useClient();
  const { t } = useTranslation('importer');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const extension = extensionOf(settings.path);
  const { path, encoding, sheet, headerRow, delimiter, idVariable, types, categoryOrder } =
    settings;
  const tabular = ['csv', 'tsv', 'tab', 'txt', 'xlsx'].includes(extension);
  const typesKey = JSON.stringify(types);
  const orderKey = JSON.stringify(categoryOrder);

  useEffect(() => {
    let current = true;
    setError(null);
    client
      .invoke('import.preview', {
        path,
        ...(encoding ? { encoding } : {}),
        ...(sheet ? { sheet } : {}),
        ...(headerRow ? { headerRow: Number(headerRow) } : {}),
        ...(delimiter ? { delimiter } : {}),
        ...(idVariable ? { idVariable } : {}),
        ...(Object.keys(types).length > 0 ? { types } : {}),
        ...(Object.keys(categoryOrder).length > 0 ? { categoryOrder } : {}),
      })
      .then(
        (result) => {
          if (!current) return;
          setPreview(result);
          onPreview(result);
        },
        (failure: Error) => {
          if (!current) return;
          setPreview(null);
          setError(failure.message);
          onPreview(null);
        },
      );
    return () => {
      current = false;
    };
    // onPreview is left out on purpose: the parent passes a new function each render, and the
    // preview depends only on the file and its reader options.
    // types and categoryOrder are compared by value (their keys), not by object identity.
  }, [client, path, encoding, sheet, headerRow, delimiter, idVariable, typesKey, orderKey]);

  const set = <K extends keyof ImportFileSettings>(key: K, value: ImportFileSettings[K]) =>
    onChange({ ...settings, [key]: value });
  const locked = status === 'importing' || status === 'imported';
  const shownVariables = preview?.info.variables.slice(0, 12) ?? [];

  return (
    <article className="panel import-card" aria-label={t('card.label', { file: fileNameOf(path) })}>
      <header className="import-card__header">
        <h4>{fileNameOf(path)}</h4>
        <span className={`badge badge--${status}`}>{t(`card.status.${status}`)}</span>
        <button
          type="button"
          className="link"
          onClick={onRemove}
          disabled={locked}
          aria-label={t('card.removeLabel', { file: fileNameOf(path) })}
        >
          {t('card.remove')}
        </button>
      </header>
      <div className="inline-form">
        <label className="field">
          <span>{t('card.country')}</span>
          <input
            value={settings.country}
            onChange={(e) => set('country', e.target.value.toUpperCase())}
            placeholder="DE"
            maxLength={3}
            disabled={locked}
          />
        </label>
        <label className="field">
          <span>{t('card.wave')}</span>
          <input
            value={settings.wave}
            onChange={(e) => set('wave', e.target.value)}
            placeholder="2026"
            maxLength={40}
            disabled={locked}
          />
        </label>
        <label className="field">
          <span>{t('card.respondents')}</span>
          <select
            value={settings.respondentType}
            onChange={(e) => set('respondentType', e.target.value as 'customer' | 'executive')}
            disabled={locked}
          >
            <option value="customer">{t('card.customers')}</option>
            <option value="executive">{t('card.executives')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('card.respondentId')}</span>
          <select
            value={settings.idVariable}
            onChange={(e) => set('idVariable', e.target.value)}
            disabled={locked || !preview}
          >
            <option value="">{t('card.guessId')}</option>
            {preview?.info.variables.map((variable) => (
              <option key={variable.name} value={variable.name}>
                {variable.name}
              </option>
            ))}
          </select>
        </label>
        {extension !== 'xlsx' && (
          <label className="field">
            <span>{t('card.encoding')}</span>
            <select
              value={settings.encoding}
              onChange={(e) => set('encoding', e.target.value)}
              disabled={locked}
            >
              <option value="">
                {(() => {
                  const choice =
                    extension === 'sav' || extension === 'zsav'
                      ? t('card.asDeclared')
                      : t('card.detected');
                  return preview
                    ? t('card.detectedAs', { choice, encoding: preview.info.encoding })
                    : choice;
                })()}
              </option>
              {ENCODINGS.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        )}
        {(extension === 'csv' || extension === 'tsv' || extension === 'txt') && (
          <label className="field">
            <span>{t('card.delimiter')}</span>
            <select
              value={settings.delimiter}
              onChange={(e) => set('delimiter', e.target.value)}
              disabled={locked}
            >
              <option value="">{t('card.detected')}</option>
              <option value=",">{t('card.comma')}</option>
              <option value=";">{t('card.semicolon')}</option>
              <option value={'\t'}>{t('card.tab')}</option>
              <option value="|">{t('card.pipe')}</option>
            </select>
          </label>
        )}
        {extension === 'xlsx' && (
          <>
            <label className="field">
              <span>{t('card.sheet')}</span>
              <input
                value={settings.sheet}
                onChange={(e) => set('sheet', e.target.value)}
                placeholder={t('card.firstSheet')}
                disabled={locked}
              />
            </label>
            <label className="field">
              <span>{t('card.headerRow')}</span>
              <input
                value={settings.headerRow}
                onChange={(e) => set('headerRow', e.target.value.replace(/\D/g, ''))}
                placeholder="1"
                maxLength={3}
                disabled={locked}
              />
            </label>
          </>
        )}
      </div>
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      {preview && (
        <>
          <p className="muted" aria-label={t('card.previewLabel')}>
            {t(
              preview.info.multiResponseSets.length > 0 ? 'card.previewWithSets' : 'card.preview',
              {
                format: preview.info.format.toUpperCase(),
                encoding: preview.info.encoding,
                respondents: t('card.respondentCount', { count: preview.info.cases }),
                variables: t('card.variableCount', { count: preview.info.variables.length }),
                sets: t('card.setCount', { count: preview.info.multiResponseSets.length }),
              },
            )}
          </p>
          <div className="preview-scroll">
            <table
              className="data-table preview-table"
              aria-label={t('card.firstRows', { file: fileNameOf(path) })}
            >
              <thead>
                <tr>
                  {shownVariables.map((variable) => (
                    <th key={variable.name} title={variable.label ?? undefined}>
                      <div>{variable.name}</div>
                      <div className="muted preview-table__label">{variable.label ?? ''}</div>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, 8).map((row, index) => (
                  <tr key={index}>
                    {shownVariables.map((variable, column) => {
                      const value = row[column];
                      const label =
                        value === null || value === undefined
                          ? undefined
                          : variable.valueLabels[String(value)];
                      return (
                        <td
                          key={variable.name}
                          className={typeof value === 'number' ? 'num' : undefined}
                        >
                          {value === null || value === undefined ? (
                            <span className="muted">·</span>
                          ) : label ? (
                            `${value} ${label}`
                          ) : (
                            String(value)
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {tabular && (
            <details className="variable-types">
              <summary>{t('card.typesSummary')}</summary>
              <table
                className="data-table"
                aria-label={t('card.typesLabel', { file: fileNameOf(path) })}
              >
                <tbody>
                  {preview.info.variables.map((variable) => (
                    <tr key={variable.name}>
                      <th scope="row">{variable.name}</th>
                      <td>
                        <select
                          value={types[variable.name] ?? variable.type}
                          onChange={(e) =>
                            set('types', {
                              ...types,
                              [variable.name]: e.target.value as VariableKind,
                            })
                          }
                          aria-label={t('card.typeOf', { name: variable.name })}
                          disabled={locked}
                        >
                          {KINDS.map((kind) => (
                            <option key={kind} value={kind}>
                              {t(`card.kinds.${kind}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        {variable.type === 'single' && (
                          <input
                            defaultValue={Object.values(variable.valueLabels).join(', ')}
                            onBlur={(e) =>
                              set('categoryOrder', {
                                ...categoryOrder,
                                [variable.name]: e.target.value
                                  .split(',')
                                  .map((part) => part.trim())
                                  .filter(Boolean),
                              })
                            }
                            aria-label={t('card.orderOf', { name: variable.name })}
                            title={t('card.orderTitle')}
                            disabled={locked}
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
          {preview.validation.issues.length > 0 && (
            <ul
              className="validation"
              aria-label={t('card.validationLabel', { file: fileNameOf(path) })}
            >
              {preview.validation.issues.map((issue, index) => (
                <li key={index} className={`validation__item validation__item--${issue.severity}`}>
                  <strong>
                    {issue.severity === 'error' ? t('card.error') : t('card.warning')}
                  </strong>{' '}
                  {issue.message}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </article>
  );
}
