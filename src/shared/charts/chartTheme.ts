/**
 * The page colours a chart is drawn with (text, muted text, grid lines, background). On screen
 * they come from the stylesheet (useChartTheme); where no page is at hand, the light theme.
 */
export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  background: string;
  fontFamily: string;
}

export const LIGHT_CHART_THEME: ChartTheme = {
  text: '#1d2430',
  muted: '#5d6675',
  grid: '#dfe2e7',
  background: '#ffffff',
  fontFamily: 'system-ui, sans-serif',
};
