/**
 * An ECharts instance bound to a div for a component's lifetime: made when the div mounts,
 * given each new option whole (no merging with the previous chart), resized with its box, and
 * disposed on unmount. On screen we draw with the SVG renderer: text stays text (sharp at any
 * zoom, selectable, readable by assistive tools and by the end-to-end tests). Pair it with
 * useChartTheme() so the option is built with the page's colours.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { echarts, type EChartsCoreOption, type EChartsType } from './echartsCore';

export interface UseEChartOptions {
  renderer?: 'svg' | 'canvas';
}

export interface EChartHandle {
  /** Give this to the chart's div: `<div ref={chart.ref} />`. The div needs a height. */
  ref: (element: HTMLDivElement | null) => void;
  /** The live instance, once the div is mounted. */
  instance: EChartsType | null;
}

export function useEChart(
  option: EChartsCoreOption | null,
  { renderer = 'svg' }: UseEChartOptions = {},
): EChartHandle {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [instance, setInstance] = useState<EChartsType | null>(null);
  const latestOption = useRef(option);
  latestOption.current = option;

  useEffect(() => {
    if (!element) return;
    const chart = echarts.init(element, null, { renderer });
    if (latestOption.current) chart.setOption(latestOption.current, { notMerge: true });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    setInstance(chart);
    return () => {
      observer.disconnect();
      chart.dispose();
      setInstance(null);
    };
  }, [element, renderer]);

  useEffect(() => {
    if (!instance) return;
    if (option) instance.setOption(option, { notMerge: true });
    else instance.clear();
  }, [instance, option]);

  const ref = useCallback((next: HTMLDivElement | null) => setElement(next), []);
  return { ref, instance };
}
