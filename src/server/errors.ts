// Every error the HTTP layer can answer with, and the ONE table that maps each to its status and
// the original's body (http-api.md §1.6). Routes and services throw typed errors; `toErrorReply`
// is the only place that knows what a client sees.
import { STATUS_CODES } from 'node:http';
import {
  CommandNotAllowedError,
  SessionCommandsUnsupportedError,
  SessionNotActiveError,
  SessionNotFoundError,
} from '../runner/index.ts';
import { LabwareConflictError } from '../library/index.ts';
import { ProtocolFilesInvalidError, ProtocolRobotTypeMismatchError, ResourceNotFoundError } from '../common/index.ts';

export interface ErrorSource {
  pointer?: string;
  parameter?: string;
  header?: string;
}

export interface ErrorObject {
  id: string;
  title: string;
  detail: string;
  /** Robot software 7's error code (its refusals of JSON v6–8 uploads carry one). */
  errorCode?: string;
  source?: ErrorSource;
}

export interface ErrorLinks {
  [key: string]: { href: string };
}

export interface ErrorBody {
  errors: ErrorObject[];
  links?: ErrorLinks;
}

/** One failure of request validation, as pydantic would report it. */
export interface ValidationIssue {
  detail: string;
  source?: ErrorSource;
}

export class RequestValidationError extends Error {
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(issues.map((i) => i.detail).join('; '));
    this.name = 'RequestValidationError';
  }
}

export class OutdatedApiVersionError extends Error {
  constructor(readonly requested: string) {
    super(
      `The requested API version '${requested}' is not supported. 'Opentrons-Version' must be at least '2'. ` +
        'Please upgrade your Opentrons App or other HTTP API client.',
    );
    this.name = 'OutdatedApiVersionError';
  }
}

export class ProtocolNotFoundError extends ResourceNotFoundError {
  constructor(readonly protocolId: string) {
    super('protocol', protocolId);
    this.name = 'ProtocolNotFoundError';
  }
}

export class AnalysisNotFoundError extends ResourceNotFoundError {
  constructor(readonly analysisId: string) {
    super('analysis', analysisId);
    this.name = 'AnalysisNotFoundError';
  }
}

export class ProtocolExistsError extends Error {
  constructor(readonly protocolId: string) {
    // The original nests its own message in its generic template; kept verbatim (http-api.md §2.2).
    super(`A 'protocol' with id 'A protocol with id '${protocolId}' already exists' already exists`);
    this.name = 'ProtocolExistsError';
  }
}

export class UploadLimitError extends Error {
  constructor(readonly limit: number) {
    super(`Upload limit of ${limit} has been reached.`);
    this.name = 'UploadLimitError';
  }
}

export class UploadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`Upload exceeds the limit of ${limitBytes} bytes per file.`);
    this.name = 'UploadTooLargeError';
  }
}

export class ProtocolSessionsDisabledError extends Error {
  constructor() {
    super('HTTP Protocol Session feature is disabled');
    this.name = 'ProtocolSessionsDisabledError';
  }
}

/** A body that cannot be parsed at all (a broken multipart stream). */
export class BodyParseError extends Error {
  constructor() {
    super('There was an error parsing the body');
    this.name = 'BodyParseError';
  }
}

/** Saving an upload failed on our side (disk full, permissions): the original's 500. */
export class StorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageError';
  }
}

const SESSION_ROOT_LINKS: ErrorLinks = {
  self: { href: '/sessions' },
  sessionById: { href: '/sessions/{sessionId}' },
};

interface Mapping {
  status: number;
  id: string;
  title: string;
  errorCode?: string;
  links?: ErrorLinks;
}

type ErrorClass = abstract new (...args: never[]) => Error;

