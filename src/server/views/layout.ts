import type { AppUser } from '../context.ts';
import { html, type SafeHtml } from './html.ts';

export interface Crumb {
  label: string;
  href?: string;
}

export interface PageOptions {
  title: string;
  user: AppUser | null;
  /** CSRF token for the log-out form (and any form on the page). */
  csrf: string;
  crumbs?: Crumb[];
  flash?: string | undefined;
  /** Extra scripts (static files under /static/) for progressive enhancement. */
  scripts?: string[];
  body: SafeHtml;
}

/** The page shell: landmarks, skip link, main navigation, breadcrumbs, flash message. */
export function layout(page: PageOptions): SafeHtml {
  const { user } = page;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · portal-audit review</title>
<link rel="stylesheet" href="/static/app.css">
${(page.scripts ?? []).map((s) => html`<script src="/static/${s}" defer></script>`)}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <p class="brand"><a href="/">portal-audit review</a></p>
  ${
    user
      ? html`<nav aria-label="Main">
    <ul>
      <li><a href="/">Campaigns</a></li>
      <li><a href="/disagreements">Disagreements</a></li>
      <li><a href="/agreement">Agreement</a></li>
      ${user.role === 'admin' ? html`<li><a href="/admin/users">Users</a></li><li><a href="/admin/queues">Queues</a></li>` : ''}
    </ul>
  </nav>
  <form method="post" action="/logout" class="logout">
    <input type="hidden" name="_csrf" value="${page.csrf}">
    <span>${user.name} (${user.role})</span>
    <button type="submit">Log out</button>
  </form>`
      : ''
  }
</header>
<main id="main" tabindex="-1">
${
  page.crumbs?.length
    ? html`<nav aria-label="Breadcrumb" class="crumbs"><ol>${page.crumbs.map((c, i) =>
        c.href && i < (page.crumbs?.length ?? 0) - 1
          ? html`<li><a href="${c.href}">${c.label}</a></li>`
          : html`<li><span aria-current="page">${c.label}</span></li>`,
      )}</ol></nav>`
    : ''
}
${page.flash ? html`<p class="flash" role="status">${page.flash}</p>` : ''}
${page.body}
</main>
</body>
</html>
`;
}
