/**
 * The free filter expression, in the Filter zone under the picked categories. Applied on Enter
 * or when the box is left, not at every keystroke: a half-typed expression is not a table.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface FilterExpressionBoxProps {
  expression: string;
  onApply: (expression: string) => void;
}

export function FilterExpressionBox({ expression, onApply }: FilterExpressionBoxProps) {
  const { t } = useTranslation('tables');
  const [text, setText] = useState(expression);
  useEffect(() => setText(expression), [expression]);
  const apply = () => {
    if (text.trim() !== expression) onApply(text.trim());
  };
  return (
    <form
      className="filter-expression"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <input
        aria-label={t('options.expression')}
        placeholder={t('options.expression')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
      />
    </form>
  );
}
