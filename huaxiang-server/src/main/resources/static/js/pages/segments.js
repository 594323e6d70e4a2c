// 客群与用户群体 (Segments and personas): a builder for segment conditions in the expression
// language, checked as you type by the server's parser (errors with line, column and the expected
// tokens); every segment with its size and trend and a CSV export; the persona cards of k-means.
// #/segments/<name> selects a segment.
import { ApiError, get } from '../api.js';
import { csrfToken, can, session } from '../session.js';
import { label, lang, t } from '../i18n.js';
import { bars, line } from '../charts.js';
import { esc, number, percent, dateTime } from '../format.js';

const API = '/api/v1/segments';
const CHECK_DELAY_MS = 300;

async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-TOKEN': csrfToken() ?? '' },
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, parsed);
  return parsed;
}

function builder() {
  const edit = can('segments_edit');
  return `<section class="card span-12" id="segment-builder"><h2><span>${esc(t('segments.builder'))}</span>
      <small>${esc(t('segments.builderHint'))}</small></h2>
    <div class="builder">
      <textarea id="segment-expression" rows="3" spellcheck="false" placeholder="${esc(t('segments.placeholder'))}"
        >age between 20 and 40 and city_tier in (1, 2)</textarea>
      <div id="segment-check" class="check" aria-live="polite"></div>
      ${
        edit
          ? `<div class="toolbar">
              <input id="segment-name" placeholder="${esc(t('segments.namePlaceholder'))}" pattern="[a-z0-9_-]{1,64}" />
              <input id="segment-description" placeholder="${esc(t('segments.description'))}" />
              <button class="btn" id="segment-save" type="button">${esc(t('segments.save'))}</button>
            </div><div id="segment-saved" class="check"></div>`
          : ''
      }
    </div></section>`;
}

function caret(problem) {
  const expected = (problem.expected ?? []).slice(0, 8).join(', ');
  const hint = (problem.suggestions ?? []).length ? `${t('segments.didYouMean')} ${problem.suggestions.join(', ')}` : '';
  return `<div class="check-error" id="segment-error" data-position="${esc(problem.position)}">
    <strong>${esc(t('segments.invalid'))}</strong> ${esc(t('segments.at', { line: problem.line, column: problem.column }))}
    ${problem.found ? `· ${esc(t('segments.found'))} <code>${esc(problem.found)}</code>` : ''}
    ${expected ? `· ${esc(t('segments.expected'))} <code>${esc(expected)}</code>` : ''}
    <div>${esc(lang() === 'zh' ? problem.detail_zh ?? problem.detail : problem.detail)}</div>
    ${problem.snippet ? `<pre class="snippet">${esc(problem.snippet)}</pre>` : ''}
    ${hint ? `<div>${esc(hint)}</div>` : ''}</div>`;
}

function wireBuilder(onSaved) {
  const box = document.getElementById('segment-expression');
  const out = document.getElementById('segment-check');
  let timer = null;
  let asked = 0;
  const check = async () => {
    const ticket = ++asked;
    try {
      const v = await post(`${API}/validate`, { expression: box.value });
      if (ticket !== asked) return;
      out.innerHTML = `<div class="check-ok" id="segment-valid">✓ ${esc(t('segments.valid'))} · ${esc(t('segments.variables'))}
        <code>${esc([...v.variables, ...v.tags.map((x) => `has_tag('${x}')`)].join(', ') || '—')}</code></div>`;
    } catch (e) {
      if (ticket !== asked) return;
      out.innerHTML = e.problem?.reason === 'INVALID_EXPRESSION' || e.problem?.reason === 'MISSING_FIELD'
        ? caret({ line: 1, column: 1, ...e.problem })
        : `<div class="check-error">${esc(e.message)}</div>`;
    }
  };
  box.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(check, CHECK_DELAY_MS);
  });
  check();
  const save = document.getElementById('segment-save');
  if (!save) return;
  save.addEventListener('click', async () => {
    const saved = document.getElementById('segment-saved');
    try {
      const r = await post(API, {
        name: document.getElementById('segment-name').value.trim(),
        expression: box.value,
        description: document.getElementById('segment-description').value.trim() || null,
      });
      saved.innerHTML = `<div class="check-ok">✓ ${esc(t('segments.saved', { name: r.definition.name, version: r.definition.version, size: number(r.size) }))}</div>`;
      onSaved(r.definition.name);
    } catch (e) {
      saved.innerHTML = e.problem?.reason === 'INVALID_EXPRESSION' ? caret(e.problem) : `<div class="check-error">${esc(e.message)}</div>`;
    }
  });
}

