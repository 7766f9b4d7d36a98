/**
 * The colours a chart takes from the page: text, muted text, grid lines and background come from
 * the stylesheet's CSS variables, so a chart follows the light or dark theme like the rest of the
 * screen. Series colours do not: they come from src/shared/domain/chart.ts (one colour per
 * segment or country everywhere).
 */
import { useEffect, useState } from 'react';
import { LIGHT_CHART_THEME, type ChartTheme } from '../../../shared/charts/chartTheme';

function cssVariable(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const value = style.getPropertyValue(name).trim();
  return value || fallback;
}

/** The chart theme as the page's stylesheet currently defines it. */
export function readChartTheme(element: Element = document.documentElement): ChartTheme {
  const style = getComputedStyle(element);
  return {
    text: cssVariable(style, '--ink', LIGHT_CHART_THEME.text),
    muted: cssVariable(style, '--muted', LIGHT_CHART_THEME.muted),
    grid: cssVariable(style, '--line', LIGHT_CHART_THEME.grid),
    background: cssVariable(style, '--panel', LIGHT_CHART_THEME.background),
    fontFamily: style.fontFamily || LIGHT_CHART_THEME.fontFamily,
  };
}

function sameTheme(a: ChartTheme, b: ChartTheme): boolean {
  return (
    a.text === b.text &&
    a.muted === b.muted &&
    a.grid === b.grid &&
    a.background === b.background &&
    a.fontFamily === b.fontFamily
  );
}

/**
 * The current chart theme, read again when the theme may have changed: an attribute or class on
 * <html> or <body> (how a theme switch is applied) or the system's light/dark preference.
 */
export function useChartTheme(): ChartTheme {
  const [theme, setTheme] = useState<ChartTheme>(() => readChartTheme());
  useEffect(() => {
    const update = () =>
      setTheme((current) => {
        const next = readChartTheme();
        return sameTheme(current, next) ? current : next;
      });
    const observer = new MutationObserver(update);
    const watched = { attributes: true, attributeFilter: ['class', 'data-theme', 'style'] };
    observer.observe(document.documentElement, watched);
    observer.observe(document.body, watched);
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', update);
    update();
    return () => {
      observer.disconnect();
      scheme.removeEventListener('change', update);
    };
  }, []);
  return theme;
}
