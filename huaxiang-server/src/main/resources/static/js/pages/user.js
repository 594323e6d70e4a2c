// 用户画像详情 (User 360): one user's portrait card, features by group, timeline and tag history.
import { get, features as featureCatalogue, tags as tagCatalogue, valueLabels } from '../api.js';
import { label, t } from '../i18n.js';
import { bar, heatmap, PALETTE } from '../charts.js';
import { dateTime, esc, featureValue, money } from '../format.js';
import { usersTable } from '../users-table.js';

const PAGE_SIZE = 20;
const ENVELOPE = new Set(['type', 'id', 'user_id', 'occurred_at', 'source', 'schema_version']);
const GROUP_ORDER = ['demographics', 'activity', 'funnel', 'applications', 'loans', 'repayment', 'consumption', 'bureau', 'devices', 'relations', 'consent'];

function searchForm(userId) {
  return `
    <div class="page-head">
      <div>
        <h1>${esc(t('user.title'))}</h1>
        <p>${esc(t('user.subtitle'))}</p>
      </div>
      <form class="toolbar" id="user-search">
        <input type="search" id="user-id" size="30" placeholder="${esc(t('user.search'))}" value="${esc(userId ?? '')}" />
        <button class="btn" type="submit">${esc(t('user.go'))}</button>
      </form>
    </div>`;
}

function fact(labelKey, value) {
  return `<div class="fact"><div class="label">${esc(t(labelKey))}</div><div class="value">${esc(value)}</div></div>`;
}

function headCard(p) {
  return `<section class="card span-12">
      <div class="user-head">
        <div class="avatar">${esc(p.user_id.slice(-2).toUpperCase())}</div>
        <div><div class="user-id mono">${esc(p.user_id)}</div></div>
        <div class="facts">
          ${fact('user.eventCount', p.event_count)}
          ${fact('user.firstEvent', dateTime(p.first_event_at))}
          ${fact('user.lastEvent', dateTime(p.last_event_at))}
          ${fact('user.asOf', dateTime(p.as_of))}
        </div>
      </div>
    </section>`;
}

function tagsCard(p) {
  const body = p.tags.length
    ? `<div class="tags">${p.tags
        .map(
          (tag) => `<span class="tag cat-${esc(tag.category)}" title="${esc(tag.id)}">${esc(label(tag))}
            <small>${esc(t('user.gainedAt'))} ${esc(dateTime(tag.gained_at))}</small></span>`,
        )
        .join('')}</div>`
    : `<div class="state">${esc(t('user.noTags'))}</div>`;
  return `<section class="card span-12" id="card-tags"><h2><span>${esc(t('user.tags'))}</span><small>${p.tags.length}</small></h2>${body}</section>`;
}

function featureGroups(p, catalogue, values) {
  const groups = new Map();
  catalogue
    .filter((d) => d.type !== 'HEATMAP' && d.type !== 'MAP')
    .forEach((d) => {
      if (!groups.has(d.group)) groups.set(d.group, []);
      groups.get(d.group).push(d);
    });
  const ordered = [...groups.keys()].sort((a, b) => rank(a) - rank(b));
  return `<section class="card span-12"><h2><span>${esc(t('user.features'))}</span><small>${catalogue.length}</small></h2>
    <div class="feature-groups">${ordered
      .map(
        (g) => `<div class="feature-group"><h3>${esc(t(`group.${g}`))}</h3><table>${groups
          .get(g)
          .map(
            (d) => `<tr><td class="name" title="${esc(d.description)}">${esc(label(d))}<small class="mono">${esc(d.name)}</small></td>
              <td class="value">${esc(shown(p.features[d.name], d, values))}</td></tr>`,
          )
          .join('')}</table></div>`,
      )
      .join('')}</div></section>`;
}

// categorical values (male, high_school, ...) are shown by their label in the current language
function shown(value, definition, values) {
  const known = values?.[definition.name]?.[String(value)];
  return known ? label(known) : featureValue(value, definition);
}

