/**
 * Writes a saved segmentation's typing tool (issue #9): an Excel workbook of formulas a client
 * types answers into, or JSON. The desktop app asks where with the system's save dialog (Excel);
 * browser mode, which has none, takes a path typed into the form, as the data export does.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSegmentation, TypingToolExport } from '../../../../../shared/domain/segments';
import { useClient } from '../../../api/ClientContext';
import { SegmentationSelect, chosenSegmentation } from './SegmentationSelect';
import { NumberField } from './NumberField';
import { Checkbox } from '../../../components/Checkbox';

interface TypingToolPanelProps {
  saved: SavedSegmentation[];
  /** The study file's path: the typed path's default folder. */
  studyPath: string;
}

type ToolFormat = 'xlsx' | 'json';
const FORMATS: readonly ToolFormat[] = ['xlsx', 'json'];
const DEFAULT_ROWS = 200;

function defaultPath(studyPath: string, segmentation: string, format: ToolFormat): string {
  const folder = studyPath.replace(/[^\\/]*$/, '');
  return `${folder}${segmentation || 'segments'}-typing-tool.${format}`;
}

export function TypingToolPanel({ saved, studyPath }: TypingToolPanelProps) {
  const client = useClient();
  const { t } = useTranslation('segments');
  const [chosen, setChosen] = useState('');
  const [format, setFormat] = useState<ToolFormat>('xlsx');
  const [rows, setRows] = useState(String(DEFAULT_ROWS));
  const [typed, setTyped] = useState<string | null>(null);
  const [nativeDialogs, setNativeDialogs] = useState(false);
  const [writing, setWriting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [written, setWritten] = useState<(TypingToolExport & { goldenOnly: boolean }) | null>(null);
  const [goldenOnly, setGoldenOnly] = useState(false);
  const segmentation = chosenSegmentation(saved, chosen);
  // A golden typing tool saved with the segmentation can be written alone (the few questions).
  const hasGolden = saved.some((s) => s.name === segmentation && s.definition.golden !== undefined);
  // Until the user types a path of their own, it follows the segmentation and the format.
  const target = typed ?? defaultPath(studyPath, segmentation, format);
  const rowCount = Number(rows);
  const rowsValid = Number.isInteger(rowCount) && rowCount >= 1 && rowCount <= 10_000;

  useEffect(() => {
    let live = true;
    client.invoke('app.info', {}).then(
      (info) => live && setNativeDialogs(info.nativeDialogs),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);

  const changeFormat = (next: ToolFormat) => {
    setFormat(next);
    setTyped((current) => current?.replace(/\.(xlsx|json)$/i, `.${next}`) ?? null);
  };

  const write = async (event: FormEvent) => {
    event.preventDefault();
    if (!segmentation) return;
    setError(null);
    setWriting(true);
    try {
      let out = target;
      // The save dialog filters on the formats it knows; JSON is typed as in browser mode.
      if (nativeDialogs && format === 'xlsx') {
        const picked = await client.invoke('files.chooseExportPath', {
          suggestedName: `${segmentation}-typing-tool.xlsx`,
          format: 'xlsx',
        });
        if (!picked) return;
        out = picked.path;
      }
      const golden = hasGolden && goldenOnly && format === 'xlsx';
      const result = await client.invoke('segments.typingTool', {
        segmentation,
        out,
        format,
        golden,
        ...(format === 'xlsx' ? { rows: rowCount } : {}),
      });
      setWritten({ ...result, goldenOnly: golden });
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setWriting(false);
    }
  };

  const askPath = !nativeDialogs || format === 'json';
  return (
    <div className="stack">
      <form className="panel stack" onSubmit={write} aria-label={t('typing.heading')}>
        <h3>{t('typing.heading')}</h3>
        <p className="muted">{t('typing.intro')}</p>
        <div className="inline-form">
          <SegmentationSelect
            label={t('typing.segmentation')}
            saved={saved}
            value={segmentation}
            onChange={setChosen}
          />
          <label className="field">
            <span>{t('typing.format')}</span>
            <select value={format} onChange={(e) => changeFormat(e.target.value as ToolFormat)}>
              {FORMATS.map((option) => (
                <option key={option} value={option}>
                  {t(`typing.${option}`)}
                </option>
              ))}
            </select>
          </label>
          {format === 'xlsx' && (
            <NumberField label={t('typing.rows')} value={rows} onChange={setRows} />
          )}
          {hasGolden && format === 'xlsx' && (
            <Checkbox checked={goldenOnly} onChange={setGoldenOnly}>
              {t('typing.goldenOnly')}
            </Checkbox>
          )}
        </div>
        {askPath && (
          <label className="field field--wide">
            <span>{t('typing.saveAs')}</span>
            <input
              value={target}
              onChange={(e) => setTyped(e.target.value)}
              aria-label={t('typing.saveAsLabel')}
            />
          </label>
        )}
        <div className="inline-form">
          <button
            type="submit"
            className="primary"
            disabled={writing || !segmentation || (format === 'xlsx' && !rowsValid) || !target}
          >
            {askPath ? t('typing.write') : t('typing.writeWithDialog')}
          </button>
          {writing && (
            <span className="muted" role="status">
              {t('typing.writing')}
            </span>
          )}
        </div>
      </form>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {written && (
        <div className="notice notice--info segment-notes" role="status">
          <p>
            {t('typing.wrote', {
              method: t(`typing.${written.goldenOnly ? 'golden' : written.method}`),
              name: written.segmentation,
              out: written.out,
            })}
          </p>
          {written.rows !== null && <p>{t('typing.wroteRows', { rows: written.rows })}</p>}
          <p>{t('typing.inputs', { inputs: written.inputs.join(', ') })}</p>
          {written.golden && !written.goldenOnly && (
            <p>{t('typing.wroteGolden', { inputs: written.golden.join(', ') })}</p>
          )}
        </div>
      )}
    </div>
  );
}
