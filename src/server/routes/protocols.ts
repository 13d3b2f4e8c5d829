// /protocols (http-api.md §2): upload, list, get, add or replace a file, delete.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { StorageError } from '../errors.ts';
import type { ProtocolManager } from '../protocol-manager.ts';
import { protocolLinks, protocolRootLinks, renderProtocol } from '../render.ts';
import { assertValid } from '../request-checks.ts';
import { envelope, errors, Nullable, Open, protocolError, StringEnum, timestamp, versionHeader } from '../schema-parts.ts';
import { receiveUpload } from '../uploads.ts';
import { parseParameterValues } from '../parameter-values.ts';
import type { Store, StagingFolder } from '../../store/index.ts';

export interface ProtocolRoutesOptions {
  protocols: ProtocolManager;
  store: Store;
  uploadLimitBytes: number;
}

type IdParams = { Params: { protocolId: string } };

const analysisStale = Type.Object(
  { reason: Type.String(), since: timestamp() },
  { description: 'Present while the analysis may differ from what a run would do; it is being redone.' },
);

/**
 * A runtime parameter in robot-server 7's shape, kept as the analysis made it (open, so its keys
 * keep their order: `min`/`max` or `choices` come before `value` and `default`).
 */
const runTimeParameter = Open(
  {},
  {
    description:
      "{displayName, variableName, description, suffix, type: 'int'|'float'|'bool'|'str', min?, max?, choices?: [{displayName, value}], value, default}",
  },
);

/** The protocol resource as `renderProtocol` builds it (http-api.md §2.1), field for field, in order. */
const protocolResource = Type.Object({
  id: Type.String(),
  protocolFile: Type.Object({ basename: Type.String() }),
  supportFiles: Type.Array(Type.Object({ basename: Type.String() })),
  lastModifiedAt: timestamp(),
  createdAt: timestamp(),
  requiredEquipment: Type.Object({
    pipettes: Type.Array(
      Type.Object({
        mount: Type.Optional(StringEnum(['left', 'right'])),
        requestedAs: Type.Optional(Type.String()),
        pipetteName: Type.Optional(Type.String()),
        channels: Type.Optional(Type.Integer()),
      }),
    ),
    labware: Type.Array(
      Type.Object({
        label: Type.Optional(Type.String()),
        uri: Type.Optional(Type.String()),
        location: Type.Optional(Type.Integer()),
        slot: Type.Optional(Type.Integer({ description: 'Same as location (the seed documentation names it slot).' })),
        on: Type.Optional(
          Type.Union(
            [
              Type.Object({ kind: Type.Literal('module'), model: Type.String() }),
              Type.Object({ kind: Type.Literal('labware'), label: Type.String(), uri: Type.String() }),
            ],
            { description: 'apiLevel ≥ 2.15: the module (by model) or the labware (by label and URI) this labware stands on.' },
          ),
        ),
      }),
    ),
    modules: Type.Array(
      Type.Object({ type: Type.Optional(Type.String()), model: Type.Optional(Type.String()), location: Type.Optional(Type.Integer()) }),
    ),
  }),
  metadata: Type.Object({
    name: Type.Optional(Nullable(Type.String())),
    author: Type.Optional(Nullable(Type.String())),
    apiLevel: Type.Optional(Nullable(Type.String())),
  }),
  errors: Type.Array(protocolError),
  runTimeParameters: Type.Optional(
    Type.Array(runTimeParameter, {
      description: 'Beyond the original, present when the protocol defines runtime parameters (apiLevel 2.18): each with the value its analysis used.',
    }),
  ),
  analysisStale: Type.Optional(analysisStale),
});

const storedItems = (description: string) => Type.Array(Open({}), { description });

