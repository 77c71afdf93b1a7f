// ECharts, with only the charts and components Forecourt uses (funnel, pie, bar, line), so the
// bundle stays small. Register more here when a module needs them.
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  FunnelChart,
  LineChart,
  PieChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
  SVGRenderer,
]);

/** The series colours, starting from the brand blue; calm and distinguishable. */
export const CHART_COLORS = [
  '#1f5fb4',
  '#3ba272',
  '#f2a93b',
  '#7c5cc4',
  '#e0685a',
  '#2fa7c6',
  '#8a93a6',
  '#c4872f',
];

export { echarts };
