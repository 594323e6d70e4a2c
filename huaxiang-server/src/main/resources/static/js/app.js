// The console shell: hash routes to pages, the nav bar and the zh/en switch.
import { lang, onLangChange, setLang, t } from './i18n.js';
import { disposeAll } from './charts.js';
import * as overview from './pages/overview.js';
import * as user from './pages/user.js';
import * as ops from './pages/ops.js';
import * as models from './pages/models.js';
import * as decisioning from './pages/decisioning.js';
import * as segments from './pages/segments.js';
import * as login from './pages/login.js';
import { can, forget, loadSession, session, signOut } from './session.js';

const PAGES = { overview, user, segments, models, decisioning, ops };
// the console area (GET /api/v1/auth/me features) each page needs
const NEEDS = {
  overview: 'overview',
  user: 'user360',
  segments: 'segments',
  models: 'models',
  decisioning: 'decisions',
  ops: 'ops',
};

function allowed(name) {
  return can(NEEDS[name]);
}

function route() {
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  const first = Object.keys(PAGES).find(allowed) ?? 'overview';
  return { name: PAGES[name] ? name : first, params: rest.map(decodeURIComponent) };
}

function showSession() {
  const me = session();
  document.querySelectorAll('[data-route]').forEach((a) => {
    a.hidden = !me || !allowed(a.dataset.route);
  });
  const who = document.getElementById('whoami');
  const out = document.getElementById('sign-out');
  who.hidden = out.hidden = !me;
  if (me) {
    who.textContent = `${me.username} · ${lang() === 'zh' ? me.role_zh : me.role}`;
    who.dataset.role = me.role;
  }
}

function translateShell() {
  document.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  document.title = `${t('app.name')} · Huaxiang`;
}

let rendering = 0;

async function render() {
  const ticket = ++rendering;
  showSession();
  const view = document.getElementById('view');
  if (!session()) {
    disposeAll();
    login.render(view, () => {
      showSession();
      render();
    });
    return;
  }
  const { name, params } = route();
  document.querySelectorAll('[data-route]').forEach((a) => {
    a.classList.toggle('active', a.dataset.route === name);
  });
  disposeAll();
  view.innerHTML = '';
  view.dataset.page = name;
  delete view.dataset.readyAt;
  if (!allowed(name)) {
    view.innerHTML = `<div class="state error" id="not-permitted">${t('common.notPermitted')}</div>`;
    return;
  }
  // a newer navigation replaces this one: the page checks isCurrent before drawing
  await PAGES[name].render(view, params, () => ticket === rendering);
  // when the page had its data, in ms since navigation started (the browser test's load timing)
  if (ticket === rendering) view.dataset.readyAt = String(Math.round(performance.now()));
}

document.getElementById('lang-switch').addEventListener('click', () => {
  setLang(lang() === 'zh' ? 'en' : 'zh');
});

onLangChange(() => {
  translateShell();
  render();
});

document.getElementById('sign-out').addEventListener('click', async () => {
  await signOut();
  render();
});

window.addEventListener('huaxiang:signed-out', () => {
  if (session()) {
    forget();
    render();
  }
});

window.addEventListener('hashchange', render);
document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
translateShell();
loadSession().finally(render);
