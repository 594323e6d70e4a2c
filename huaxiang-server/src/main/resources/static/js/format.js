// Number, money and time formatting in the current language; times shown in Beijing time.
import { lang, t } from './i18n.js';

const ZONE = 'Asia/Shanghai';

function locale() {
  return lang() === 'zh' ? 'zh-CN' : 'en-GB';
}

export function number(n, digits = 0) {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return Number(n).toLocaleString(locale(), { maximumFractionDigits: digits });
}

export function money(n) {
  if (n === null || n === undefined) return '—';
  return '¥' + Number(n).toLocaleString(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function percent(share, digits = 1) {
  if (share === null || share === undefined) return '—';
  return (share * 100).toFixed(digits) + '%';
}

export function dateTime(iso) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locale(), {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

export function date(iso) {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString(locale(), {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
}

/** A feature value as people read it: shares as percent, CNY as money, booleans as yes/no. */
export function featureValue(value, definition) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value !== 'number') return String(value);
  switch (definition?.unit) {
    case 'share':
      return percent(value);
    case 'CNY':
      return money(value);
    case 'hour':
      return `${value}:00`;
    default:
      return number(value, 2);
  }
}

/** Escapes text for HTML: every value from the API goes through this before innerHTML. */
export function esc(value) {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
