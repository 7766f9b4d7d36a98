/**
 * `cew mapping STUDY FILE --country C --wave W [--type T] [--language L] [--json]`: how the file's
 * variables and codes would land on the study's codebook. The `variables`/`new` part of the JSON is
 * the mapping `cew import --mapping` takes, so a reviewer edits it and imports with it.
 */
import { parseArgs } from 'node:util';
import { proposeMappingInput } from '../../shared/api/data';
import { parseCliInput } from '../cliOptions';
import { sourceInput, sourceOptions } from '../sourceOptions';
import type { MappingChange, MappingProposal } from '../../shared/domain/mapping';
import { withHost } from '../cliHost';
import { CliUsageError, printJson, printLine } from '../cliOutput';

export const usage =
  'mapping STUDY.cew FILE --country DE --wave 2026 [--type customer|executive] [--language de] [--encoding ENC] [--sheet S] [--header-row N] [--delimiter C] [--json]   proposed mapping onto the codebook';

function describeChange(change: MappingChange): string {
  switch (change.kind) {
    case 'renamed':
      return `${change.target}: renamed ${change.from} → ${change.to}`;
    case 'code-frame-changed':
      return `${change.target}: code frame changed (${change.detail})`;
    case 'new-category':
      return `${change.target}: new answer ${change.code} "${change.label ?? ''}"`;
    case 'dropped-category':
      return `${change.target}: answer ${change.code} no longer in the file`;
    case 'new-variable':
      return `${change.source}: new variable`;
    case 'dropped-variable':
      return `${change.target}: no longer in the file`;
  }
}

function printProposal(proposal: MappingProposal): void {
  const previous = proposal.previousSource
    ? `; reusing the mapping of ${proposal.previousSource.fileName} (wave ${proposal.previousSource.wave})`
    : '';
  printLine(`${proposal.file} → study codebook (${proposal.language})${previous}`);
  for (const entry of proposal.variables) {
    const recoded = Object.keys(entry.codes).length;
    printLine(
      `  ${entry.source} → ${entry.target}  ${entry.evidence} ${entry.confidence.toFixed(2)}${recoded ? `  (${recoded} codes recoded)` : ''}`,
    );
  }
  for (const name of proposal.new) printLine(`  ${name} → new variable`);
  if (proposal.changes.length > 0) {
    printLine('Changed since the previous wave:');
    for (const change of proposal.changes) printLine(`  ${describeChange(change)}`);
  }
  if (proposal.problems.length > 0) {
    printLine('To decide before importing:');
    for (const problem of proposal.problems) printLine(`  ${problem.message}`);
  }
}

export async function runMapping(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...sourceOptions,
      json: { type: 'boolean', default: false },
    },
  });
  const [study, file] = positionals;
  if (!study || !file || positionals.length > 2) throw new CliUsageError(`usage: cew ${usage}`);
  const input = parseCliInput('mapping', proposeMappingInput, sourceInput(file, values));
  const proposal = await withHost(async (host) => {
    await host.session.openStudy(study);
    return host.session.workerClient.call('import.proposeMapping', input);
  });
  if (values.json) printJson(proposal);
  else printProposal(proposal);
}