function segmentList(segments, selected) {
  if (!segments.length) return `<div class="state" id="segments-empty">${esc(t('segments.none'))}</div>`;
  return `<div class="scroll"><table id="segment-list"><thead><tr><th>${esc(t('segments.name'))}</th>
    <th class="num">${esc(t('models.version'))}</th><th>${esc(t('segments.expression'))}</th><th>${esc(t('segments.createdBy'))}</th>
    <th>${esc(t('segments.createdAt'))}</th></tr></thead><tbody>${segments
      .map(
        (s) => `<tr data-segment="${esc(s.name)}" class="${s.name === selected ? 'selected' : ''}">
          <td><a href="#/segments/${encodeURIComponent(s.name)}">${esc(s.name)}</a></td><td class="num">v${esc(s.version)}</td>
          <td class="mono">${esc(s.expression)}</td><td>${esc(s.created_by)}</td><td style="white-space:nowrap">${esc(dateTime(s.created_at))}</td></tr>`,
      )
      .join('')}</tbody></table></div>`;
}

async function segmentDetail(name, current) {
  const box = document.getElementById('segment-detail');
  const purpose = session()?.role === 'marketing' ? 'marketing' : 'analysis';
  box.innerHTML = `
    <section class="card span-4 kpi"><span class="label">${esc(t('segments.size'))}</span><span class="value" id="kpi-segment-size">—</span>
      <span class="sub" id="kpi-segment-size-sub">&nbsp;</span></section>
    <section class="card span-8"><h2><span>${esc(t('segments.trend'))}</span><small>${esc(name)}</small>
      <a class="btn btn-light" id="segment-export" href="${API}/${encodeURIComponent(name)}/export.csv?purpose=${purpose}" download>${esc(t('segments.export'))}</a></h2>
      <div class="chart" id="chart-segment-trend"></div></section>
    <section class="card span-12"><h2><span>${esc(t('segments.flow'))}</span></h2><div class="chart" id="chart-segment-flow"></div></section>`;
  const [size, trend] = await Promise.all([
    get(`${API}/${encodeURIComponent(name)}/size`),
    get(`${API}/${encodeURIComponent(name)}/trend`),
  ]);
  if (!current()) return;
  document.getElementById('kpi-segment-size').textContent = number(size.tracked_size);
  document.getElementById('kpi-segment-size-sub').textContent = size.agree
    ? t('segments.agree')
    : t('segments.disagree', { bulk: number(size.bulk_size) });
  const days = trend.days;
  const trendEl = document.getElementById('chart-segment-trend');
  const flowEl = document.getElementById('chart-segment-flow');
  if (!days.length) {
    for (const el of [trendEl, flowEl]) {
      el.innerHTML = `<div class="state">${esc(t('common.none'))}</div>`;
      el.setAttribute('data-rendered', 'true');
    }
    return;
  }
  line(trendEl, days.map((d) => d.day), days.map((d) => d.size), { seriesName: t('segments.size') });
  bars(flowEl, days.map((d) => d.day), [
    { name: t('segments.entered'), data: days.map((d) => d.entered), color: '#14a38b' },
    { name: t('segments.left'), data: days.map((d) => -d.left), color: '#e0555a' },
  ], { stack: true });
}

