// A thin React wrapper around ECharts: give it an option, it draws, resizes with its box and
// cleans up. Every chart in the app goes through it.
import { useEffect, useRef } from 'react';
import { CHART_COLORS, echarts } from './echarts';

type Option = Parameters<echarts.ECharts['setOption']>[0];

export interface EChartProps {
  option: Option;
  height?: number | string;
  loading?: boolean;
  /** An accessible description of what the chart shows. */
  ariaLabel?: string;
  renderer?: 'canvas' | 'svg';
  onClick?: (params: { name: string; value: unknown; dataIndex: number }) => void;
}

export function EChart({
  option,
  height = 280,
  loading,
  ariaLabel,
  renderer = 'canvas',
  onClick,
}: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return undefined;
    const instance = echarts.init(box.current, undefined, { renderer });
    chart.current = instance;
    const observer =
      typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(box.current);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [renderer]);

  useEffect(() => {
    chart.current?.setOption({ color: CHART_COLORS, ...(option as object) }, true);
  }, [option]);

  useEffect(() => {
    if (loading) chart.current?.showLoading();
    else chart.current?.hideLoading();
  }, [loading]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return undefined;
    const handler = (params: unknown) =>
      onClick(params as { name: string; value: unknown; dataIndex: number });
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onClick]);

  return <div ref={box} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
