// 画像总览: the population at a glance, optionally narrowed to one tag (#/overview/<tag>).
import { get, tags as tagCatalogue } from '../api.js';
import { label, t } from '../i18n.js';
import { bar, funnel, hbar, heatmap, line, pie, PALETTE } from '../charts.js';
import { date, esc, number, percent } from '../format.js';
import { usersTable } from '../users-table.js';
import { can } from '../session.js';

const API = '/api/v1/population';

function card(id, titleKey, span, chartClass = '') {
  return `<section class="card ${span}" id="card-${id}">
      <h2><span>${esc(t(titleKey))}</span><small id="note-${id}"></small></h2>
      <div class="chart ${chartClass}" id="chart-${id}"><div class="state">${esc(t('common.loading'))}</div></div>
    </section>`;
}

function kpi(id, labelKey) {
  return `<section class="card span-3 kpi">
      <span class="label">${esc(t(labelKey))}</span>
      <span class="value" id="kpi-${id}">—</span>
      <span class="sub" id="kpi-${id}-sub">&nbsp;</span>
    </section>`;
}

function layout(tagOptions, tag) {
  return `
    <div class="page-head">
      <div>
        <h1>${esc(t('overview.title'))}</h1>
        <p>${esc(t('overview.subtitle'))}</p>
      </div>
      <label class="toolbar">${esc(t('filter.tag'))}
        <select id="tag-filter">
          <option value="">${esc(t('filter.all'))}</option>
          ${tagOptions
            .map((r) => `<option value="${esc(r.id)}" ${r.id === tag ? 'selected' : ''}>${esc(label(r))}</option>`)
            .join('')}
        </select>
      </label>
    </div>
    <div class="grid">
      ${kpi('users', 'overview.users')}
      ${kpi('events', 'overview.events')}
      ${kpi('tagged', 'overview.tagged')}
      ${kpi('span', 'overview.span')}
      ${card('new-users', 'overview.newUsers', 'span-8')}
      ${card('funnel', 'overview.funnel', 'span-4')}
      ${card('heatmap', 'overview.heatmap', 'span-8', 'tall')}
      ${card('tags', 'overview.tags', 'span-4', 'tall')}
      <div id="demographics" style="display: contents"></div>
      ${card('purposes', 'overview.purposes', 'span-6')}
      ${card('amounts', 'overview.amounts', 'span-6')}
      ${card('modes', 'overview.modes', 'span-6')}
      ${card('timeliness', 'overview.timeliness', 'span-6')}
      ${
        tag && can('user_list')
          ? `<section class="card span-12"><h2><span>${esc(t('users.holders'))}</span></h2>
              <div id="chart-holders"><div class="state">${esc(t('common.loading'))}</div></div></section>`
          : ''
      }
    </div>`;
}

function fail(id, error) {
  const el = document.getElementById(`chart-${id}`);
  if (el) el.innerHTML = `<div class="state error">${esc(t('common.error'))}: ${esc(error.message)}</div>`;
}

function empty(id) {
  const el = document.getElementById(`chart-${id}`);
  el.innerHTML = `<div class="state">${esc(t('common.none'))}</div>`;
  el.setAttribute('data-rendered', 'true');
}

function chartEl(id) {
  const el = document.getElementById(`chart-${id}`);
  el.innerHTML = '';
  return el;
}

function note(id, text) {
  const el = document.getElementById(`note-${id}`);
  if (el) el.textContent = text;
}

const sum = (buckets) => buckets.reduce((s, b) => s + b.count, 0);

async function summary(tag, current) {
  const s = await get(`${API}/summary`, { tag });
  if (!current()) return;
  document.getElementById('kpi-users').textContent = number(s.users);
  document.getElementById('kpi-events').textContent = number(s.events);
  document.getElementById('kpi-events-sub').textContent =
    s.users ? `${number(s.events / s.users, 1)} / ${t('common.users')}` : '';
  document.getElementById('kpi-tagged').textContent = number(s.tagged_users);
  document.getElementById('kpi-tagged-sub').textContent = s.users ? percent(s.tagged_users / s.users) : '';
  const span = document.getElementById('kpi-span');
  span.classList.add('small');
  span.textContent = s.first_event_at ? `${date(s.first_event_at)} — ${date(s.last_event_at)}` : '—';
  if (s.zone && s.zone !== 'Asia/Shanghai') {
    document.querySelector('#card-heatmap h2 span').textContent = t('overview.heatmapIn', { zone: s.zone });
  }
}

async function newUsers(tag, current) {
  const days = await get(`${API}/new-users`, { tag });
  if (!current()) return;
  if (!days.length) return empty('new-users');
  note('new-users', `${t('common.users')} ${number(days.reduce((s, d) => s + d.count, 0))}`);
  const series = everyDay(days);
  line(chartEl('new-users'), series.map((d) => d.day), series.map((d) => d.count));
}

// days without a registration are absent from the API: show them as 0, not skip them
function everyDay(days) {
  const counts = new Map(days.map((d) => [d.day, d.count]));
  const out = [];
  const last = new Date(`${days[days.length - 1].day}T00:00:00Z`);
  for (let d = new Date(`${days[0].day}T00:00:00Z`); d <= last; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    out.push({ day, count: counts.get(day) ?? 0 });
  }
  return out;
}