function personaCard(p) {
  const features = p.distinguishing_features
    .map(
      (d) => `<li><span>${esc(label({ label_zh: d.label_zh, label_en: d.label_en, key: d.feature }))}</span>
        <b class="${d.z_score >= 0 ? 'up' : 'down'}">${d.z_score >= 0 ? '▲' : '▼'} ${esc(Math.abs(d.z_score).toFixed(1))}σ</b>
        <small>${esc(number(d.persona_mean, 1))} ${esc(t('personas.vs'))} ${esc(number(d.population_mean, 1))}</small></li>`,
    )
    .join('');
  const tags = p.typical_tags
    .map((g) => `<span class="pill" title="lift ${esc(g.lift.toFixed(2))}">${esc(label({ label_zh: g.label_zh, label_en: g.label_en, key: g.tag }))} ${esc(percent(g.share, 0))}</span>`)
    .join(' ');
  return `<section class="card span-4 persona" data-persona="${p.id}"><h2><span>${esc(t('personas.persona', { id: p.id + 1 }))}</span>
    <small class="persona-size">${esc(number(p.size))} · ${esc(percent(p.share))}</small></h2>
    <ul class="persona-features">${features}</ul><div>${tags || `<span class="muted">${esc(t('personas.noTags'))}</span>`}</div></section>`;
}

async function personas(current) {
  const box = document.getElementById('personas');
  const fitButton = can('personas_fit') ? `<button class="btn btn-light" id="persona-fit" type="button">${esc(t('personas.fit'))}</button>` : '';
  // 204 (not 404) before the first fit: no fit yet is no error in the browser's log
  const model = await get('/api/v1/personas', { optional: true });
  if (!current()) return;
  const head = `<section class="card span-12"><h2><span>${esc(t('personas.title'))}</span>
      <small id="personas-note">${model ? esc(t('personas.note', { k: model.k, users: number(model.users), asOf: dateTime(model.as_of) })) : ''}</small>${fitButton}</h2>
      ${model ? '' : `<div class="state" id="personas-empty">${esc(t('personas.none'))}</div>`}</section>`;
  box.innerHTML = head + (model ? model.cards.map(personaCard).join('') : '');
  document.getElementById('persona-fit')?.addEventListener('click', async (ev) => {
    ev.target.disabled = true;
    try {
      await post('/api/v1/personas/fit?k=5');
      await personas(current);
    } catch (e) {
      ev.target.disabled = false;
      document.getElementById('personas-note').textContent = e.message;
    }
  });
}

export async function render(view, params, current) {
  const selected = params[0];
  view.innerHTML = `
    <div class="page-head"><div><h1>${esc(t('segments.title'))}</h1><p>${esc(t('segments.subtitle'))}</p></div></div>
    <div class="grid">
      ${builder()}
      <section class="card span-12"><h2><span>${esc(t('segments.list'))}</span></h2>
        <div id="segments"><div class="state">${esc(t('common.loading'))}</div></div></section>
      <div id="segment-detail" style="display: contents"></div>
      <div id="personas" style="display: contents"></div>
    </div>`;
  wireBuilder((name) => {
    if (location.hash === `#/segments/${encodeURIComponent(name)}`) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else location.hash = `#/segments/${encodeURIComponent(name)}`;
  });
  const fail = (id) => (e) => {
    const el = document.getElementById(id);
    if (el && current()) el.innerHTML = `<div class="state error">${esc(t('common.error'))}: ${esc(e.message)}</div>`;
  };
  const list = get(API).then(async (segments) => {
    if (!current()) return;
    const chosen = segments.find((s) => s.name === selected) ?? segments[0];
    document.getElementById('segments').innerHTML = segmentList(segments, chosen?.name);
    if (chosen) await segmentDetail(chosen.name, current);
  }).catch(fail('segments'));
  await Promise.all([list, personas(current).catch(fail('personas'))]);
}
