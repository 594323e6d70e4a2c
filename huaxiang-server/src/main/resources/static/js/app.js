// The console shell: hash routes to pages, the nav bar and the zh/en switch.
import { lang, onLangChange, setLang, t } from './i18n.js';
import { disposeAll } from './charts.js';
import * as overview from './pages/overview.js';
import * as user from './pages/user.js';
import * as ops from './pages/ops.js';

const PAGES = { overview, user, ops };

function route() {
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  return { name: PAGES[name] ? name : 'overview', params: rest.map(decodeURIComponent) };
}

function translateShell() {
  document.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  document.title = `${t('app.name')} · Huaxiang`;
}

let rendering = 0;

async function render() {
  const { name, params } = route();
  const ticket = ++rendering;
  document.querySelectorAll('[data-route]').forEach((a) => {
    a.classList.toggle('active', a.dataset.route === name);
  });
  disposeAll();
  const view = document.getElementById('view');
  view.innerHTML = '';
  view.dataset.page = name;
  // a newer navigation replaces this one: the page checks isCurrent before drawing
  await PAGES[name].render(view, params, () => ticket === rendering);
}

document.getElementById('lang-switch').addEventListener('click', () => {
  setLang(lang() === 'zh' ? 'en' : 'zh');
});

onLangChange(() => {
  translateShell();
  render();
});

window.addEventListener('hashchange', render);
document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
translateShell();
render();
