// The browser dashboard: one static page and its script, served under /dashboard. It uses only
// the public HTTP API, so it needs nothing from the server's internals.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

const html = readFileSync(new URL('./dashboard.html', import.meta.url), 'utf8');
const script = readFileSync(new URL('./app.js', import.meta.url), 'utf8');

export async function dashboardPlugin(app: FastifyInstance): Promise<void> {
  const opts = { schema: { hide: true } };
  app.get('/', opts, async (_req, reply) => reply.redirect('/dashboard'));
  app.get('/dashboard', opts, async (_req, reply) => reply.type('text/html; charset=utf-8').send(html));
  app.get('/dashboard/app.js', opts, async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(script));
}
