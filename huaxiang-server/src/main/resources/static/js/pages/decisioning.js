// 决策 (Decisioning): the live decision stream (outcome mix, approval rate, average score, API
// latency), each product's funding budget with the forecast of when it runs out (and the "demand is
// high, come back tomorrow" state once it has), strategy versions with a line diff between two,
// a try-out form that runs one application through a strategy version without acting on it, and
// what-if results of a version over past applications.
import { ApiError, get } from '../api.js';
import { can, csrfToken } from '../session.js';
import { lang, t } from '../i18n.js';
import { bars, gauge, pie } from '../charts.js';
import { dateTime, esc, money, number, percent } from '../format.js';

const REFRESH_MS = 10_000;
const OUTCOMES = ['APPROVE', 'DECLINE', 'REVIEW', 'DEFER'];
const OUTCOME_COLOURS = { APPROVE: '#14a38b', DECLINE: '#e0555a', REVIEW: '#f2a33a', DEFER: '#8e5bd8' };
const STAGES = ['PRE_CHECK', 'FRAUD', 'SCORE', 'LIMIT', 'PRICING', 'THROTTLE'];

async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-TOKEN': csrfToken() ?? '' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, parsed);
  return parsed;
}

function outcomeLabel(o) {
  return t(`decisioning.outcome.${o}`);
}

function outcomePill(o) {
  return `<span class="pill outcome-${esc(o)}">${esc(outcomeLabel(o))}</span>`;
}

function kpi(id, labelKey) {
  return `<section class="card span-3 kpi"><span class="label">${esc(t(labelKey))}</span>
    <span class="value" id="kpi-${id}">—</span><span class="sub" id="kpi-${id}-sub">&nbsp;</span></section>`;
}

function errorBox(e) {
  return `<div class="state error">${esc(t('common.error'))}: ${esc(e.message)}</div>`;
}

// ---- live stream -------------------------------------------------------------------------------

async function drawStream(current) {
  const minutes = Number(document.getElementById('stream-window').value);
  const bucket = minutes > 180 ? 3600 : 60;
  const s = await get('/api/v1/decisions/stream', { minutes, bucket_seconds: bucket });
  if (!current()) return;
  const tot = s.totals;
  document.getElementById('kpi-dec-total').textContent = number(tot.total);
  document.getElementById('kpi-dec-total-sub').textContent = t('decisioning.lastMinutes', { minutes: number(minutes) });
  document.getElementById('kpi-approval').textContent = tot.approval_rate === null ? '—' : percent(tot.approval_rate);
  document.getElementById('kpi-approval-sub').textContent = `${outcomeLabel('DEFER')} ${number(tot.defer)}`;
  document.getElementById('kpi-avg-score').textContent = tot.avg_score === null ? '—' : number(tot.avg_score, 1);
  document.getElementById('kpi-latency').textContent = tot.latency_avg_ms === null ? '—' : `${number(tot.latency_avg_ms, 1)} ms`;
  const labels = s.buckets.map((b) => dateTime(b.at).slice(-5));
  const streamEl = document.getElementById('chart-stream');
  const mixEl = document.getElementById('chart-outcome-mix');
  streamEl.innerHTML = '';
  mixEl.innerHTML = '';
  bars(
    streamEl,
    labels,
    OUTCOMES.map((o) => ({ name: outcomeLabel(o), data: s.buckets.map((b) => b[o.toLowerCase()]), color: OUTCOME_COLOURS[o] })),
    { stack: true },
  );
  if (tot.total) {
    pie(mixEl, OUTCOMES.map((o) => [outcomeLabel(o), tot[o.toLowerCase()]]), {
      seriesName: t('decisioning.decisions'),
      colors: OUTCOMES.map((o) => OUTCOME_COLOURS[o]),
    });
  } else {
    mixEl.innerHTML = `<div class="state">${esc(t('decisioning.noDecisions'))}</div>`;
    mixEl.setAttribute('data-rendered', 'true');
  }
  document.getElementById('recent-decisions').innerHTML = s.recent.length
    ? `<div class="scroll"><table id="recent-table"><thead><tr><th>${esc(t('decisioning.decidedAt'))}</th><th>${esc(t('users.id'))}</th>
        <th>${esc(t('decisioning.product'))}</th><th>${esc(t('decisioning.outcome'))}</th><th class="num">${esc(t('decisioning.score'))}</th>
        <th>${esc(t('decisioning.band'))}</th><th class="num">${esc(t('decisioning.requested'))}</th><th class="num">${esc(t('decisioning.approved'))}</th>
        <th>${esc(t('decisioning.strategy'))}</th></tr></thead><tbody>${s.recent
          .map(
            (r) => `<tr><td style="white-space:nowrap">${esc(dateTime(r.decided_at))}</td><td class="mono">${esc(r.user_id)}</td>
            <td>${esc(r.product)}</td><td>${outcomePill(r.outcome)}</td><td class="num">${esc(r.score ?? '—')}</td><td>${esc(r.band ?? '—')}</td>
            <td class="num">${esc(money(r.requested_amount))}</td><td class="num">${esc(money(r.approved_amount))}</td>
            <td class="mono">${esc(r.strategy)} · ${esc(r.arm)}</td></tr>`,
          )
          .join('')}</tbody></table></div>`
    : `<div class="state">${esc(t('decisioning.noDecisions'))}</div>`;
}

