// Who is signed in, and what their role may see: the server decides (GET /api/v1/auth/me); the
// console only hides what the role cannot use. Every rule is enforced again by the server.
let me = null;

export function session() {
  return me;
}

/** Whether the signed-in role may use a console area (overview, user360, ops, models, ...). */
export function can(feature) {
  return Boolean(me?.features?.[feature]);
}

export function csrfToken() {
  return me?.csrf_token ?? null;
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && me?.csrf_token) headers['X-CSRF-TOKEN'] = me.csrf_token;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch (e) {
    // not JSON: the status says enough
  }
  return { status: response.status, body: parsed };
}

/** Loads the session; resolves to null when nobody is signed in. */
export async function loadSession() {
  const r = await call('GET', '/api/v1/auth/me');
  me = r.status === 200 ? r.body : null;
  return me;
}

/** Signs in; resolves to the session, or rejects with the server's problem (401, 423, 429). */
export async function signIn(username, password) {
  const r = await call('POST', '/api/v1/auth/login', { username, password });
  if (r.status !== 200) {
    const error = new Error(r.body?.detail || `HTTP ${r.status}`);
    error.problem = r.body;
    error.status = r.status;
    throw error;
  }
  me = r.body;
  return me;
}

export async function signOut() {
  await call('POST', '/api/v1/auth/logout');
  me = null;
}

export function forget() {
  me = null;
}
