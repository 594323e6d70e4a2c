// 登录 (sign in): name and password; the server throttles guessing and locks accounts.
import { lang, t } from '../i18n.js';
import { esc } from '../format.js';
import { signIn } from '../session.js';

export function render(view, onSignedIn) {
  view.dataset.page = 'login';
  view.innerHTML = `
    <section class="card login-card">
      <h1>${esc(t('login.title'))}</h1>
      <p class="muted">${esc(t('login.subtitle'))}</p>
      <form id="login-form" autocomplete="on">
        <label>${esc(t('login.username'))}
          <input id="login-username" name="username" autocomplete="username" required maxlength="64" />
        </label>
        <label>${esc(t('login.password'))}
          <input id="login-password" name="password" type="password" autocomplete="current-password" required maxlength="200" />
        </label>
        <button class="btn" type="submit" id="login-submit">${esc(t('login.submit'))}</button>
        <div id="login-error" class="state error" role="alert" hidden></div>
      </form>
      <p class="muted small">${esc(t('login.hint'))}</p>
    </section>`;
  const form = document.getElementById('login-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const error = document.getElementById('login-error');
    error.hidden = true;
    try {
      await signIn(
        document.getElementById('login-username').value.trim(),
        document.getElementById('login-password').value,
      );
      onSignedIn();
    } catch (failure) {
      const p = failure.problem;
      error.textContent = (lang() === 'zh' && p?.detail_zh) || p?.detail || failure.message;
      error.dataset.reason = p?.reason ?? '';
      error.hidden = false;
    }
  });
  document.getElementById('login-username').focus();
}
