// 运维 (Operations): ingestion volumes, how far portraits follow the log, refused records.
import { get } from '../api.js';
import { t } from '../i18n.js';
import { dateTime, esc, number } from '../format.js';

function tile(id, labelKey) {
  return `<section class="card span-4 kpi"><span class="label">${esc(t(labelKey))}</span><span class="value" id="${id}">—</span></section>`;
}

async function load(current) {
  const [stats, letters] = await Promise.all([get('/api/v1/ops/stats'), get('/api/v1/ops/dead-letters', { limit: 100 })]);
  if (!current()) return;
  document.getElementById('ops-portraits').textContent = number(stats.portraits);
  document.getElementById('ops-events').textContent = number(stats.events);
  document.getElementById('ops-applied').textContent = number(stats.applied_seq);
  const box = document.getElementById('dead-letters');
  if (!letters.length) {
    box.innerHTML = `<div class="state">${esc(t('ops.noDeadLetters'))}</div>`;
    return;
  }
  box.innerHTML = `<div class="scroll"><table>
    <thead><tr><th>${esc(t('ops.receivedAt'))}</th><th>${esc(t('ops.channel'))}</th><th>${esc(t('ops.origin'))}</th>
      <th>${esc(t('ops.line'))}</th><th>${esc(t('ops.reason'))}</th><th>${esc(t('ops.field'))}</th><th>${esc(t('ops.message'))}</th></tr></thead>
    <tbody>${letters
      .map(
        (d) => `<tr><td style="white-space:nowrap">${esc(dateTime(d.received_at))}</td><td>${esc(d.channel)}</td>
          <td>${esc(d.origin ?? '')}</td><td class="num">${esc(d.line_no ?? '')}</td>
          <td><span class="pill">${esc(d.reason)}</span></td><td class="mono">${esc(d.field ?? '')}</td>
          <td title="${esc(d.record ?? '')}">${esc(d.message)}</td></tr>`,
      )
      .join('')}</tbody></table></div>`;
}

export async function render(view, params, current) {
  view.innerHTML = `
    <div class="page-head">
      <div><h1>${esc(t('ops.title'))}</h1><p>${esc(t('ops.subtitle'))}</p></div>
      <div class="toolbar"><button class="btn btn-light" id="ops-refresh">${esc(t('ops.refresh'))}</button></div>
    </div>
    <div class="grid">
      ${tile('ops-portraits', 'ops.portraits')}
      ${tile('ops-events', 'ops.events')}
      ${tile('ops-applied', 'ops.appliedSeq')}
      <section class="card span-12"><h2><span>${esc(t('ops.deadLetters'))}</span></h2>
        <div id="dead-letters"><div class="state">${esc(t('common.loading'))}</div></div></section>
    </div>`;
  const refresh = () =>
    load(current).catch((e) => {
      document.getElementById('dead-letters').innerHTML = `<div class="state error">${esc(t('common.error'))}: ${esc(e.message)}</div>`;
    });
  document.getElementById('ops-refresh').addEventListener('click', refresh);
  await refresh();
}
