/**
 * `npm run cli -- <command>` and the `cew` bin: the headless workbench over src/main. Each command
 * lives in commands/ and follows the output contract in cliOutput.ts.
 */
import { runBench, usage as benchUsage } from './bench/runBench';
import { runClassify, usage as classifyUsage } from './commands/classify';
import { CliUsageError, printLine, warn } from './cliOutput';
import {
  deriveUsage,
  filterUsage,
  runDerive,
  runFilter,
  runSet,
  setUsage,
} from './commands/derive';
import { runDemo, usage as demoUsage } from './commands/demo';
import { runDescribe, usage as describeUsage } from './commands/describeStudy';
import { runExportData, usage as exportUsage } from './commands/exportData';
import { runExportTables, usage as exportTablesUsage } from './commands/exportTables';
import { runExport, usage as exportReportUsage } from './commands/export';
import { runReport, usage as reportUsage } from './commands/report';
import { runImport, usage as importUsage } from './commands/importFile';
import { runInfo, usage as infoUsage } from './commands/info';
import { runMapping, usage as mappingUsage } from './commands/mapping';
import { runNew, usage as newUsage } from './commands/newStudy';
import { runQuality, usage as qualityUsage } from './commands/quality';
import { runSegment, usage as segmentUsage } from './commands/segment';
import { runTableCommand, usage as tableUsage } from './commands/table';
import { runTabPlan, usage as tabPlanUsage } from './commands/tabplan';
import { runWeight, usage as weightUsage } from './commands/weight';

const commands: Record<string, { usage: string; run: (args: string[]) => Promise<void> }> = {
  new: { usage: newUsage, run: runNew },
  describe: { usage: describeUsage, run: runDescribe },
  info: { usage: infoUsage, run: runInfo },
  mapping: { usage: mappingUsage, run: runMapping },
  import: { usage: importUsage, run: runImport },
  'export-data': { usage: exportUsage, run: runExportData },
  table: { usage: tableUsage, run: runTableCommand },
  'export-tables': { usage: exportTablesUsage, run: runExportTables },
  tabplan: { usage: tabPlanUsage, run: runTabPlan },
  derive: { usage: deriveUsage, run: runDerive },
  filter: { usage: filterUsage, run: runFilter },
  weight: { usage: weightUsage, run: runWeight },
  segment: { usage: segmentUsage, run: runSegment },
  classify: { usage: classifyUsage, run: runClassify },
  quality: { usage: qualityUsage, run: runQuality },
  mrset: { usage: setUsage, run: runSet },
  demo: { usage: demoUsage, run: runDemo },
  report: { usage: reportUsage, run: runReport },
  export: { usage: exportReportUsage, run: runExport },
  bench: { usage: benchUsage, run: runBench },
};

function help(): string {
  return [
    'Customer Energy Workbench — command line',
    '',
    'usage: cew <command> [options]',
    '',
    'commands:',
    ...Object.values(commands).map((command) => `  ${command.usage}`),
    '',
    'Every command takes --json where it prints a result: stdout then holds one JSON document.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    printLine(help());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    warn(`cew: unknown command ${JSON.stringify(name)}\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    printLine(`usage: cew ${command.usage}`);
    return 0;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (error) {
    const usageError =
      error instanceof CliUsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    warn(`cew ${name}: ${(error as Error).message}`);
    return usageError ? 2 : 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    warn(`cew: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
