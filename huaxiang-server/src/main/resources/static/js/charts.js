// Apache ECharts, served by the server from its webjar (no CDN), and the chart shapes the console
// uses. Each chart marks its element with data-rendered once drawn, which the browser test waits on.
import * as echarts from '/webjars/echarts/5.5.0/echarts.esm.min.js';
import { t } from './i18n.js';
import { number } from './format.js';

export const PALETTE = ['#2458d6', '#14a38b', '#f2a33a', '#8e5bd8', '#e0555a', '#3fb0e6', '#7a8699', '#c4b72f'];

const live = new Set();

window.addEventListener('resize', () => live.forEach((c) => c.resize()));

/** Disposes every chart: called before a page is replaced. */
export function disposeAll() {
  live.forEach((c) => c.dispose());
  live.clear();
}

function draw(el, option) {
  // a live page redraws into the same element: replace its chart, never stack a second one
  const old = echarts.getInstanceByDom(el);
  if (old) {
    live.delete(old);
    old.dispose();
  }
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.on('finished', () => {
    // when the chart was first drawn, in ms since the page's navigation started (load timing)
    if (!el.dataset.renderedAt) el.dataset.renderedAt = String(Math.round(performance.now()));
    el.setAttribute('data-rendered', 'true');
  });
  chart.setOption({
    color: PALETTE,
    textStyle: { fontFamily: 'inherit' },
    animationDuration: 400,
    ...option,
  });
  // the numbers drawn, for the browser test to compare with the API (charts are canvas)
  el.dataset.series = JSON.stringify((option.series ?? []).map((s) => s.data));
  live.add(chart);
  return chart;
}

const grid = { left: 8, right: 16, top: 24, bottom: 8, containLabel: true };
const tooltipAxis = { trigger: 'axis', axisPointer: { type: 'shadow' } };

/** Vertical bars: categories on x. */
export function bar(el, names, values, { color, rotate = 0, seriesName = t('common.users') } = {}) {
  return draw(el, {
    grid,
    tooltip: tooltipAxis,
    xAxis: { type: 'category', data: names, axisLabel: { rotate, interval: 0 }, axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', splitLine: { lineStyle: { color: '#eef1f6' } } },
    series: [{ type: 'bar', name: seriesName, data: values, barMaxWidth: 36, itemStyle: { color: color ?? PALETTE[0], borderRadius: [3, 3, 0, 0] } }],
  });
}

/** Horizontal bars, largest at the top: for long labels such as tags. */
export function hbar(el, names, values, { color, seriesName = t('common.users') } = {}) {
  return draw(el, {
    grid: { ...grid, right: 40 },
    tooltip: tooltipAxis,
    xAxis: { type: 'value', splitLine: { lineStyle: { color: '#eef1f6' } } },
    yAxis: { type: 'category', data: [...names].reverse(), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: [...values].reverse(),
        barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: (p) => number(p.value) },
        itemStyle: { color: color ?? PALETTE[0], borderRadius: [0, 3, 3, 0] },
      },
    ],
  });
}

/** A ring chart with a legend, shares in the tooltip. */
export function pie(el, items, { seriesName = t('common.users'), colors } = {}) {
  return draw(el, {
    ...(colors ? { color: colors } : {}),
    tooltip: { trigger: 'item', formatter: (p) => `${p.name}<br/>${number(p.value)} (${p.percent}%)` },
    legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', itemWidth: 10, itemHeight: 10 },
    series: [
      {
        type: 'pie',
        name: seriesName,
        radius: ['45%', '72%'],
        center: ['36%', '50%'],
        avoidLabelOverlap: true,
        label: { show: false },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        data: items.map(([name, value]) => ({ name, value })),
      },
    ],
  });
}

/** A line with area, dates on x. */
export function line(el, dates, values, { seriesName = t('common.users') } = {}) {
  return draw(el, {
    grid,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: dates, boundaryGap: false },
    yAxis: { type: 'value', splitLine: { lineStyle: { color: '#eef1f6' } } },
    dataZoom: [{ type: 'inside' }],
    series: [
      {
        type: 'line',
        name: seriesName,
        data: values,
        smooth: false,
        showSymbol: false,
        lineStyle: { width: 2 },
        areaStyle: { opacity: 0.12 },
      },
    ],
  });
}

/** Weekday rows (Monday on top) × 24 hour columns. cells: [{weekday, hour, count}]. */
export function heatmap(el, cells, { seriesName = t('common.events') } = {}) {
  const days = [0, 1, 2, 3, 4, 5, 6].map((d) => t(`weekday.${d}`));
  const hours = [...Array(24).keys()].map((h) => String(h));
  const data = cells.map((c) => [c.hour, 6 - c.weekday, c.count]);
  const max = Math.max(1, ...cells.map((c) => c.count));
  return draw(el, {
    grid: { left: 8, right: 8, top: 8, bottom: 48, containLabel: true },
    tooltip: {
      position: 'top',
      formatter: (p) => `${days[6 - p.value[1]]} ${p.value[0]}:00<br/>${number(p.value[2])}`,
    },
    xAxis: { type: 'category', data: hours, splitArea: { show: true } },
    yAxis: { type: 'category', data: [...days].reverse(), splitArea: { show: true } },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: ['#f3f6fc', '#9bb7f0', '#2458d6', '#102a6b'] },
    },
    series: [{ type: 'heatmap', name: seriesName, data, itemStyle: { borderColor: '#fff', borderWidth: 1 } }],
  });
}

