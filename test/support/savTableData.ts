/** A TableData over an SPSS file read with our reader: the cross-tab engine on real survey files. */
import type { TableData, TableVariable } from '../../src/main/analysis/crosstab/tableData';
import { numbersOf } from '../../src/main/import/importedDataset';
import { missingSpecs } from '../../src/main/import/sav/savDataset';
import { readSav } from '../../src/main/import/sav/savReader';

export async function savTableData(file: string): Promise<TableData> {
  const sav = await readSav(file);
  const byName = new Map<string, TableVariable>();
  sav.dictionary.variables.forEach((variable, index) => {
    const column = sav.columns[index]!;
    if (column.kind === 'string') return;
    byName.set(variable.name.toLowerCase(), {
      name: variable.name,
      type: variable.valueLabels.length > 0 ? 'single' : 'numeric',
      label: variable.label,
      valueLabels: variable.valueLabels
        .filter((vl): vl is { value: number; label: string } => typeof vl.value === 'number')
        .map((vl) => ({ code: vl.value, label: vl.label })),
      missing: missingSpecs(variable.missing),
      values: numbersOf(column),
    });
  });
  return {
    rows: sav.cases,
    variable(name) {
      const found = byName.get(name.toLowerCase());
      if (!found) throw new Error(`no numeric variable ${name} in ${file}`);
      return found;
    },
  };
}