// ---- budgets -----------------------------------------------------------------------------------

async function drawBudget(product, current) {
  const b = await get(`/api/v1/budgets/${encodeURIComponent(product)}`);
  if (!current()) return;
  const cap = Number(b.cap_amount);
  const used = Number(b.used_amount);
  const share = cap > 0 ? Math.min(1, used / cap) : 1;
  const el = document.getElementById('chart-budget');
  el.innerHTML = '';
  gauge(el, share, { name: t('decisioning.budgetUsed') });
  const exhausted = Number(b.remaining_amount) <= 0 || b.used_count >= b.cap_count;
  const forecast = exhausted
    ? `<div class="banner banner-warn" id="budget-exhausted"><strong>${esc(t('decisioning.demandHigh'))}</strong>
        <span>${esc(t('decisioning.demandHighDetail'))}</span></div>`
    : b.exhausted_at
      ? `<div class="banner banner-watch" id="budget-forecast">${esc(t('decisioning.runsOutAt', { at: dateTime(b.exhausted_at) }))}</div>`
      : `<div class="banner" id="budget-forecast">${esc(t('decisioning.lastsTheDay'))}</div>`;
  document.getElementById('budget-facts').innerHTML = `${forecast}
    <dl class="facts">
      <dt>${esc(t('decisioning.day'))}</dt><dd>${esc(b.day)}</dd>
      <dt>${esc(t('decisioning.cap'))}</dt><dd id="budget-cap">${esc(money(b.cap_amount))} · ${esc(number(b.cap_count))} ${esc(t('decisioning.loans'))}</dd>
      <dt>${esc(t('decisioning.used'))}</dt><dd id="budget-used">${esc(money(b.used_amount))} · ${esc(number(b.used_count))} ${esc(t('decisioning.loans'))}</dd>
      <dt>${esc(t('decisioning.remaining'))}</dt><dd id="budget-remaining">${esc(money(b.remaining_amount))}</dd>
      <dt>${esc(t('decisioning.perHour'))}</dt><dd>${esc(money(b.approved_per_hour))}</dd>
      <dt>${esc(t('decisioning.hoursLeft'))}</dt><dd>${esc(b.hours_until_exhausted === null ? '—' : number(b.hours_until_exhausted, 1))}</dd>
    </dl>`;
}

// ---- strategies and diff -------------------------------------------------------------------------

function tag(s) {
  return `${s.strategy_id}@v${s.version}`;
}

/** A line diff (longest common subsequence): [{op: ' ' | '-' | '+', text}]. */
export function diffLines(a, b) {
  const x = a.split('\n');
  const y = b.split('\n');
  const n = x.length;
  const m = y.length;
  const lcs = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      out.push({ op: ' ', text: x[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ op: '-', text: x[i++] });
    else out.push({ op: '+', text: y[j++] });
  }
  while (i < n) out.push({ op: '-', text: x[i++] });
  while (j < m) out.push({ op: '+', text: y[j++] });
  return out;
}