/** Everything the analysis found, as stored (fields of older analyses may be missing). */
const protocolAnalysis = Type.Object(
  {
    ok: Type.Optional(Type.Boolean()),
    protocolType: Type.Optional(StringEnum(['python', 'json'])),
    metadata: Type.Optional(Open({}, { description: 'name, author, apiLevel' })),
    requiredEquipment: Type.Optional(Open({}, { description: 'pipettes, labware, modules, as the analysis recorded them' })),
    errors: Type.Optional(storedItems('The analysis errors: {type, description, lineNumber?, fileName?}.')),
    commandCount: Type.Optional(Type.Integer()),
    estimatedDurationSeconds: Type.Optional(Type.Number()),
    runLog: Type.Optional(storedItems('{index, level, text, name, line?, startS, durationS} per command.')),
    liquids: Type.Optional(storedItems("Each well's liquid totals.")),
    liquidHistory: Type.Optional(
      storedItems("Each well's movements from the liquid ledger: {slot, well, events: [{commandIndex, change, volume}]}."),
    ),
    warnings: Type.Optional(storedItems('Liquid-ledger warnings: {kind, commandIndex, message, well?}.')),
    customLabware: Type.Optional(
      storedItems("Custom labware loaded: {uri, source: 'protocol' | 'library', requested, sha256?}."),
    ),
    labware: Type.Optional(storedItems('Each loaded labware with its slot, module and definition.')),
    stale: Type.Optional(Nullable(analysisStale)),
  },
  { description: 'Everything the analysis found (beyond the original): the run log with source lines, liquids, custom labware sources.' },
);

const multipartUpload = Type.Object({
  protocolFile: Type.String({ format: 'binary', description: 'The protocol (.py or .json).' }),
  supportFiles: Type.Optional(
    Type.Array(Type.String({ format: 'binary' }), { description: 'Data files, Python modules, custom labware. Plain file names only.' }),
  ),
  runTimeParameterValues: Type.Optional(
    Type.String({
      description:
        'Beyond the original: a JSON object {variableName: value} of runtime-parameter values to analyse and run with instead of the defaults. Values the protocol does not accept: 422, nothing stored.',
    }),
  ),
});

const protocolIdParams = Type.Object({ protocolId: Type.String() });

const SCHEMAS = {
  uploadProtocol: {
    tags: ['protocols'],
    summary: 'Upload a protocol and its support files; it is analysed before the reply',
    consumes: ['multipart/form-data'],
    headers: versionHeader,
    body: multipartUpload,
    response: { 201: envelope(protocolResource), ...errors(400, 403, 413, 422, 500) },
  },
  listProtocols: {
    tags: ['protocols'],
    summary: 'All stored protocols, in upload order',
    headers: versionHeader,
    response: { 200: envelope(Type.Array(protocolResource)), ...errors(400, 422) },
  },
  getProtocol: {
    tags: ['protocols'],
    summary: 'One protocol',
    headers: versionHeader,
    params: protocolIdParams,
    response: { 200: envelope(protocolResource), ...errors(400, 404, 422) },
  },
  getProtocolAnalysis: {
    tags: ['protocols'],
    summary: "A protocol's full analysis (beyond the original)",
    headers: versionHeader,
    params: protocolIdParams,
    response: { 200: envelope(protocolAnalysis), ...errors(400, 404, 422) },
  },
  patchProtocol: {
    tags: ['protocols'],
    summary: 'Add or replace one file of a protocol; it is analysed again',
    consumes: ['multipart/form-data'],
    headers: versionHeader,
    params: protocolIdParams,
    body: Type.Object({ file: Type.String({ format: 'binary' }) }),
    response: { 200: envelope(protocolResource), ...errors(400, 404, 413, 422, 500) },
  },
  deleteProtocol: {
    tags: ['protocols'],
    summary: 'Delete a protocol and its files',
    headers: versionHeader,
    params: protocolIdParams,
    response: { 200: envelope(protocolResource), ...errors(400, 404, 422) },
  },
};

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
        const upload = await receiveUpload(request, staging, ['protocolFile', 'supportFiles'], uploadLimitBytes, ['runTimeParameterValues']);
        const protocolFile = upload.files.get('protocolFile')?.at(-1);
        const parameterValues = parseParameterValues(upload.texts.get('runTimeParameterValues'));
        const issues = [...upload.issues, ...parameterValues.issues];
        if (protocolFile === undefined) issues.push({ detail: 'field required', source: { pointer: '/protocolFile' } });
        assertValid(request, issues);
        const id = protocols.reserve(protocolFile as string);
        try {
          const created = await protocols.create(id, staging, protocolFile as string, upload.files.get('supportFiles') ?? [], parameterValues.values);
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
          // The 4.x body: an entry's logger records (7.5.0's simulator output) are not part of it.
          runLog: a.runLog.map(({ logs: _logs, ...entry }) => entry),
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