/** The registry: domain error class → status, error id and title. The detail is the message. */
export const ERROR_REGISTRY: ReadonlyMap<ErrorClass, Mapping> = new Map<ErrorClass, Mapping>([
  [OutdatedApiVersionError, { status: 400, id: 'OutdatedAPIVersion', title: 'Requested HTTP API version no longer supported' }],
  // Sessions first: their 404 also links to the session collection.
  [SessionNotFoundError, { status: 404, id: 'UncategorizedError', title: 'Resource Not Found', links: SESSION_ROOT_LINKS }],
  [ResourceNotFoundError, { status: 404, id: 'UncategorizedError', title: 'Resource Not Found' }],
  [LabwareConflictError, { status: 409, id: 'UncategorizedError', title: 'Resource Exists' }],
  [ProtocolExistsError, { status: 403, id: 'UncategorizedError', title: 'Resource Exists' }],
  [UploadLimitError, { status: 403, id: 'UncategorizedError', title: 'Action Forbidden' }],
  [SessionNotActiveError, { status: 403, id: 'UncategorizedError', title: 'Action Forbidden' }],
  [CommandNotAllowedError, { status: 403, id: 'UncategorizedError', title: 'Action Forbidden' }],
  [ProtocolSessionsDisabledError, { status: 403, id: 'UncategorizedError', title: 'Action Forbidden' }],
  [SessionCommandsUnsupportedError, { status: 403, id: 'UncategorizedError', title: 'Action Forbidden' }],
  [BodyParseError, { status: 400, id: 'BadRequest', title: 'Bad Request' }],
  [UploadTooLargeError, { status: 413, id: 'BadRequest', title: 'Bad Request' }],
  [StorageError, { status: 500, id: 'UncategorizedError', title: 'Internal Server Error' }],
  // Robot software 7's refusals of a JSON v6–8 upload (its general error code, not the 4006 of the text).
  [ProtocolFilesInvalidError, { status: 422, id: 'ProtocolFilesInvalid', title: 'Protocol File(s) Invalid', errorCode: '4000' }],
  [ProtocolRobotTypeMismatchError, { status: 422, id: 'ProtocolRobotTypeMismatch', title: 'Protocol For Different Robot Type', errorCode: '4000' }],
]);

export interface ErrorReply {
  status: number;
  body: ErrorBody | { message: string };
}

/** What a Fastify or plugin error looks like from outside. */
interface FrameworkError {
  statusCode?: number;
  code?: string;
  message: string;
}

function isFrameworkError(err: unknown): err is FrameworkError & Error {
  return err instanceof Error && typeof (err as FrameworkError).statusCode === 'number';
}

function mappingFor(err: Error): Mapping | undefined {
  for (const [cls, mapping] of ERROR_REGISTRY) if (err instanceof cls) return mapping;
  return undefined;
}

/**
 * The reply for any error. `legacy` routes (`/health`) report framework and validation errors as
 * `{message}`; ready-made JSON:API errors keep their shape there too (http-api.md §1.6.4).
 */
export function toErrorReply(err: unknown, legacy: boolean): ErrorReply {
  if (err instanceof RequestValidationError) {
    if (legacy) {
      const text = err.issues.map((i) => `${legacyLocation(i.source)}: ${i.detail}`).join('; ');
      return { status: 422, body: { message: text } };
    }
    return {
      status: 422,
      body: {
        errors: err.issues.map((i) => ({
          id: 'InvalidRequest',
          title: 'Invalid Request',
          detail: i.detail,
          ...(i.source ? { source: i.source } : {}),
        })),
      },
    };
  }
  if (err instanceof Error) {
    const mapping = mappingFor(err);
    if (mapping) {
      const error: ErrorObject = { id: mapping.id, title: mapping.title, detail: err.message };
      if (mapping.errorCode !== undefined) error.errorCode = mapping.errorCode;
      const body: ErrorBody = { errors: [error] };
      if (mapping.links) body.links = mapping.links;
      return { status: mapping.status, body };
    }
  }
  if (isFrameworkError(err) && err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
    return httpError(err.statusCode, legacy);
  }
  // Never a stack trace to the client; the log has it.
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : `Exception: ${String(err)}`;
  if (legacy) return { status: 500, body: { message: detail } };
  return { status: 500, body: { errors: [{ id: 'UnexpectedError', title: 'Unexpected Internal Error', detail }] } };
}

/** A plain HTTP error (unknown route, wrong method, ...): the framework's `BadRequest` family. */
export function httpError(status: number, legacy: boolean): ErrorReply {
  const phrase = STATUS_CODES[status] ?? 'Error';
  if (legacy) return { status, body: { message: phrase } };
  return { status, body: { errors: [{ id: 'BadRequest', title: 'Bad Request', detail: phrase }] } };
}

function legacyLocation(source: ErrorSource | undefined): string {
  if (source?.header !== undefined) return `header.${source.header}`;
  if (source?.parameter !== undefined) return `query.${source.parameter}`;
  if (source?.pointer !== undefined) return `body${source.pointer.replaceAll('/', '.')}`;
  return 'body';
}
