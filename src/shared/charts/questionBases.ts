/**
 * The bases a question's percentages stand on: its own stub bases where the table lists them (a
 * question not everyone was asked), else the columns' bases. A footnote must name these, not the
 * number of respondents in the column.
 */
import type { TableBase, TableResult } from '../domain/table';

export function questionBases(result: TableResult): TableBase[] {
  const question = result.rows[0]?.variable;
  return result.stubBases?.find((entry) => entry.variable === question)?.bases ?? result.bases;
}
