// The browser dashboard: static files served under /dashboard, plus the OT-2 deck definition the
// deck map is drawn from. The pages use only the public HTTP API and the notifications websocket.
// Plain ES modules, no build step: the browser loads the files as they are in the repository.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { moduleSpec, ot2DeckDefinition, standardLabware } from '../definitions/index.ts';

const FILES: Record<string, string> = {
  'app.js': 'text/javascript',
  'api.js': 'text/javascript',
  'deck.js': 'text/javascript',
  'run.js': 'text/javascript',
  'library.js': 'text/javascript',
  'dashboard.css': 'text/css',
};

const read = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');

/** What the deck map needs besides the protocol: the deck, the fixed trash, module sizes. */
function deckData(): unknown {
  const deck = ot2DeckDefinition();
  const modules: Record<string, unknown> = {};
  for (const model of ['magneticModuleV1', 'magneticModuleV2', 'temperatureModuleV1', 'temperatureModuleV2', 'thermocyclerModuleV1', 'thermocyclerModuleV2', 'heaterShakerModuleV1'] as const) {
    const spec = moduleSpec(model, false);
    if (spec !== null) modules[model] = { displayName: spec.displayName, labwareOffset: spec.labwareOffset, type: spec.type };
  }
  return { deck, fixedTrash: standardLabware('opentrons_1_trash_1100ml_fixed', 1), modules };
}

export async function dashboardPlugin(app: FastifyInstance): Promise<void> {
  const opts = { schema: { hide: true } };
  const html = read('dashboard.html');
  const files = new Map(Object.entries(FILES).map(([name, type]) => [name, { type, text: read(name) }]));
  const deck = JSON.stringify(deckData());
  app.get('/', opts, async (_req, reply) => reply.redirect('/dashboard'));
  app.get('/dashboard', opts, async (_req, reply) => reply.type('text/html; charset=utf-8').send(html));
  app.get('/dashboard/deck.json', opts, async (_req, reply) => reply.type('application/json').send(deck));
  app.get<{ Params: { file: string } }>('/dashboard/:file', opts, async (request, reply) => {
    const file = files.get(request.params.file);
    if (file === undefined) return reply.code(404).type('application/json').send({ errors: [{ id: 'BadRequest', title: 'Bad Request', detail: 'Not Found' }] });
    return reply.type(`${file.type}; charset=utf-8`).send(file.text);
  });
}
