/** What every condition editor needs to know about the study's variables, passed as one object. */
import type { VariableSummary } from '../../../../../shared/domain/study';
import { formatLabel } from '../../../format';
import type { ScaleLabels } from './useScaleLabels';

export interface VariableCatalog {
  /** The study's coded and numeric variables, in codebook order. */
  variables: VariableSummary[];
  byName: ReadonlyMap<string, VariableSummary>;
  scaleLabels: ScaleLabels;
  /** Puts a study variable in place of a name the study does not have, everywhere it is tested. */
  bind: (from: string, to: string) => void;
}

const SHORT_LABEL = 48;

/** "create_video — Create videos about products or…": a variable as an option's text. */
export function variableOption(variable: VariableSummary): string {
  if (!variable.label) return variable.name;
  const label = formatLabel(variable.label, variable.labelFallback ? variable.labelLanguage : null);
  const short = label.length > SHORT_LABEL ? `${label.slice(0, SHORT_LABEL - 1)}…` : label;
  return `${variable.name} — ${short}`;
}
