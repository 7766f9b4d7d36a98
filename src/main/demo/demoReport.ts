/**
 * The demo's sample report, "Customer energy in Europe": saved tables and saved charts on the
 * demo questionnaire's variables, and a report built only from them by name — so it re-runs on
 * whatever the study holds (import a third wave and the report follows).
 */
import type { ChartSpec } from '../../shared/domain/chart';
import { defaultTemplate, type Report } from '../../shared/domain/report';
import type { TableSpec } from '../../shared/domain/table';
import type { WritableStudyDb } from '../study/studyDb';
import { saveChart } from '../worker/savedCharts';
import { saveReport } from '../worker/savedReports';
import { saveTablePlan } from '../worker/savedTables';
import { BEHAVIOURS } from './questionnaire';

export const DEMO_REPORT = 'Customer energy in Europe';

const byCountry = [{ variables: ['country'] }];
const bySegment = [{ variables: ['energy'] }];

const charts: Record<string, ChartSpec> = {
  'Energy segments by country': {
    kind: 'percentStackedBar',
    table: { rows: ['energy'], columns: byCountry },
    value: 'colPct',
    hideTotal: true,
  },
  'Energy segments by industry': {
    kind: 'percentStackedBar',
    table: { rows: ['energy'], columns: [{ variables: ['industry'] }] },
    value: 'colPct',
    horizontal: true,
    hideTotal: true,
  },
  'Energy segments by wave': {
    kind: 'bar',
    table: { rows: ['energy'], columns: [{ variables: ['wave'] }] },
    value: 'colPct',
    hideTotal: true,
  },
  'Positive energy by segment': {
    kind: 'percentStackedBar',
    table: { rows: ['energy_positive'], columns: bySegment },
    value: 'colPct',
    horizontal: true,
  },
  'Negative energy by segment': {
    kind: 'percentStackedBar',
    table: { rows: ['energy_negative'], columns: bySegment },
    value: 'colPct',
    horizontal: true,
  },
  'Importance of customer energy today': {
    kind: 'percentStackedBar',
    table: { rows: ['ce_importance_now'], columns: byCountry },
    value: 'colPct',
  },
  'Importance of customer energy in five years': {
    kind: 'percentStackedBar',
    table: { rows: ['ce_importance_5y'], columns: byCountry },
    value: 'colPct',
  },
  'Feedback fatigue by segment': {
    kind: 'percentStackedBar',
    table: { rows: ['fatigue'], columns: bySegment },
    value: 'colPct',
    horizontal: true,
  },
};

const tables: Record<string, TableSpec> = {
  'Energy segments by country and wave': {
    rows: ['energy'],
    columns: [{ variables: ['country'] }, { variables: ['wave'] }],
  },
  'Behaviour at least weekly by segment': {
    rows: [],
    columns: bySegment,
    summary: { items: [...BEHAVIOURS], statistic: 'top2' },
  },
  'Feedback fatigue by country': { rows: ['fatigue'], columns: byCountry },
};

const report: Report = {
  name: DEMO_REPORT,
  template: defaultTemplate,
  pages: [
    {
      id: 'shares-country',
      title: 'Customer energy by country',
      takeaway: 'Creators are a small minority everywhere; South Korea has the most energy.',
      items: [{ kind: 'chart', chart: 'Energy segments by country' }],
    },
    {
      id: 'shares-industry',
      title: 'Customer energy by industry',
      takeaway: 'Consumer electronics draws the most energetic customers, banking the least.',
      items: [{ kind: 'chart', chart: 'Energy segments by industry' }],
    },
    {
      id: 'waves',
      title: 'Change between waves',
      takeaway: 'Energy grows a little from one wave to the next.',
      items: [
        { kind: 'chart', chart: 'Energy segments by wave' },
        { kind: 'table', table: 'Energy segments by country and wave' },
      ],
    },
    {
      id: 'behaviour',
      title: 'What creators and contributors do',
      takeaway: 'Creators make content; contributors comment, rate and recommend.',
      items: [{ kind: 'table', table: 'Behaviour at least weekly by segment' }],
    },
    {
      id: 'valence',
      title: 'Positive and negative energy',
      takeaway: 'The energetic enthuse about brands — and complain loudest when let down.',
      items: [
        { kind: 'chart', chart: 'Positive energy by segment' },
        { kind: 'chart', chart: 'Negative energy by segment' },
      ],
    },
    {
      id: 'executives',
      title: "Executives' view of customer energy",
      takeaway: 'Executives expect customer energy to matter more in five years than today.',
      items: [
        { kind: 'chart', chart: 'Importance of customer energy today' },
        { kind: 'chart', chart: 'Importance of customer energy in five years' },
      ],
    },
    {
      id: 'fatigue',
      title: 'Fatigue with feedback requests',
      takeaway: 'Many customers are tired of being asked for feedback.',
      items: [
        { kind: 'chart', chart: 'Feedback fatigue by segment' },
        { kind: 'table', table: 'Feedback fatigue by country' },
      ],
    },
  ],
};

/** Saves the demo's tables, charts and report into the study (replacing any of the same names). */
export function saveDemoReport(db: WritableStudyDb): Report {
  for (const [name, spec] of Object.entries(tables)) saveTablePlan(db, name, [spec]);
  for (const [name, spec] of Object.entries(charts)) saveChart(db, name, spec);
  return saveReport(db, report).report;
}
