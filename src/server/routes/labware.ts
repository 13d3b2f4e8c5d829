// /labware: the lab's own labware library (beyond the original, in its envelope, error shape and
// version-header rules). Definitions are read into memory, checked all together, and stored in
// one transaction, so a refused upload stores nothing.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InvalidLabwareError, summaryOf, type AddedLabware, type LabwareLibrary } from '../../library/index.ts';
import { RequestValidationError, UploadTooLargeError, BodyParseError, type ValidationIssue } from '../errors.ts';
import { assertValid } from '../request-checks.ts';
import { envelope, errors, Open, timestamp, versionHeader } from '../schema-parts.ts';

export interface LabwareRoutesOptions {
  library: LabwareLibrary;
  /** Largest accepted definition file, in bytes (413 above it). */
  fileLimitBytes: number;
}

type UriParams = { Params: { namespace: string; loadName: string; version: string } };

/** A library entry as `summaryOf` builds it. */
const labwareSummary = Type.Object({
  uri: Type.String({ description: '`namespace/loadName/version`' }),
  namespace: Type.String(),
  loadName: Type.String(),
  version: Type.Integer(),
  displayName: Type.String(),
  createdAt: timestamp(),
});

const labwareDefinition = Open({}, { description: 'A labware definition, Opentrons labware schema 2 (as in @opentrons/shared-data).' });

const labwareUploadBody = Type.Object(
  {
    labwareFile: Type.Optional(
      Type.Array(Type.String({ format: 'binary' }), { description: 'Labware definition files (JSON).' }),
    ),
  },
  {
    description:
      'Either multipart/form-data with one or more `labwareFile` parts, or one labware definition (schema 2) as an ' +
      'application/json body. Every definition is checked before any is stored: schema 2, a namespace other than ' +
      '`opentrons`, at most 1536 wells and real-world sizes.',
  },
);

const labwareParams = Type.Object({ namespace: Type.String(), loadName: Type.String(), version: Type.String() });

const SCHEMAS = {
  uploadLabware: {
    tags: ['labware'],
    summary: "Add definitions to the lab's labware library (all or none)",
    description:
      '201 when something was added, 200 when every definition was already there with the same content. The same ' +
      'URI with other content is a 409; an invalid definition a 422 naming the failing field; too large a body 413.',
    consumes: ['multipart/form-data', 'application/json'],
    headers: versionHeader,
    body: labwareUploadBody,
    response: {
      200: envelope(Type.Array(labwareSummary)),
      201: envelope(Type.Array(labwareSummary)),
      ...errors(400, 409, 413, 422),
    },
  },
  listLabware: {
    tags: ['labware'],
    summary: "The lab's labware library, oldest first",
    headers: versionHeader,
    response: { 200: envelope(Type.Array(labwareSummary)), ...errors(400, 422) },
  },
  getLabware: {
    tags: ['labware'],
    summary: 'One definition of the labware library',
    headers: versionHeader,
    params: labwareParams,
    response: { 200: envelope(labwareDefinition), ...errors(400, 404, 422) },
  },
  deleteLabware: {
    tags: ['labware'],
    summary: 'Remove a definition; protocols that used it are analysed again',
    headers: versionHeader,
    params: labwareParams,
    response: { 200: envelope(labwareSummary), ...errors(400, 404, 422) },
  },
};

const noBodyValidation = { validatorCompiler: () => () => true } as const;

const rootLinks = () => ({
  self: { href: '/labware' },
  labwareByUri: { href: '/labware/{namespace}/{loadName}/{version}' },
});

const itemLinks = (uri: string) => ({
  self: { href: `/labware/${uri}` },
  labware: { href: '/labware' },
});