/** A funnel of stages in order; the tooltip gives the step conversion. */
export function funnel(el, items) {
  return draw(el, {
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const prev = p.dataIndex > 0 ? items[p.dataIndex - 1][1] : null;
        const step = prev ? ` · ${t('overview.funnelConversion')} ${((100 * p.value) / prev).toFixed(1)}%` : '';
        return `${p.name}<br/>${number(p.value)}${step}`;
      },
    },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '8%',
        width: '84%',
        top: 8,
        bottom: 8,
        minSize: '18%',
        gap: 3,
        label: { show: true, position: 'inside', formatter: (p) => `${p.name}  ${number(p.value)}` },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        data: items.map(([name, value]) => ({ name, value })),
      },
    ],
  });
}

/** Several lines over one x axis; series: [{name, data, dashed, yAxisIndex}], optional markLines at y. */
export function lines(el, xs, series, { thresholds = [], percentY = false, yMax, secondAxis = false } = {}) {
  const axis = (extra = {}) => ({
    type: 'value',
    max: yMax,
    splitLine: { lineStyle: { color: '#eef1f6' } },
    axisLabel: percentY ? { formatter: (v) => `${Math.round(v * 100)}%` } : {},
    ...extra,
  });
  return draw(el, {
    grid: { ...grid, top: 32 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemWidth: 14, itemHeight: 8 },
    xAxis: { type: 'category', data: xs, boundaryGap: false },
    yAxis: secondAxis ? [axis(), axis({ max: undefined, splitLine: { show: false }, axisLabel: {} })] : axis(),
    series: series.map((s, i) => ({
      type: 'line',
      name: s.name,
      data: s.data,
      yAxisIndex: s.yAxisIndex ?? 0,
      showSymbol: xs.length < 40,
      lineStyle: { width: 2, type: s.dashed ? 'dashed' : 'solid' },
      markLine:
        i === 0 && thresholds.length
          ? {
              symbol: 'none',
              silent: true,
              label: { formatter: (p) => p.name, position: 'insideEndTop' },
              data: thresholds.map((th) => ({ yAxis: th.value, name: th.name, lineStyle: { color: th.color, type: 'dashed' } })),
            }
          : undefined,
    })),
  });
}

/** Bars of one series with a line of another on a second axis (e.g. WoE and bad rate per bin). */
export function barLine(el, names, bars, lineValues, { barName, lineName, percentLine = true } = {}) {
  return draw(el, {
    grid: { ...grid, top: 32 },
    tooltip: tooltipAxis,
    legend: { top: 0, itemWidth: 14, itemHeight: 8 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 5 ? 30 : 0 } },
    yAxis: [
      { type: 'value', splitLine: { lineStyle: { color: '#eef1f6' } } },
      {
        type: 'value',
        splitLine: { show: false },
        axisLabel: percentLine ? { formatter: (v) => `${Math.round(v * 100)}%` } : {},
      },
    ],
    series: [
      {
        type: 'bar',
        name: barName,
        data: bars,
        barMaxWidth: 32,
        itemStyle: { color: (p) => (p.value >= 0 ? '#e0555a' : '#14a38b'), borderRadius: 2 },
      },
      { type: 'line', name: lineName, data: lineValues, yAxisIndex: 1, itemStyle: { color: PALETTE[0] } },
    ],
  });
}

/** Grouped or stacked bars: series [{name, data, color}] over categories. */
export function bars(el, names, series, { stack = false, rotate = 0 } = {}) {
  return draw(el, {
    grid: { ...grid, top: 32 },
    tooltip: tooltipAxis,
    legend: { top: 0, itemWidth: 14, itemHeight: 8 },
    xAxis: { type: 'category', data: names, axisLabel: { rotate, interval: names.length > 12 ? 'auto' : 0 } },
    yAxis: { type: 'value', splitLine: { lineStyle: { color: '#eef1f6' } } },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.data,
      stack: stack ? 'all' : undefined,
      barMaxWidth: 28,
      itemStyle: s.color ? { color: s.color } : undefined,
    })),
  });
}

/** A gauge of a used share (0..1) with the figure in the middle. */
export function gauge(el, share, { name, detail } = {}) {
  return draw(el, {
    series: [
      {
        type: 'gauge',
        name,
        min: 0,
        max: 100,
        progress: { show: true, width: 14 },
        axisLine: {
          lineStyle: {
            width: 14,
            color: [
              [0.8, '#14a38b'],
              [0.95, '#f2a33a'],
              [1, '#e0555a'],
            ],
          },
        },
        axisTick: { show: false },
        splitLine: { length: 8 },
        pointer: { width: 4 },
        detail: { valueAnimation: false, fontSize: 20, offsetCenter: [0, '62%'], formatter: detail ?? ((v) => `${v.toFixed(1)}%`) },
        data: [{ value: Math.round(share * 1000) / 10, name }],
      },
    ],
  });
}

/** Lines on value axes (both 0..1 by default): series [{name, points: [[x, y]], dashed}]. */
export function xy(el, series, { xName, yName, max = 1 } = {}) {
  const axis = (name) => ({
    type: 'value',
    name,
    nameLocation: 'middle',
    nameGap: 26,
    min: 0,
    max,
    splitLine: { lineStyle: { color: '#eef1f6' } },
  });
  return draw(el, {
    grid: { left: 16, right: 16, top: 32, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? v.toFixed(3) : v) },
    legend: { top: 0, itemWidth: 14, itemHeight: 8 },
    xAxis: axis(xName),
    yAxis: axis(yName),
    series: series.map((s) => ({
      type: 'line',
      name: s.name,
      data: s.points,
      showSymbol: s.points.length < 20,
      lineStyle: { width: s.dashed ? 1 : 2, type: s.dashed ? 'dashed' : 'solid' },
      itemStyle: s.dashed ? { color: '#9aa5b5' } : undefined,
    })),
  });
}