function rank(group) {
  const i = GROUP_ORDER.indexOf(group);
  return i < 0 ? GROUP_ORDER.length : i;
}

function details(event) {
  return Object.entries(event)
    .filter(([k, v]) => !ENVELOPE.has(k) && v !== null && v !== undefined)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? `[${v.join(', ')}]` : v}`)
    .join('  ');
}

async function loadTimeline(userId, page, current) {
  const box = document.getElementById('timeline');
  try {
    const r = await get(`/api/v1/users/${encodeURIComponent(userId)}/events`, { page, size: PAGE_SIZE });
    if (!current()) return;
    const pages = Math.max(1, Math.ceil(r.total / PAGE_SIZE));
    box.innerHTML = `<div class="scroll"><table>
        <thead><tr><th>${esc(t('user.occurredAt'))}</th><th>${esc(t('user.type'))}</th><th>${esc(t('user.details'))}</th><th>${esc(t('user.source'))}</th></tr></thead>
        <tbody>${r.events
          .map(
            (e) => `<tr><td style="white-space:nowrap">${esc(dateTime(e.event.occurred_at))}</td>
              <td><span class="event-type t-${esc(e.event.type)}">${esc(t(`event.${e.event.type}`))}</span></td>
              <td class="mono">${esc(details(e.event))}</td><td>${esc(e.event.source)}</td></tr>`,
          )
          .join('')}</tbody></table></div>
      <div class="pager">
        <span>${esc(t('user.page', { page: page + 1, pages, total: r.total }))}</span>
        <button class="btn btn-light" id="prev" ${page === 0 ? 'disabled' : ''}>${esc(t('user.prev'))}</button>
        <button class="btn btn-light" id="next" ${page + 1 >= pages ? 'disabled' : ''}>${esc(t('user.next'))}</button>
      </div>`;
    document.getElementById('prev').onclick = () => loadTimeline(userId, page - 1, current);
    document.getElementById('next').onclick = () => loadTimeline(userId, page + 1, current);
  } catch (e) {
    box.innerHTML = `<div class="state error">${esc(e.message)}</div>`;
  }
}

async function loadTagHistory(userId, tagsById, current) {
  const box = document.getElementById('tag-history');
  try {
    const periods = await get(`/api/v1/users/${encodeURIComponent(userId)}/tags/history`);
    if (!current()) return;
    if (!periods.length) {
      box.innerHTML = `<div class="state">${esc(t('common.none'))}</div>`;
      return;
    }
    periods.sort((a, b) => b.gained_at.localeCompare(a.gained_at));
    box.innerHTML = `<div class="scroll"><table>
      <thead><tr><th>${esc(t('user.tag'))}</th><th>${esc(t('user.gained'))}</th><th>${esc(t('user.lost'))}</th></tr></thead>
      <tbody>${periods
        .map(
          (p) => `<tr><td title="${esc(p.tag)}">${esc(tagsById.get(p.tag) ? label(tagsById.get(p.tag)) : p.tag)}</td>
            <td style="white-space:nowrap">${esc(dateTime(p.gained_at))}</td>
            <td style="white-space:nowrap">${p.lost_at ? esc(dateTime(p.lost_at)) : `<span class="pill now">${esc(t('user.current'))}</span>`}</td></tr>`,
        )
        .join('')}</tbody></table></div>`;
  } catch (e) {
    box.innerHTML = `<div class="state error">${esc(e.message)}</div>`;
  }
}

function drawHeatmap(matrix) {
  const cells = [];
  (matrix ?? []).forEach((hours, weekday) => hours.forEach((count, hour) => cells.push({ weekday, hour, count })));
  heatmap(document.getElementById('chart-user-heatmap'), cells);
}

function drawSpend(byCategory) {
  const el = document.getElementById('chart-user-spend');
  const entries = Object.entries(byCategory ?? {}).sort((a, b) => b[1] - a[1]);
  if (!entries.length) {
    el.innerHTML = `<div class="state">${esc(t('common.none'))}</div>`;
    el.setAttribute('data-rendered', 'true');
    return;
  }
  const chart = bar(el, entries.map((e) => e[0]), entries.map((e) => e[1]), { color: PALETTE[2], rotate: 30, seriesName: t('user.spend') });
  chart.setOption({ tooltip: { valueFormatter: (v) => money(v) } });
}

async function show(view, userId, current) {
  const box = document.getElementById('user-body');
  box.innerHTML = `<div class="state">${esc(t('common.loading'))}</div>`;
  let portrait;
  let catalogue;
  let values;
  try {
    [portrait, catalogue, values] = await Promise.all([
      get(`/api/v1/users/${encodeURIComponent(userId)}/portrait`),
      featureCatalogue(),
      valueLabels().catch(() => ({})),
    ]);
  } catch (e) {
    if (!current()) return;
    box.innerHTML = `<div class="card"><div class="state ${e.status === 404 ? '' : 'error'}">${esc(e.status === 404 ? t('user.notFound') : e.message)}: <span class="mono">&nbsp;${esc(userId)}</span></div></div>`;
    return;
  }
  if (!current()) return;
  box.innerHTML = `<div class="grid">
      ${headCard(portrait)}
      ${tagsCard(portrait)}
      <section class="card span-7"><h2><span>${esc(t('user.heatmap'))}</span></h2><div class="chart" id="chart-user-heatmap"></div></section>
      <section class="card span-5"><h2><span>${esc(t('user.spend'))}</span></h2><div class="chart" id="chart-user-spend"></div></section>
      ${featureGroups(portrait, catalogue, values)}
      <section class="card span-7"><h2><span>${esc(t('user.timeline'))}</span></h2><div id="timeline"><div class="state">${esc(t('common.loading'))}</div></div></section>
      <section class="card span-5"><h2><span>${esc(t('user.tagHistory'))}</span></h2><div id="tag-history"><div class="state">${esc(t('common.loading'))}</div></div></section>
    </div>`;
  drawHeatmap(portrait.features.activity_heatmap_90d);
  drawSpend(portrait.features.consumption_by_category_90d);
  const tagsById = new Map(portrait.tags.map((x) => [x.id, x]));
  try {
    const all = await tagCatalogue();
    all.tags.forEach((x) => tagsById.set(x.id, x));
  } catch (e) {
    // tags the user no longer holds then show by id
  }
  await Promise.all([loadTimeline(userId, 0, current), loadTagHistory(userId, tagsById, current)]);
}

export async function render(view, params, current) {
  const userId = params[0] || null;
  view.innerHTML = `${searchForm(userId)}<div id="user-body"></div>`;
  document.getElementById('user-search').addEventListener('submit', (e) => {
    e.preventDefault();
    const id = document.getElementById('user-id').value.trim();
    if (id) location.hash = `#/user/${encodeURIComponent(id)}`;
  });
  if (!userId) {
    document.getElementById('user-body').innerHTML = `<div class="card"><div class="hint">${esc(t('user.hint'))}</div>
      <h2><span>${esc(t('users.recent'))}</span></h2><div id="recent"><div class="state">${esc(t('common.loading'))}</div></div></div>`;
    document.getElementById('user-id').focus();
    try {
      const [rows, catalogue] = await Promise.all([get('/api/v1/population/users', { limit: 20 }), tagCatalogue()]);
      if (current()) document.getElementById('recent').innerHTML = usersTable(rows, new Map(catalogue.tags.map((x) => [x.id, x])));
    } catch (e) {
      document.getElementById('recent').innerHTML = `<div class="state error">${esc(e.message)}</div>`;
    }
    return;
  }
  await show(view, userId, current);
}
