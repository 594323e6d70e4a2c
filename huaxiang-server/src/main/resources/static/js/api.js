// JSON over fetch against the server's own API; problems (RFC 9457) become readable errors.
import { lang } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    const zh = problem?.detail_zh;
    super((lang() === 'zh' && zh) || problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function get(path, params = {}) {
  const query = new URLSearchParams(
    Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ).toString();
  const response = await fetch(query ? `${path}?${query}` : path, {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
  });
  // the session ended (timeout, sign-out elsewhere): the shell shows the sign-in form
  if (response.status === 401) window.dispatchEvent(new Event('huaxiang:signed-out'));
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    // not JSON (a proxy's error page): the status says enough
    if (response.ok) throw e;
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

// the catalogues never change while the server runs: fetch them once
let featureCatalogue;
let tagCatalogue;
let categoryLabels;

export function features() {
  featureCatalogue ??= get('/api/v1/catalogue/features');
  return featureCatalogue;
}

export function tags() {
  tagCatalogue ??= get('/api/v1/catalogue/tags');
  return tagCatalogue;
}

/** Bilingual labels of categorical feature values: {gender: {male: {label_zh, label_en}}, ...}. */
export function valueLabels() {
  categoryLabels ??= get('/api/v1/population/value-labels');
  return categoryLabels;
}