async function funnelChart(tag, current) {
  const stages = await get(`${API}/funnel`, { tag });
  if (!current()) return;
  if (!stages[0]?.count) return empty('funnel');
  const last = stages[stages.length - 1];
  note('funnel', `${label(last)} ${percent(last.count / stages[0].count)}`);
  funnel(chartEl('funnel'), stages.map((b) => [label(b), b.count]));
}

async function activity(tag, current) {
  const cells = await get(`${API}/activity-heatmap`, { tag });
  if (!current()) return;
  if (!cells.length) return empty('heatmap');
  note('heatmap', `${t('common.events')} ${number(cells.reduce((s, c) => s + c.count, 0))}`);
  heatmap(chartEl('heatmap'), cells);
}

async function tagCounts(tag, current) {
  const counts = (await get(`${API}/tags`, { tag })).slice(0, 15);
  if (!current()) return;
  if (!counts.length) return empty('tags');
  note('tags', t('overview.tagHint'));
  const chart = hbar(chartEl('tags'), counts.map(label), counts.map((b) => b.count), { color: PALETTE[1] });
  // bars are drawn largest on top, so the data index counts from the end
  chart.on('click', (p) => {
    const picked = counts[counts.length - 1 - p.dataIndex];
    if (picked) location.hash = `#/overview/${encodeURIComponent(picked.key)}`;
  });
}

async function holders(tag, catalogue, current) {
  const rows = await get(`${API}/users`, { tag, limit: 20 });
  if (!current()) return;
  document.getElementById('chart-holders').innerHTML = usersTable(rows, new Map(catalogue.map((x) => [x.id, x])));
}

async function demographics(tag, current) {
  const distributions = await get(`${API}/demographics`, { tag });
  if (!current()) return;
  const box = document.getElementById('demographics');
  const spans = { age_band: 'span-4', gender: 'span-4', city_tier: 'span-4', education: 'span-6', income_band: 'span-6' };
  box.innerHTML = distributions
    .map(
      (d) => `<section class="card ${spans[d.feature] ?? 'span-4'}">
        <h2><span>${esc(label(d))}</span><small>${esc(t('common.users'))} ${number(sum(d.buckets))}</small></h2>
        <div class="chart short" id="chart-dist-${esc(d.feature)}"></div></section>`,
    )
    .join('');
  distributions.forEach((d, i) => {
    const el = document.getElementById(`chart-dist-${d.feature}`);
    if (!sum(d.buckets)) return empty(`dist-${d.feature}`);
    if (d.feature === 'gender' || d.feature === 'education') {
      pie(el, d.buckets.filter((b) => b.count > 0).map((b) => [label(b), b.count]));
    } else {
      bar(el, d.buckets.map(label), d.buckets.map((b) => b.count), { color: PALETTE[i % PALETTE.length] });
    }
  });
}

async function loans(tag, current) {
  const l = await get(`${API}/loans`, { tag });
  if (!current()) return;
  const purposes = l.purposes.filter((b) => b.count > 0);
  note('purposes', `${t('overview.applications')} ${number(sum(l.purposes))}`);
  if (purposes.length) pie(chartEl('purposes'), purposes.map((b) => [label(b), b.count]), { seriesName: t('overview.applications') });
  else empty('purposes');
  note('amounts', `${t('overview.applications')} ${number(sum(l.amounts))}`);
  if (sum(l.amounts)) bar(chartEl('amounts'), l.amounts.map(label), l.amounts.map((b) => b.count), { color: PALETTE[3], seriesName: t('overview.applications') });
  else empty('amounts');
  const modes = l.repayment_modes.filter((b) => b.count > 0);
  note('modes', `${t('overview.loans')} ${number(sum(l.repayment_modes))}`);
  if (modes.length) pie(chartEl('modes'), modes.map((b) => [label(b), b.count]), { seriesName: t('overview.loans') });
  else empty('modes');
  const total = sum(l.timeliness);
  note('timeliness', total ? `${label(l.timeliness[0])} ${percent(l.timeliness[0].count / total)}` : '');
  if (total) {
    const el = chartEl('timeliness');
    const colors = ['#14a38b', '#f2c14e', '#f2a33a', '#e0555a'];
    const chart = bar(el, l.timeliness.map(label), l.timeliness.map((b) => b.count), { seriesName: t('overview.repayments') });
    chart.setOption({ series: [{ data: l.timeliness.map((b, i) => ({ value: b.count, itemStyle: { color: colors[i] ?? PALETTE[6] } })) }] });
  } else empty('timeliness');
}

export async function render(view, params, current) {
  const tag = params[0] || null;
  let catalogue = { tags: [] };
  try {
    catalogue = await tagCatalogue();
  } catch (e) {
    // the filter is optional: the page still works without the tag list
  }
  if (!current()) return;
  view.innerHTML = layout(catalogue.tags, tag);
  document.getElementById('tag-filter').addEventListener('change', (e) => {
    location.hash = e.target.value ? `#/overview/${encodeURIComponent(e.target.value)}` : '#/overview';
  });
  const parts = { 'new-users': newUsers, funnel: funnelChart, heatmap: activity, tags: tagCounts, purposes: loans };
  await Promise.all([
    summary(tag, current).catch(() => {}),
    demographics(tag, current).catch((e) => (document.getElementById('demographics').innerHTML = `<div class="card span-12 state error">${esc(e.message)}</div>`)),
    ...Object.entries(parts).map(([id, load]) => load(tag, current).catch((e) => fail(id, e))),
    tag && can('user_list') ? holders(tag, catalogue.tags, current).catch((e) => fail('holders', e)) : null,
  ]);
}