function showDiff(strategies) {
  const a = strategies.find((s) => tag(s) === document.getElementById('diff-a').value);
  const b = strategies.find((s) => tag(s) === document.getElementById('diff-b').value);
  const box = document.getElementById('strategy-diff');
  if (!a || !b) {
    box.innerHTML = '';
    return;
  }
  const lines = diffLines(a.source, b.source);
  const changed = lines.filter((l) => l.op !== ' ').length;
  // keep two lines of context around each change, fold the rest
  const keep = lines.map((l, k) => lines.slice(Math.max(0, k - 2), k + 3).some((c) => c.op !== ' '));
  let html = '';
  let folded = 0;
  lines.forEach((l, k) => {
    if (!keep[k]) {
      folded++;
      return;
    }
    if (folded) html += `<div class="diff-fold">⋯ ${esc(t('decisioning.unchangedLines', { n: folded }))}</div>`;
    folded = 0;
    const cls = l.op === '+' ? 'diff-add' : l.op === '-' ? 'diff-del' : 'diff-same';
    html += `<div class="${cls}"><span>${l.op}</span>${esc(l.text)}</div>`;
  });
  if (folded) html += `<div class="diff-fold">⋯ ${esc(t('decisioning.unchangedLines', { n: folded }))}</div>`;
  box.innerHTML = `<p class="muted" id="diff-summary" data-changed="${changed}">${esc(
    changed ? t('decisioning.diffChanged', { n: changed, a: tag(a), b: tag(b) }) : t('decisioning.diffSame'),
  )}</p><pre class="diff">${html}</pre>`;
}

function strategiesCard(strategies) {
  const options = strategies.map((s) => `<option value="${esc(tag(s))}">${esc(tag(s))} · ${esc(t(`decisioning.role.${s.role}`))}</option>`).join('');
  return `<div class="scroll"><table id="strategy-list"><thead><tr><th>${esc(t('decisioning.strategy'))}</th><th>${esc(t('decisioning.product'))}</th>
      <th>${esc(t('decisioning.role'))}</th><th>${esc(t('decisioning.uploadedBy'))}</th><th>${esc(t('decisioning.uploadedAt'))}</th>
      <th>${esc(t('decisioning.activatedBy'))}</th></tr></thead><tbody>${strategies
        .map(
          (s) => `<tr><td class="mono">${esc(tag(s))}</td><td>${esc(s.product_id)}</td><td><span class="pill role-${esc(s.role)}">${esc(
            t(`decisioning.role.${s.role}`),
          )}${s.challenger_share ? ` ${esc(percent(Number(s.challenger_share), 0))}` : ''}</span></td>
          <td>${esc(s.uploaded_by)}</td><td style="white-space:nowrap">${esc(dateTime(s.uploaded_at))}</td><td>${esc(s.activated_by ?? '—')}</td></tr>`,
        )
        .join('')}</tbody></table></div>
    <div class="toolbar diff-pick">${esc(t('decisioning.compare'))}
      <select id="diff-a">${options}</select> → <select id="diff-b">${options}</select></div>
    <div id="strategy-diff"></div>`;
}

// ---- try-out ---------------------------------------------------------------------------------------