interface Candidate {
  value: unknown;
  /** Prefix of error pointers for this candidate (`/labwareFile/0`, or `` for a JSON body). */
  pointer: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFileTooLarge(err: unknown): boolean {
  return err instanceof Error && (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
}

async function multipartCandidates(request: FastifyRequest, limitBytes: number): Promise<{ candidates: Candidate[]; issues: ValidationIssue[] }> {
  const candidates: Candidate[] = [];
  const issues: ValidationIssue[] = [];
  try {
    for await (const part of request.parts({ limits: { fileSize: limitBytes } })) {
      if (part.fieldname !== 'labwareFile') {
        if (part.type === 'file') part.file.resume();
        continue;
      }
      const pointer = `/labwareFile/${candidates.length + issues.length}`;
      if (part.type !== 'file') {
        issues.push({ detail: "Expected UploadFile, received: <class 'str'>", source: { pointer } });
        continue;
      }
      const bytes = await part.toBuffer();
      try {
        candidates.push({ value: JSON.parse(bytes.toString('utf8')) as unknown, pointer });
      } catch (err) {
        issues.push({ detail: `${part.filename || 'the file'} is not JSON: ${(err as Error).message}`, source: { pointer } });
      }
    }
  } catch (err) {
    if (isFileTooLarge(err)) throw new UploadTooLargeError(limitBytes);
    if (err instanceof Error && typeof (err as { statusCode?: number }).statusCode === 'number') throw err;
    request.log.warn({ err }, 'multipart parse failed');
    throw new BodyParseError();
  }
  return { candidates, issues };
}

function bodyCandidates(body: unknown): { candidates: Candidate[]; issues: ValidationIssue[] } {
  let value = body;
  if (Buffer.isBuffer(body)) {
    try {
      value = JSON.parse(body.toString('utf8')) as unknown;
    } catch {
      return { candidates: [], issues: [{ detail: 'expected a labware definition as JSON, or multipart labwareFile parts', source: { pointer: '' } }] };
    }
  }
  if (value === undefined) return { candidates: [], issues: [{ detail: 'field required', source: { pointer: '/labwareFile' } }] };
  // The original's request envelope is accepted too: `{"data": definition}`.
  if (isRecord(value) && Object.keys(value).length === 1 && isRecord(value.data)) return { candidates: [{ value: value.data, pointer: '/data' }], issues: [] };
  return { candidates: [{ value, pointer: '' }], issues: [] };
}

/** Adds the candidates; a refusal becomes the 422 whose pointers name the file (or body) and field. */
function addAll(library: LabwareLibrary, candidates: readonly Candidate[]): AddedLabware[] {
  try {
    return library.add(candidates.map((c) => c.value));
  } catch (err) {
    if (!(err instanceof InvalidLabwareError)) throw err;
    throw new RequestValidationError(
      err.problems.map((p) => ({ detail: p.issue.detail, source: { pointer: `${candidates[p.index].pointer}${p.issue.pointer}` } })),
    );
  }
}

export async function labwareRoutes(app: FastifyInstance, options: LabwareRoutesOptions): Promise<void> {
  const { library, fileLimitBytes } = options;

  app.post(
    '/labware',
    { schema: SCHEMAS.uploadLabware, config: { versioned: true, bodyInHandler: true }, bodyLimit: fileLimitBytes, ...noBodyValidation },
    async (request, reply) => {
      const { candidates, issues } = request.isMultipart() ? await multipartCandidates(request, fileLimitBytes) : bodyCandidates(request.body);
      if (issues.length === 0 && candidates.length === 0) issues.push({ detail: 'field required', source: { pointer: '/labwareFile' } });
      assertValid(request, issues);
      const added = addAll(library, candidates);
      const created = added.some((a) => a.created);
      return reply.code(created ? 201 : 200).send({ data: added.map((a) => summaryOf(a.labware)), links: rootLinks() });
    },
  );

  app.get('/labware', { schema: SCHEMAS.listLabware, config: { versioned: true } }, async () => ({
    data: library.list(),
    links: rootLinks(),
  }));

  app.get<UriParams>('/labware/:namespace/:loadName/:version', { schema: SCHEMAS.getLabware, config: { versioned: true } }, async (request) => {
    const { namespace, loadName, version } = request.params;
    const found = library.get(`${namespace}/${loadName}/${version}`);
    return { data: found.definition, links: itemLinks(found.uri) };
  });

  app.delete<UriParams>('/labware/:namespace/:loadName/:version', { schema: SCHEMAS.deleteLabware, config: { versioned: true } }, async (request) => {
    const { namespace, loadName, version } = request.params;
    const removed = library.remove(`${namespace}/${loadName}/${version}`);
    return { data: summaryOf(removed), links: rootLinks() };
  });
}
