import type { AppUser } from '../context.ts';
import { html, type SafeHtml } from './html.ts';
import { layout } from './layout.ts';

/** A plain error page (no forms, so no CSRF token is needed). */
export function errorPage(status: number, title: string, message: string, user: AppUser | null): SafeHtml {
  return layout({
    title,
    user: null,
    csrf: '',
    body: html`<h1>${title}</h1>
<p>${message}</p>
<p class="muted">HTTP ${status}${user ? html` · logged in as ${user.name}` : ''} · <a href="/">Back to the campaigns</a></p>`,
  });
}
