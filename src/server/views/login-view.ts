import { html, type SafeHtml } from './html.ts';

export function loginView(v: { csrf: string; next: string; error: string | null; name: string }): SafeHtml {
  return html`<h1>Log in</h1>
<form method="post" action="/login" class="login">
  <input type="hidden" name="_csrf" value="${v.csrf}">
  <input type="hidden" name="next" value="${v.next}">
  ${v.error ? html`<p class="error" role="alert" id="login-error">${v.error}</p>` : ''}
  <p><label for="name">User name</label>
  <input id="name" name="name" autocomplete="username" required value="${v.name}"
    ${v.error ? html`aria-describedby="login-error"` : ''}></p>
  <p><label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required></p>
  <p><button type="submit">Log in</button></p>
</form>
<p class="muted">No account yet? An administrator adds users with <code>portal-audit user add &lt;name&gt; --role assessor</code>.</p>`;
}
