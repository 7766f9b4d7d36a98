/**
 * The variables one condition tests, as removable chips; AddVariable beside it adds another with
 * a select and an Add button (a select alone would add a variable at every arrow key). A name the
 * study does not have (a template's role) is marked, with a select to put one of the study's
 * variables in its place.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VariableCatalog } from './variableCatalog';
import { variableOption } from './variableCatalog';

interface VariablePickerProps {
  /** What the condition is called on screen, for the controls' names: "Creators, condition 1". */
  name: string;
  selected: string[];
  catalog: VariableCatalog;
  onChange: (selected: string[]) => void;
}

function UnboundChip({ variable, catalog }: { variable: string; catalog: VariableCatalog }) {
  const { t } = useTranslation('segments');
  const [chosen, setChosen] = useState('');
  return (
    <>
      <span className="chip__name">{variable}</span>
      <span className="chip__note">{t('picker.notInStudy')}</span>
      <select
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
        aria-label={t('picker.inPlaceOf', { variable })}
      >
        <option value="">{t('picker.choose')}</option>
        {catalog.variables.map((v) => (
          <option key={v.name} value={v.name}>
            {variableOption(v)}
          </option>
        ))}
      </select>
      <button type="button" disabled={!chosen} onClick={() => catalog.bind(variable, chosen)}>
        {t('picker.use')}
      </button>
    </>
  );
}

export function VariableChips({ name, selected, catalog, onChange }: VariablePickerProps) {
  const { t } = useTranslation('segments');
  if (selected.length === 0) return <span className="muted chips__none">{t('picker.none')}</span>;
  return (
    <ul className="chips" aria-label={t('picker.chips', { name })}>
      {selected.map((variable) => {
        const known = catalog.byName.get(variable);
        return (
          <li
            key={variable}
            className={known ? 'chip' : 'chip chip--unbound'}
            title={known?.label ?? undefined}
          >
            {known ? (
              <span className="chip__name">{variable}</span>
            ) : (
              <UnboundChip variable={variable} catalog={catalog} />
            )}
            <button
              type="button"
              className="chip__remove"
              onClick={() => onChange(selected.filter((v) => v !== variable))}
              aria-label={t('picker.removeFrom', { variable, name })}
            >
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function AddVariable({ name, selected, catalog, onChange }: VariablePickerProps) {
  const { t } = useTranslation('segments');
  const [adding, setAdding] = useState('');
  const addable = catalog.variables.filter((v) => !selected.includes(v.name));
  return (
    <span className="add-variable">
      <select
        value={adding}
        onChange={(e) => setAdding(e.target.value)}
        aria-label={t('picker.toAdd', { name })}
      >
        <option value="">{t('picker.addPlaceholder')}</option>
        {addable.map((v) => (
          <option key={v.name} value={v.name}>
            {variableOption(v)}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={!adding}
        onClick={() => {
          onChange([...selected, adding]);
          setAdding('');
        }}
        aria-label={t('picker.addTo', { name })}
      >
        {t('picker.add')}
      </button>
    </span>
  );
}
