// The settings panel's usage chart: credits spent per feature per day over the last 30 or 90 days, days of the
// school's time zone on the host's clock, as GET /usage adds them up on the server (captured usages and
// redemptions; refunded ones never count): an inline SVG, with the totals as a table for those who do not see it.
// Learner credits are whole, so a chart of them alone has whole-number ticks.
import { KINDS, api, creditsOf, featureLabels, formatCredits } from './credits-api.js';
import { h, sheet, svg } from './credits-dom.js';

const COLOURS = { SMS: '#1d70b8', DVLA_LICENCE_CHECK: '#b45309', DVLA_BIKE_CHECK: '#6f3fa0', LEARNER_REGISTRATION: '#00703c' };
// colours for the features a host registers, in turn
const MORE_COLOURS = ['#d4351c', '#005a30', '#912b88', '#28a197', '#f47738', '#5694ca', '#85994b', '#4c2c92'];

export const chartStyle = sheet(`
  svg { display: block; width: 100%; height: auto; margin: .5rem 0; }
  svg text { font: 12px system-ui, sans-serif; fill: #1b1b1b; }
  .legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; margin: 0; list-style: none; }
  .swatch { display: inline-block; width: .9rem; height: .9rem; margin-right: .35rem; vertical-align: -.1rem;
            border: 1px solid #1b1b1b; }
  ${Object.entries(COLOURS).map(([f, c]) => `.swatch-${f} { background: ${c}; }`).join('\n')}
  .totals { max-width: 24rem; margin-top: .75rem; }
`);

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', timeZone: 'UTC' });

/** Every day from {@code from} to {@code to} (yyyy-mm-dd, both included), oldest first. */
function daysBetween(from, to) {
  const days = [];
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`); day.setUTCDate(day.getUTCDate() + 1)) {
    days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

/** The top of the scale and its ticks: whole numbers when {@code whole} (learner credits are never split). */
export function scale(max, whole) {
  if (!whole) {
    const top = niceCeiling(max);
    return { top, ticks: [0, 1, 2, 3, 4].map((i) => (top * i) / 4) };
  }
  const step = Math.max(1, Math.ceil(niceCeiling(Math.max(1, max) / 4)));
  const top = Math.max(step, Math.ceil(max / step) * step);
  return { top, ticks: Array.from({ length: top / step + 1 }, (_, i) => i * step) };
}

function niceCeiling(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((ceiling) => ceiling >= value);
}

function drawChart(days, byDay, features, labels, width, period, whole) {
  const height = 220;
  const left = 44;
  const bottom = 24;
  const plotWidth = width - left - 8;
  const plotHeight = height - bottom - 10;
  const { top, ticks } = scale(Math.max(0, ...days.map((d) => features.reduce((sum, f) => sum + (byDay[d]?.[f] || 0), 0)))
    / 1000, whole);
  const y = (credits) => 10 + plotHeight - (credits / top) * plotHeight;
  const slot = plotWidth / days.length;
  const every = Math.ceil(days.length / Math.max(1, Math.floor(plotWidth / 56)));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-title' },
    svg('title', { id: 'chart-title' }, `Credits spent per feature per day, last ${period} days`));
  for (const value of ticks) {
    chart.append(svg('line', { x1: left, x2: width - 8, y1: y(value), y2: y(value), stroke: '#b1b4b6' }),
      svg('text', { x: left - 6, y: y(value) + 4, 'text-anchor': 'end' }, formatCredits(value)));
  }
  days.forEach((day, i) => {
    let base = 0;
    for (const feature of features) {
      const credits = (byDay[day]?.[feature] || 0) / 1000;
      if (!credits) continue;
      chart.append(svg('rect', { x: left + i * slot + slot * 0.15, width: Math.max(1, slot * 0.7), y: y(base + credits),
        height: y(base) - y(base + credits), fill: COLOURS[feature] },
      svg('title', {}, `${dayMonth.format(new Date(day))}: ${labels[feature]} ${formatCredits(credits)}`)));
      base += credits;
    }
    if (i % every === 0) {
      chart.append(svg('text', { x: left + i * slot + slot / 2, y: height - 6, 'text-anchor': 'middle' },
        dayMonth.format(new Date(day))));
    }
  });
  return chart;
}

export function chartSection() {
  const period = h('select', { name: 'period' }, h('option', { value: 30 }, 'Last 30 days'),
    h('option', { value: 90 }, 'Last 90 days'));
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const section = h('section', { 'aria-labelledby': 'chart-heading' }, h('h2', { id: 'chart-heading' }, 'Spending'),
    h('label', {}, 'Period ', period), body);

  async function load() {
    try {
      const usage = await api(`/usage?${new URLSearchParams({ days: period.value })}`);
      const days = daysBetween(usage.from, usage.to);
      const byDay = {};
      const totals = {};
      const labels = { ...(await featureLabels()) };
      const learner = new Set(['LEARNER_REGISTRATION']);
      for (const spent of usage.days) {
        labels[spent.feature] ??= spent.feature;
        if (spent.creditType === 'learner') learner.add(spent.feature);
        byDay[spent.day] ??= {};
        const millis = Math.round(spent.credits * 1000);
        byDay[spent.day][spent.feature] = (byDay[spent.day][spent.feature] || 0) + millis;
        totals[spent.feature] = (totals[spent.feature] || 0) + millis;
      }
      const features = Object.keys(labels).filter((f) => totals[f]);
      features.filter((f) => !COLOURS[f]).forEach((f) => {
        COLOURS[f] = MORE_COLOURS[(Object.keys(COLOURS).length - 4) % MORE_COLOURS.length];
        chartStyle.insertRule(`.swatch-${f} { background: ${COLOURS[f]}; }`);
      });
      if (!features.length) {
        body.replaceChildren(h('p', {}, `Nothing was spent in the last ${period.value} days.`));
        return;
      }
      body.replaceChildren(
        drawChart(days, byDay, features, labels, Math.max(320, body.clientWidth || 640), period.value,
          features.every((f) => learner.has(f))),
        h('ul', { class: 'legend' }, ...features.map((f) => h('li', {}, h('span', { class: `swatch swatch-${f}` }),
          labels[f]))),
        h('table', { class: 'totals' }, h('caption', {}, `Total spent, last ${period.value} days`),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Feature'), h('th', { scope: 'col', class: 'num' }, 'Spent'))),
          h('tbody', {}, ...features.map((f) => h('tr', { 'data-feature': f }, h('th', { scope: 'row' }, labels[f]),
            h('td', { class: 'num' }, creditsOf(totals[f] / 1000, learner.has(f) ? KINDS.learner : KINDS.connect)))))));
    } catch (error) {
      body.replaceChildren(h('p', { class: 'error' }, `The chart could not be loaded: ${error.message}`));
    }
  }

  period.addEventListener('change', load);
  load();
  return section;
}