/** A valid (synthetic) resident ID number: region, birth date, sequence and the ISO 7064 check. */
function sampleIdNumber() {
  const first17 = '33010619940517' + '123';
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

function tryForm(strategies) {
  const champions = strategies.filter((s) => s.role === 'champion' || s.role === 'challenger' || s.role === 'candidate');
  const field = (id, key, value, type = 'text') =>
    `<label>${esc(t(key))}<input id="${id}" name="${id}" type="${type}" value="${esc(value)}" /></label>`;
  return `<form id="try-form" class="form-grid" autocomplete="off">
      ${field('try-user', 'users.id', 'demo-0000001')}
      ${field('try-product', 'decisioning.product', 'consumption')}
      ${field('try-amount', 'decisioning.amount', '8000', 'number')}
      ${field('try-term', 'decisioning.term', '12', 'number')}
      ${field('try-income', 'decisioning.income', '12000', 'number')}
      ${field('try-purpose', 'decisioning.purpose', 'consumption')}
      ${field('try-id-number', 'decisioning.idNumber', sampleIdNumber())}
      ${field('try-phone', 'decisioning.phone', '13912345678')}
      <label>${esc(t('decisioning.strategy'))}<select id="try-strategy"><option value="">${esc(t('decisioning.champion'))}</option>${champions
        .map((s) => `<option value="${esc(tag(s))}">${esc(tag(s))}</option>`)
        .join('')}</select></label>
      <div class="form-actions"><button class="btn" id="try-run" type="submit">${esc(t('decisioning.run'))}</button>
        <small class="muted">${esc(t('decisioning.runHint'))}</small></div>
    </form><div id="try-result"></div>`;
}

function stageTable(d) {
  return STAGES.map((stage) => {
    const rules = d.rule_outcomes.filter((r) => r.stage === stage);
    const fired = rules.filter((r) => r.result === 'fired').length;
    const skipped = rules.length && rules.every((r) => r.result === 'skipped');
    const status = !rules.length ? 'none' : skipped ? 'skipped' : fired ? 'fired' : 'passed';
    return `<section class="stage stage-${status}" data-stage="${stage}">
      <h3>${esc(t(`decisioning.stage.${stage}`))} <span class="pill">${esc(t(`decisioning.stageStatus.${status}`))}</span></h3>
      ${
        rules.length
          ? `<table><tbody>${rules
              .map(
                (r) => `<tr class="rule-${esc(r.result)}"><td class="mono">${esc(r.rule)}</td><td>${esc(t(`decisioning.result.${r.result}`))}</td>
                <td class="mono">${esc(r.action ?? '')}</td><td>${esc(r.detail ?? '')}</td></tr>`,
              )
              .join('')}</tbody></table>`
          : ''
      }</section>`;
  }).join('');
}

function showDecision(d) {
  const reasons = (d.principal_reasons?.length ? d.principal_reasons : d.reasons)
    .map((r) => `<li><span class="mono">${esc(r.code)}</span> ${esc(lang() === 'zh' ? r.zh : r.en)}</li>`)
    .join('');
  document.getElementById('try-result').innerHTML = `<div class="decision-head" id="try-outcome" data-outcome="${esc(d.outcome)}">
      ${outcomePill(d.outcome)} <span>${esc(t('decisioning.score'))} <b id="try-score">${esc(d.score ?? '—')}</b></span>
      <span>PD ${esc(d.pd === null || d.pd === undefined ? '—' : percent(d.pd, 2))}</span>
      <span>${esc(t('decisioning.band'))} <b>${esc(d.band ?? '—')}</b></span>
      <span>${esc(t('decisioning.approved'))} <b>${esc(money(d.approved_amount))}</b></span>
      <span>${esc(t('decisioning.line'))} <b>${esc(money(d.credit_line))}</b></span>
      ${d.offer ? `<span>APR <b>${esc(Number(d.offer.apr_percent).toFixed(2))}%</b></span>` : ''}
      <span class="mono">${esc(d.strategy)}</span></div>
    ${reasons ? `<ul class="reasons">${reasons}</ul>` : ''}
    <div class="stages">${stageTable(d)}</div>`;
}

function wireTry() {
  document.getElementById('try-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const v = (id) => document.getElementById(id).value.trim();
    const box = document.getElementById('try-result');
    box.innerHTML = `<div class="state">${esc(t('common.loading'))}</div>`;
    const strategy = v('try-strategy');
    try {
      const d = await post(`/api/v1/decisions/dry-run${strategy ? `?strategy=${encodeURIComponent(strategy)}` : ''}`, {
        request_id: `console-try-${Date.now()}`,
        user_id: v('try-user'),
        product: v('try-product'),
        amount: Number(v('try-amount')),
        term_months: Number(v('try-term')),
        purpose: v('try-purpose'),
        monthly_income: Number(v('try-income')),
        id_number: v('try-id-number'),
        phone: v('try-phone'),
        channel: 'console',
      });
      showDecision(d);
    } catch (e) {
      const field = e.problem?.field ? ` (${e.problem.field})` : '';
      box.innerHTML = `<div class="state error" id="try-error">${esc(e.problem?.reason ?? '')} ${esc(e.message)}${esc(field)}</div>`;
    }
  });
}

