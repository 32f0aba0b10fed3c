/**
 * The ECharts the admin subpackage ships: only the charts and components the desk draws (bar,
 * line, pie; grid, tooltip, legend, dataset) and the canvas renderer. Bundled by
 * scripts/build-echarts.ts into pages-admin/components/chart/echarts.js, never into the main package.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, setPlatformAPI, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart,
  LineChart,
  PieChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export { init, setPlatformAPI };
