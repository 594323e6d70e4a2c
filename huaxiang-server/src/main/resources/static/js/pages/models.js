// 模型 (Models): the registry with each version's status and approver; one model's card (stored
// metrics, WoE of every feature, training score distribution) and its live stability (PSI/CSI of
// logged scores against training, per day, flagged at 0.1 and 0.25). #/models/<id> selects one.
import { get } from '../api.js';
import { lang, t } from '../i18n.js';
import { barLine, bar, bars, lines, xy } from '../charts.js';
import { dateTime, esc, number } from '../format.js';

const API = '/api/v1/models';
const WATCH = 0.1;
const SHIFTED = 0.25;

function statusPill(status) {
  const s = String(status).toLowerCase();
  return `<span class="pill status-${esc(s)}">${esc(t(`models.status.${s}`))}</span>`;
}

function registry(models, selected) {
  if (!models.length) return `<div class="state" id="models-empty">${esc(t('models.none'))}</div>`;
  return `<div class="scroll"><table id="model-list">
    <thead><tr><th>${esc(t('models.name'))}</th><th class="num">${esc(t('models.version'))}</th><th>${esc(t('models.kind'))}</th>
      <th>${esc(t('models.status'))}</th><th>${esc(t('models.registeredBy'))}</th><th>${esc(t('models.registeredAt'))}</th>
      <th>${esc(t('models.approvedBy'))}</th><th>${esc(t('models.approvedAt'))}</th></tr></thead>
    <tbody>${models
      .map(
        (m) => `<tr data-model="${m.id}" class="${m.id === selected ? 'selected' : ''}">
          <td><a href="#/models/${m.id}">${esc(m.name)}</a></td><td class="num">v${esc(m.version)}</td><td>${esc(m.kind)}</td>
          <td>${statusPill(m.status)}</td><td>${esc(m.created_by)}</td><td style="white-space:nowrap">${esc(dateTime(m.created_at))}</td>
          <td>${esc(m.approved_by ?? '—')}</td><td style="white-space:nowrap">${esc(m.approved_at ? dateTime(m.approved_at) : '—')}</td></tr>`,
      )
      .join('')}</tbody></table></div>`;
}

// the sample whose figures lead: the hold-out sample when the file has one
function leadSample(metrics) {
  const names = Object.keys(metrics ?? {});
  return names.find((n) => n === 'test') ?? names.find((n) => n !== 'train') ?? names[0];
}

function kpi(id, labelKey, value) {
  return `<section class="card span-3 kpi"><span class="label">${esc(t(labelKey))}</span>
    <span class="value" id="kpi-${id}">${esc(value)}</span><span class="sub" id="kpi-${id}-sub">&nbsp;</span></section>`;
}

function metricsTable(metrics) {
  const rows = Object.entries(metrics ?? {});
  if (!rows.length) return `<div class="state">${esc(t('common.none'))}</div>`;
  const f = (v) => (v === null || v === undefined ? '—' : Number(v).toFixed(4));
  return `<div class="scroll"><table id="model-metrics"><thead><tr><th>${esc(t('models.sample'))}</th><th class="num">${esc(t('models.rows'))}</th>
      <th class="num">${esc(t('models.bads'))}</th><th class="num">AUC</th><th class="num">Gini</th><th class="num">KS</th>
      <th class="num">${esc(t('models.ksPoints'))}</th><th class="num">Brier</th></tr></thead><tbody>${rows
        .map(
          ([name, m]) => `<tr data-sample="${esc(name)}"><td>${esc(name)}</td><td class="num">${esc(number(m.rows))}</td>
          <td class="num">${esc(number(m.events))}</td><td class="num">${f(m.auc)}</td><td class="num">${f(m.gini)}</td>
          <td class="num">${f(m.ks)}</td><td class="num">${esc(number(m.ks_points))}</td><td class="num">${f(m.brier)}</td></tr>`,
        )
        .join('')}</tbody></table></div>`;
}

// labels derived from the column name (特征「x」, "x y") say no more than the name itself
function featureLabel(f) {
  const l = lang() === 'zh' ? f.label_zh : f.label_en;
  const derived = !l || l.includes(f.name) || l === f.name.replaceAll('_', ' ').replaceAll('.', ' ').trim();
  return derived ? f.name : `${l} · ${f.name}`;
}