// ---- what-if ----------------------------------------------------------------------------------------

function wireWhatIf(strategies) {
  const run = document.getElementById('what-if-run');
  run.addEventListener('click', async () => {
    const box = document.getElementById('what-if-result');
    const chosen = strategies.find((s) => tag(s) === document.getElementById('what-if-strategy').value);
    box.innerHTML = `<div class="state">${esc(t('common.loading'))}</div>`;
    try {
      const r = await get(`/api/v1/strategies/${encodeURIComponent(chosen.strategy_id)}/versions/${chosen.version}/what-if`, {
        from: document.getElementById('what-if-from').value || undefined,
      });
      const rate = (k, n) => (n ? percent(k / n) : '—');
      box.innerHTML = `<table id="what-if-table"><thead><tr><th></th><th class="num">${esc(t('decisioning.decided'))}</th>
          <th class="num">${esc(r.strategy)}</th></tr></thead><tbody>
          <tr><td>${esc(t('decisioning.applications'))}</td><td class="num" colspan="2" id="what-if-n">${esc(number(r.applications))}</td></tr>
          <tr><td>${esc(t('decisioning.approvalRate'))}</td><td class="num" id="what-if-before">${esc(rate(r.approved_before, r.applications))}</td>
            <td class="num" id="what-if-after">${esc(rate(r.approved_after, r.applications))}</td></tr>
          <tr><td>${esc(t('decisioning.approvedAmount'))}</td><td class="num">${esc(money(r.amount_before))}</td><td class="num">${esc(money(r.amount_after))}</td></tr>
          <tr><td>${esc(t('decisioning.expectedLoss', { lgd: r.lgd }))}</td><td class="num">${esc(money(r.expected_loss_before))}</td>
            <td class="num">${esc(money(r.expected_loss_after))}</td></tr>
        </tbody></table>
        <p class="muted">${esc(t('decisioning.changes'))}: ${Object.entries(r.changes)
          .map(([k, n]) => `<span class="pill">${esc(k)} ${esc(number(n))}</span>`)
          .join(' ') || '—'}</p>
        <div class="chart" id="chart-what-if-bands"></div>`;
      const el = document.getElementById('chart-what-if-bands');
      if (!r.by_band.length) {
        el.innerHTML = `<div class="state">${esc(t('decisioning.noDecisions'))}</div>`;
        el.setAttribute('data-rendered', 'true');
        return;
      }
      bars(el, r.by_band.map((g) => g.key), [
        { name: t('decisioning.decided'), data: r.by_band.map((g) => (g.applications ? Number((g.approved_before / g.applications).toFixed(4)) : 0)) },
        { name: r.strategy, data: r.by_band.map((g) => (g.applications ? Number((g.approved_after / g.applications).toFixed(4)) : 0)) },
      ]);
    } catch (e) {
      box.innerHTML = errorBox(e);
    }
  });
}

// ---- the page -----------------------------------------------------------------------------------------

