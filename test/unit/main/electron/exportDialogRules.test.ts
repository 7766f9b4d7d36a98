/**
 * The native export dialog's rules, checked in plain Node: what the renderer may ask for (a file
 * name, never a folder; a format among data and report formats) and the path the dialog hands back
 * (the format's extension added when the user typed the name without it).
 */
import { describe, expect, it } from 'vitest';
import { apiMethods } from '../../../../src/shared/api/index';
import {
  exportDialogTitle,
  exportFilter,
  withExportExtension,
} from '../../../../src/main/electron/exportDialogRules';

const chooseExportPath = apiMethods['files.chooseExportPath'].input;
const chooseFolder = apiMethods['files.chooseFolder'].input;

function problems(input: unknown): string[] {
  const parsed = chooseExportPath.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

describe('files.chooseExportPath input', () => {
  it('accepts report formats (PowerPoint, PDF) as well as the data formats', () => {
    for (const format of ['sav', 'zsav', 'csv', 'xlsx', 'pptx', 'pdf'])
      expect(problems({ suggestedName: `Energy report.${format}`, format })).toEqual([]);
  });

  it('refuses a format the exporters do not write, naming the field', () => {
    const parsed = chooseExportPath.safeParse({ suggestedName: 'report.docx', format: 'docx' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['format']);
  });

  it('refuses a suggested name with a folder in it, so only the main process picks the folder', () => {
    expect(problems({ suggestedName: '../../etc/report.pdf', format: 'pdf' })).toEqual([
      'a suggested file name has no folder in it',
    ]);
    expect(problems({ suggestedName: 'C:\\Users\\report.pptx', format: 'pptx' })).toEqual([
      'a suggested file name has no folder in it',
    ]);
    expect(problems({ suggestedName: '..', format: 'pdf' })).toEqual([
      'a suggested file name is a name, not . or ..',
    ]);
  });

  it('refuses an empty or blank suggested name', () => {
    expect(problems({ suggestedName: '   ', format: 'pdf' })).toEqual([
      'a suggested file name is required',
    ]);
  });
});

describe('files.chooseFolder input', () => {
  it('takes no arguments', () => {
    expect(chooseFolder.safeParse({}).success).toBe(true);
  });
});

describe('the export dialog', () => {
  it('filters on the chosen format only', () => {
    expect(exportFilter('pptx')).toEqual({
      name: 'PowerPoint presentation',
      extensions: ['pptx'],
    });
    expect(exportFilter('pdf')).toEqual({ name: 'PDF document', extensions: ['pdf'] });
    expect(exportFilter('sav')).toEqual({ name: 'SPSS data', extensions: ['sav'] });
  });

  it('is titled after what is exported: a report or data', () => {
    expect(exportDialogTitle('pdf')).toBe('Export Report');
    expect(exportDialogTitle('pptx')).toBe('Export Report');
    expect(exportDialogTitle('xlsx')).toBe('Export Data');
  });

  it('adds the format’s extension when the dialog returns the typed name without it', () => {
    expect(withExportExtension('/home/ana/Energy report', 'pptx')).toBe(
      '/home/ana/Energy report.pptx',
    );
    expect(withExportExtension('/home/ana/Energy report.PDF', 'pdf')).toBe(
      '/home/ana/Energy report.PDF',
    );
    // Another format's extension is part of the name: the chosen format's is still added.
    expect(withExportExtension('/home/ana/report.pdf', 'pptx')).toBe('/home/ana/report.pdf.pptx');
  });
});