function detail(card) {
  const m = card.model;
  const sample = leadSample(card.metrics);
  const lead = card.metrics?.[sample];
  const woeCards = card.features
    .filter((f) => f.bins.length)
    .map(
      (f, i) => `<section class="card span-6 woe-card" data-feature="${esc(f.name)}">
        <h2><span>${esc(featureLabel(f))}</span><small>IV ${esc(Number(f.iv).toFixed(3))}</small></h2>
        <div class="chart" id="chart-woe-${i}"></div></section>`,
    )
    .join('');
  return `
    <section class="card span-12"><h2><span id="model-title">${esc(m.name)} v${esc(m.version)}</span>
      <small>${statusPill(m.status)} · ${esc(t('models.target'))} ${esc(card.target)} = ${esc(card.positive_value)}</small></h2>
      <p class="muted">${esc(t('models.reportHint'))} <a id="model-report" href="${API}/${m.id}/report" target="_blank" rel="noopener">${esc(t('models.report'))}</a></p>
    </section>
    ${kpi('auc', 'models.auc', lead ? Number(lead.auc).toFixed(4) : '—')}
    ${kpi('ks', 'models.ks', lead ? Number(lead.ks).toFixed(4) : '—')}
    ${kpi('gini', 'models.gini', lead ? Number(lead.gini).toFixed(4) : '—')}
    ${kpi('features', 'models.features', number(card.features.length))}
    <section class="card span-6"><h2><span>${esc(t('models.metrics'))}</span></h2>${metricsTable(card.metrics)}</section>
    <section class="card span-6"><h2><span>${esc(t('models.scoreDistribution'))}</span><small>${esc(t('models.training'))}</small></h2>
      <div class="chart" id="chart-score-dist"></div></section>
    ${curveCards(card)}
    <section class="card span-12"><h2><span>${esc(t('models.stability'))}</span><small id="note-stability"></small></h2>
      <div class="chart" id="chart-stability"></div><div id="csi-table"></div></section>
    ${woeCards}`;
}

function curveCards(card) {
  if (!card.curves) {
    return `<section class="card span-12" id="no-curves"><div class="state">${esc(t('models.noCurves'))}</div></section>`;
  }
  const sample = `${t('models.sample')}: ${card.curves.sample}`;
  const c = (id, key, extra = '') => `<section class="card span-6"><h2><span>${esc(t(key))}</span><small id="note-${id}">${esc(sample)}${extra}</small></h2>
      <div class="chart" id="chart-${id}"></div></section>`;
  return c('roc', 'models.roc') + c('ks', 'models.ksCurve') + c('goodbad', 'models.goodBad') + c('calibration', 'models.calibration');
}

const round4 = (v) => Number(v.toFixed(4));

/** Cumulative shares of bads and goods from the riskiest (lowest) score band up, and KS. */
export function ksCurve(bands) {
  const bads = bands.reduce((s, b) => s + b.bads, 0) || 1;
  const goods = bands.reduce((s, b) => s + b.goods, 0) || 1;
  let cb = 0;
  let cg = 0;
  let ks = 0;
  const rows = bands.map((b) => {
    cb += b.bads;
    cg += b.goods;
    ks = Math.max(ks, Math.abs(cb / bads - cg / goods));
    return { bad: cb / bads, good: cg / goods };
  });
  return { rows, ks };
}

function drawCurves(curves) {
  if (!curves) return;
  const labels = curves.bands.map((b) => `${Math.round(b.from)}`);
  xy(document.getElementById('chart-roc'), [
    { name: 'ROC', points: curves.roc.map((p) => [round4(p.fpr), round4(p.tpr)]) },
    { name: t('models.random'), points: [[0, 0], [1, 1]], dashed: true },
  ], { xName: t('models.fpr'), yName: t('models.tpr') });
  const ks = ksCurve(curves.bands);
  document.getElementById('note-ks').textContent += ` · KS ${ks.ks.toFixed(4)}`;
  lines(document.getElementById('chart-ks'), labels, [
    { name: t('models.cumBad'), data: ks.rows.map((r) => round4(r.bad)) },
    { name: t('models.cumGood'), data: ks.rows.map((r) => round4(r.good)) },
  ], { yMax: 1 });
  const bads = curves.bands.reduce((s, b) => s + b.bads, 0) || 1;
  const goods = curves.bands.reduce((s, b) => s + b.goods, 0) || 1;
  bars(document.getElementById('chart-goodbad'), labels, [
    { name: t('models.goods'), data: curves.bands.map((b) => round4(b.goods / goods)), color: '#14a38b' },
    { name: t('models.bads'), data: curves.bands.map((b) => round4(b.bads / bads)), color: '#e0555a' },
  ]);
  const top = Math.min(1, Math.max(0.05, ...curves.calibration.map((r) => Math.max(r.mean_predicted, r.observed_rate))) * 1.1);
  xy(document.getElementById('chart-calibration'), [
    { name: t('models.observed'), points: curves.calibration.map((r) => [round4(r.mean_predicted), round4(r.observed_rate)]) },
    { name: t('models.perfect'), points: [[0, 0], [top, top]], dashed: true },
  ], { xName: t('models.predicted'), yName: t('models.observed'), max: Number(top.toFixed(2)) });
}

