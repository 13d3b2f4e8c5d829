// /protocols (http-api.md §2): upload, list, get, add or replace a file, delete.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { StorageError } from '../errors.ts';
import type { ProtocolManager } from '../protocol-manager.ts';
import { protocolLinks, protocolRootLinks, renderProtocol } from '../render.ts';
import { assertValid } from '../request-checks.ts';
import { SCHEMAS } from '../schemas.ts';
import { receiveUpload } from '../uploads.ts';
import type { Store, StagingFolder } from '../../store/index.ts';

export interface ProtocolRoutesOptions {
  protocols: ProtocolManager;
  store: Store;
  uploadLimitBytes: number;
}

type IdParams = { Params: { protocolId: string } };

// Multipart bodies are read in the handler; their schema is for the OpenAPI document only.
const noBodyValidation = { validatorCompiler: () => () => true } as const;

export async function protocolRoutes(app: FastifyInstance, options: ProtocolRoutesOptions): Promise<void> {
  const { protocols, store, uploadLimitBytes } = options;

  async function withStaging<T>(fn: (staging: StagingFolder) => Promise<T>): Promise<T> {
    const staging = await store.files.createStaging().catch((err: Error) => {
      throw new StorageError(err.message);
    });
    try {
      return await fn(staging);
    } finally {
      // After a successful upload the folder has moved and this is a no-op.
      await staging.discard();
    }
  }

  app.post(
    '/protocols',
    { schema: SCHEMAS.uploadProtocol, config: { versioned: true, bodyInHandler: true }, ...noBodyValidation },
    async (request: FastifyRequest, reply) =>
      withStaging(async (staging) => {
        const upload = await receiveUpload(request, staging, ['protocolFile', 'supportFiles'], uploadLimitBytes);
        const protocolFile = upload.files.get('protocolFile')?.at(-1);
        const issues = [...upload.issues];
        if (protocolFile === undefined) issues.push({ detail: 'field required', source: { pointer: '/protocolFile' } });
        assertValid(request, issues);
        const id = protocols.reserve(protocolFile as string);
        try {
          const created = await protocols.create(id, staging, protocolFile as string, upload.files.get('supportFiles') ?? []);
          return reply.code(201).send({ data: renderProtocol(created), links: protocolLinks(created.id) });
        } finally {
          protocols.release(id);
        }
      }),
  );

  app.get('/protocols', { schema: SCHEMAS.listProtocols, config: { versioned: true } }, async () => ({
    data: protocols.list().map(renderProtocol),
    links: protocolRootLinks(),
  }));

  app.get<IdParams>('/protocols/:protocolId', { schema: SCHEMAS.getProtocol, config: { versioned: true } }, async (request) => {
    const p = protocols.get(request.params.protocolId);
    return { data: renderProtocol(p), links: protocolLinks(p.id) };
  });

  app.get<IdParams>(
    '/protocols/:protocolId/analysis',
    { schema: SCHEMAS.getProtocolAnalysis, config: { versioned: true } },
    async (request) => {
      const p = protocols.get(request.params.protocolId);
      const definitions = await protocols.labwareDefinitions(p.id);
      const a = p.analysis;
      return {
        data: {
          ok: a.ok,
          protocolType: a.protocolType,
          metadata: a.metadata,
          requiredEquipment: a.requiredEquipment,
          errors: a.errors,
          commandCount: a.commandCount,
          estimatedDurationSeconds: a.estimatedDurationSeconds,
          runLog: a.runLog,
          liquids: a.liquids,
          liquidHistory: a.liquidHistory ?? [],
          warnings: a.warnings,
          customLabware: a.customLabware ?? [],
          labware: a.requiredEquipment.labware.map((l) => ({ ...l, definition: definitions.get(l.uri) ?? null })),
          stale: p.stale,
        },
        links: { self: { href: `/protocols/${p.id}/analysis` }, protocol: { href: `/protocols/${p.id}` } },
      };
    },
  );

  app.patch<IdParams>(
    '/protocols/:protocolId',
    { schema: SCHEMAS.patchProtocol, config: { versioned: true, bodyInHandler: true }, ...noBodyValidation },
    async (request) =>
      withStaging(async (staging) => {
        const upload = await receiveUpload(request, staging, ['file'], uploadLimitBytes);
        const file = upload.files.get('file')?.at(-1);
        const issues = [...upload.issues];
        if (file === undefined) issues.push({ detail: 'field required', source: { pointer: '/file' } });
        assertValid(request, issues);
        const updated = await protocols.patch(request.params.protocolId, staging, file as string);
        return { data: renderProtocol(updated), links: protocolLinks(updated.id) };
      }),
  );

  app.delete<IdParams>('/protocols/:protocolId', { schema: SCHEMAS.deleteProtocol, config: { versioned: true } }, async (request) => {
    const p = await protocols.delete(request.params.protocolId);
    return { data: renderProtocol(p), links: protocolRootLinks() };
  });
}
