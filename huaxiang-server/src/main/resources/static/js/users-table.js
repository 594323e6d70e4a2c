// A list of users linking to User 360, shared by the overview (tag holders) and User 360 (recent).
import { label, t } from './i18n.js';
import { dateTime, esc, number } from './format.js';

const SHOWN_TAGS = 4;

/** rows: [{user_id, event_count, last_event_at, tags}], tagsById: id → tag with labels. */
export function usersTable(rows, tagsById) {
  if (!rows.length) return `<div class="state">${esc(t('common.none'))}</div>`;
  return `<div class="scroll"><table>
    <thead><tr><th>${esc(t('users.id'))}</th><th class="num">${esc(t('user.eventCount'))}</th>
      <th>${esc(t('user.lastEvent'))}</th><th>${esc(t('user.tags'))}</th></tr></thead>
    <tbody>${rows
      .map((r) => {
        const more = r.tags.length > SHOWN_TAGS ? ` <span class="pill">+${r.tags.length - SHOWN_TAGS}</span>` : '';
        const tags = r.tags
          .slice(0, SHOWN_TAGS)
          .map((id) => `<span class="pill">${esc(tagsById.has(id) ? label(tagsById.get(id)) : id)}</span>`)
          .join(' ');
        return `<tr><td class="mono"><a href="#/user/${encodeURIComponent(r.user_id)}">${esc(r.user_id)}</a></td>
          <td class="num">${esc(number(r.event_count))}</td><td style="white-space:nowrap">${esc(dateTime(r.last_event_at))}</td>
          <td>${tags}${more}</td></tr>`;
      })
      .join('')}</tbody></table></div>`;
}