function drawCard(card) {
  drawCurves(card.curves);
  const sample = leadSample(card.metrics);
  if (sample) document.getElementById('kpi-auc-sub').textContent = sample;
  const base = card.score_baseline;
  const dist = document.getElementById('chart-score-dist');
  if (base) {
    const labels = base.counts.map((_, i) => {
      const lo = i === 0 ? '' : base.cuts[i - 1];
      const hi = i === base.cuts.length ? '' : base.cuts[i];
      return lo === '' ? `< ${hi}` : hi === '' ? `≥ ${lo}` : `${lo}–${hi}`;
    });
    bar(dist, labels, base.counts, { seriesName: t('models.applicants'), rotate: 30 });
  } else {
    dist.innerHTML = `<div class="state">${esc(t('models.noBaseline'))}</div>`;
    dist.setAttribute('data-rendered', 'true');
  }
  card.features
    .filter((f) => f.bins.length)
    .forEach((f, i) => {
      barLine(
        document.getElementById(`chart-woe-${i}`),
        f.bins.map((b) => b.label),
        f.bins.map((b) => Number(b.woe.toFixed(4))),
        f.bins.map((b) => Number(b.event_rate.toFixed(4))),
        { barName: 'WoE', lineName: t('models.badRate') },
      );
    });
}

function flagPill(flag) {
  return `<span class="pill flag-${esc(flag)}">${esc(t(`models.flag.${flag}`))}</span>`;
}

async function stability(card, current) {
  const el = document.getElementById('chart-stability');
  const done = (html) => {
    el.innerHTML = html;
    el.setAttribute('data-rendered', 'true');
  };
  if (card.model.kind !== 'scorecard') return done(`<div class="state">${esc(t('models.stabilityScorecardsOnly'))}</div>`);
  const report = await get(`${API}/${card.model.id}/stability`, { days: 30, period_days: 1 });
  if (!current()) return;
  const periods = report.periods;
  if (!periods.length) return done(`<div class="state" id="stability-empty">${esc(t('models.noScores'))}</div>`);
  const days = periods.map((p) => dateTime(p.from).slice(0, 10));
  const worstCsi = periods.map((p) => Math.max(...p.csi.map((c) => c.index)));
  document.getElementById('note-stability').innerHTML = `${esc(t('models.scoresLogged'))} ${esc(
    number(periods.reduce((s, p) => s + p.scores, 0)),
  )} · ${flagPill(periods[periods.length - 1].worst)}`;
  lines(
    el,
    days,
    [
      { name: t('models.psi'), data: periods.map((p) => (p.psi ? Number(p.psi.index.toFixed(4)) : null)) },
      { name: t('models.maxCsi'), data: worstCsi.map((v) => Number(v.toFixed(4))), dashed: true },
    ],
    {
      thresholds: [
        { value: report.watch_threshold ?? WATCH, name: `${t('models.flag.WATCH')} ${report.watch_threshold ?? WATCH}`, color: '#f2a33a' },
        { value: report.shifted_threshold ?? SHIFTED, name: `${t('models.flag.SHIFTED')} ${report.shifted_threshold ?? SHIFTED}`, color: '#e0555a' },
      ],
    },
  );
  const last = periods[periods.length - 1];
  document.getElementById('csi-table').innerHTML = `<div class="scroll"><table id="csi-latest">
    <thead><tr><th>${esc(t('models.feature'))}</th><th class="num">${esc(t('models.csiLatest'))}</th><th>${esc(t('models.flag'))}</th></tr></thead>
    <tbody>${[...(last.psi ? [last.psi] : []), ...last.csi]
      .map((c) => `<tr><td class="mono">${esc(c.name)}</td><td class="num">${esc(c.index.toFixed(4))}</td><td>${flagPill(c.flag)}</td></tr>`)
      .join('')}</tbody></table></div>`;
}

export async function render(view, params, current) {
  view.innerHTML = `
    <div class="page-head"><div><h1>${esc(t('models.title'))}</h1><p>${esc(t('models.subtitle'))}</p></div></div>
    <div class="grid">
      <section class="card span-12"><h2><span>${esc(t('models.registry'))}</span></h2>
        <div id="registry"><div class="state">${esc(t('common.loading'))}</div></div></section>
      <div id="model-detail" style="display: contents"></div>
    </div>`;
  let models;
  try {
    models = await get(API);
  } catch (e) {
    document.getElementById('registry').innerHTML = `<div class="state error">${esc(t('common.error'))}: ${esc(e.message)}</div>`;
    return;
  }
  if (!current()) return;
  models.sort((a, b) => a.name.localeCompare(b.name) || b.version - a.version);
  const wanted = Number(params[0]);
  const chosen =
    models.find((m) => m.id === wanted) ??
    models.find((m) => String(m.status).toLowerCase() === 'champion') ??
    models[0];
  document.getElementById('registry').innerHTML = registry(models, chosen?.id);
  if (!chosen) return;
  const box = document.getElementById('model-detail');
  try {
    const card = await get(`${API}/${chosen.id}/card`);
    if (!current()) return;
    box.innerHTML = detail(card);
    drawCard(card);
    await stability(card, current);
  } catch (e) {
    if (current()) box.innerHTML = `<div class="state error span-12">${esc(t('common.error'))}: ${esc(e.message)}</div>`;
  }
}

