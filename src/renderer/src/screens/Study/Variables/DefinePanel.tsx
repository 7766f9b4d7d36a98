/**
 * Defines a filter, a derived variable or a multiple-response set from the codebook, in the
 * expression language (docs/expressions.md), with a live count while the expression is typed:
 * how many respondents a filter keeps, or the new variable's distribution. Saved through
 * variables.define, so the view's Undo can take it back.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DefineInput } from '../../../../../shared/api/variables';
import { ExpressionCount } from './ExpressionCount';
import { useExpressionPreview } from './useExpressionPreview';

type Kind = DefineInput['kind'];

interface DefinePanelProps {
  /** The variable selected in the list, offered for a set. */
  selected: string | null;
  onDefine: (input: DefineInput) => Promise<boolean>;
}

function memberList(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

export function DefinePanel({ selected, onDefine }: DefinePanelProps) {
  const { t } = useTranslation('variables');
  const [kind, setKind] = useState<Kind>('filter');
  const [name, setName] = useState('');
  const [label, setLabel] = useState('');
  const [expression, setExpression] = useState('');
  const [setType, setSetType] = useState<'dichotomies' | 'categories'>('dichotomies');
  const [countedValue, setCountedValue] = useState('1');
  const [members, setMembers] = useState('');
  const count = useExpressionPreview(
    kind === 'set' ? '' : expression,
    kind === 'derived' ? 'derived' : 'filter',
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: DefineInput =
      kind === 'set'
        ? {
            kind,
            name: name.trim(),
            ...(label.trim() ? { label: label.trim() } : {}),
            type: setType,
            variables: memberList(members),
            ...(setType === 'dichotomies' ? { countedValue: Number(countedValue) } : {}),
          }
        : kind === 'derived'
          ? {
              kind,
              name: name.trim(),
              expression: expression.trim(),
              ...(label.trim() ? { label: label.trim() } : {}),
            }
          : { kind, name: name.trim(), expression: expression.trim() };
    if (await onDefine(input)) {
      setName('');
      setLabel('');
    }
  };

  const listed = memberList(members);
  return (
    <section className="panel define-panel" aria-labelledby="define-heading">
      <h3 id="define-heading">{t('define.heading')}</h3>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <fieldset className="define-panel__kinds">
          <legend>{t('define.kindLabel')}</legend>
          {(['filter', 'derived', 'set'] as const).map((choice) => (
            <label key={choice}>
              <input
                type="radio"
                name="define-kind"
                checked={kind === choice}
                onChange={() => setKind(choice)}
              />{' '}
              {t(`define.${choice}`)}
            </label>
          ))}
        </fieldset>
        <div className="inline-form">
          <label className="field">
            <span>{t('define.name')}</span>
            <input value={name} maxLength={64} required onChange={(e) => setName(e.target.value)} />
          </label>
          {kind !== 'filter' && (
            <label className="field field--wide">
              <span>{t('define.label')}</span>
              <input value={label} maxLength={500} onChange={(e) => setLabel(e.target.value)} />
            </label>
          )}
        </div>
        {kind === 'set' ? (
          <>
            <div className="inline-form">
              <label className="field">
                <span>{t('define.setType')}</span>
                <select
                  value={setType}
                  onChange={(e) => setSetType(e.target.value as 'dichotomies' | 'categories')}
                >
                  <option value="dichotomies">{t('define.dichotomiesOption')}</option>
                  <option value="categories">{t('define.categoriesOption')}</option>
                </select>
              </label>
              {setType === 'dichotomies' && (
                <label className="field">
                  <span>{t('define.countedValue')}</span>
                  <input
                    type="number"
                    value={countedValue}
                    onChange={(e) => setCountedValue(e.target.value)}
                  />
                </label>
              )}
            </div>
            <label className="field field--wide define-panel__members">
              <span>{t('define.members')}</span>
              <input value={members} onChange={(e) => setMembers(e.target.value)} />
            </label>
            {selected && !listed.some((m) => m.toLowerCase() === selected.toLowerCase()) && (
              <button type="button" onClick={() => setMembers([...listed, selected].join(', '))}>
                {t('define.addSelected', { name: selected })}
              </button>
            )}
          </>
        ) : (
          <>
            <label className="field define-panel__expression">
              <span>{t('define.expression')}</span>
              <textarea
                value={expression}
                rows={3}
                spellCheck={false}
                onChange={(e) => setExpression(e.target.value)}
              />
            </label>
            <p className="muted define-panel__help">{t('define.expressionHelp')}</p>
            <ExpressionCount count={count} />
          </>
        )}
        <button type="submit">{t('define.save')}</button>
      </form>
    </section>
  );
}