export async function render(view, params, current) {
  const canBudgets = can('budgets');
  const canTry = can('decision_try');
  const canWhatIf = can('what_if');
  view.innerHTML = `
    <div class="page-head"><div><h1>${esc(t('decisioning.title'))}</h1><p>${esc(t('decisioning.subtitle'))}</p></div>
      <label class="toolbar">${esc(t('decisioning.window'))}
        <select id="stream-window"><option value="60">${esc(t('decisioning.lastHour'))}</option>
          <option value="1440">${esc(t('decisioning.lastDay'))}</option></select></label></div>
    <div class="grid">
      ${kpi('dec-total', 'decisioning.decisions')}
      ${kpi('approval', 'decisioning.approvalRate')}
      ${kpi('avg-score', 'decisioning.avgScore')}
      ${kpi('latency', 'decisioning.latency')}
      <section class="card span-8"><h2><span>${esc(t('decisioning.stream'))}</span><small>${esc(t('decisioning.live'))}</small></h2>
        <div class="chart" id="chart-stream"></div></section>
      <section class="card span-4"><h2><span>${esc(t('decisioning.mix'))}</span></h2><div class="chart" id="chart-outcome-mix"></div></section>
      ${
        canBudgets
          ? `<section class="card span-12" id="budget-card"><h2><span>${esc(t('decisioning.budget'))}</span>
              <select id="budget-product"></select></h2>
              <div class="budget"><div class="chart" id="chart-budget"></div><div id="budget-facts"></div></div></section>`
          : ''
      }
      <section class="card span-12"><h2><span>${esc(t('decisioning.recent'))}</span></h2><div id="recent-decisions"></div></section>
      <section class="card span-12"><h2><span>${esc(t('decisioning.strategies'))}</span></h2>
        <div id="strategies"><div class="state">${esc(t('common.loading'))}</div></div></section>
      ${
        canTry
          ? `<section class="card span-12" id="try-card"><h2><span>${esc(t('decisioning.try'))}</span></h2><div id="try-box"></div></section>`
          : ''
      }
      ${
        canWhatIf
          ? `<section class="card span-12" id="what-if-card"><h2><span>${esc(t('decisioning.whatIf'))}</span></h2>
              <div class="toolbar"><select id="what-if-strategy"></select>
                <label>${esc(t('decisioning.from'))} <input id="what-if-from" type="date" /></label>
                <button class="btn" id="what-if-run" type="button">${esc(t('decisioning.simulate'))}</button></div>
              <div id="what-if-result"></div></section>`
          : ''
      }
    </div>`;
  const guard = (id, task) =>
    task.catch((e) => {
      const el = document.getElementById(id);
      if (el && current()) el.innerHTML = errorBox(e);
    });
  const refresh = () => guard('chart-stream', drawStream(current));
  document.getElementById('stream-window').addEventListener('change', refresh);
  const timer = setInterval(() => (current() ? refresh() : clearInterval(timer)), REFRESH_MS);

  const strategies = get('/api/v1/strategies').then((list) => {
    if (!current()) return;
    document.getElementById('strategies').innerHTML = list.length ? strategiesCard(list) : `<div class="state">${esc(t('common.none'))}</div>`;
    if (list.length) {
      document.getElementById('diff-b').selectedIndex = 0;
      document.getElementById('diff-a').selectedIndex = Math.min(1, list.length - 1);
      ['diff-a', 'diff-b'].forEach((id) => document.getElementById(id).addEventListener('change', () => showDiff(list)));
      showDiff(list);
    }
    if (canTry) {
      document.getElementById('try-box').innerHTML = tryForm(list);
      wireTry();
    }
    if (canWhatIf) {
      document.getElementById('what-if-strategy').innerHTML = list
        .map((s) => `<option value="${esc(tag(s))}">${esc(tag(s))} · ${esc(t(`decisioning.role.${s.role}`))}</option>`)
        .join('');
      wireWhatIf(list);
    }
    if (canBudgets) {
      const products = [...new Set(list.filter((s) => s.role === 'champion').map((s) => s.product_id))];
      const select = document.getElementById('budget-product');
      select.innerHTML = products.map((p) => `<option>${esc(p)}</option>`).join('');
      select.addEventListener('change', () => guard('budget-facts', drawBudget(select.value, current)));
      if (products.length) return guard('budget-facts', drawBudget(products[0], current));
      document.getElementById('chart-budget').setAttribute('data-rendered', 'true');
      document.getElementById('budget-facts').innerHTML = `<div class="state">${esc(t('common.none'))}</div>`;
    }
    return null;
  });
  await Promise.all([refresh(), guard('strategies', strategies)]);
}
