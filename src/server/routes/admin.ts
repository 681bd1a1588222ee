import type { FastifyInstance } from 'fastify';
import { type AppContext, userOf } from '../context.ts';
import { renderPage } from '../render.ts';
import { errorPage } from '../views/error-page.ts';
import { when } from '../views/format.ts';
import { html } from '../views/html.ts';

export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/admin/users', async (request, reply) => {
    const user = userOf(request);
    if (user.role !== 'admin') {
      return reply
        .code(403)
        .type('text/html; charset=utf-8')
        .send(errorPage(403, 'Not allowed', 'Only administrators see the users.', user).toString());
    }
    const users = ctx.app.users.list();
    return renderPage(request, reply, () => ({
      title: 'Users',
      crumbs: [{ label: 'Campaigns', href: '/' }, { label: 'Users' }],
      body: html`<h1>Users</h1>
<div class="table-wrap"><table>
<caption>${users.length} user(s)</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Added</th><th scope="col">Blind reviews assigned</th></tr></thead>
<tbody>${users.map(
        (u) => html`<tr><th scope="row">${u.name}</th><td>${u.role}</td><td>${when(u.createdAt)}</td>
<td>${ctx.app.workflow.assignmentsOfUser(u.id).length}</td></tr>`,
      )}</tbody></table></div>
${ctx.queueDashboard ? html`<p><a href="/admin/queues">Queue dashboard</a> (campaign jobs in Redis).</p>` : ''}
<p>Add users and change passwords on the server: <code>portal-audit user add &lt;name&gt; --role admin|assessor|viewer</code>,
<code>portal-audit user passwd &lt;name&gt;</code>, <code>portal-audit user role &lt;name&gt; &lt;role&gt;</code>.</p>`,
    }));
  });
}
