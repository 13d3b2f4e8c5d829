// JSON schemas of every body, for `/openapi.json`. The union bodies (session create, command
// execute) are checked by `validation.ts`, which reproduces the original's pydantic error lists;
// these schemas describe the same shapes for readers and generated clients.
import { EMPTY_DATA_COMMANDS, PAYLOAD_COMMANDS } from '../runner/index.ts';
import { SESSION_TYPE_NAMES } from './validation.ts';

const versionHeader = {
  type: 'object',
  properties: {
    'opentrons-version': {
      type: 'string',
      description: "HTTP API version: an integer (at least 2) or '*' for the latest. Required.",
    },
  },
} as const;

const timestamp = { type: 'string', format: 'date-time' } as const;
const link = { type: 'object', properties: { href: { type: 'string' }, meta: { type: 'null' } }, required: ['href'] } as const;
const links = { type: ['object', 'null'], additionalProperties: link } as const;

const errorBody = {
  type: 'object',
  properties: {
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          detail: { type: 'string' },
          source: {
            type: 'object',
            properties: { pointer: { type: 'string' }, parameter: { type: 'string' }, header: { type: 'string' } },
          },
        },
        required: ['id', 'title', 'detail'],
      },
    },
    links,
  },
  required: ['errors'],
} as const;

const protocolError = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    description: { type: 'string' },
    lineNumber: { type: ['integer', 'null'] },
    fileName: { type: ['string', 'null'] },
  },
  required: ['type', 'description'],
} as const;

const protocolResource = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    protocolFile: { type: 'object', properties: { basename: { type: 'string' } } },
    supportFiles: { type: 'array', items: { type: 'object', properties: { basename: { type: 'string' } } } },
    lastModifiedAt: timestamp,
    createdAt: timestamp,
    requiredEquipment: {
      type: 'object',
      properties: {
        pipettes: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              mount: { type: 'string', enum: ['left', 'right'] },
              requestedAs: { type: 'string' },
              pipetteName: { type: 'string' },
              channels: { type: 'integer' },
            },
          },
        },
        labware: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              label: { type: 'string' },
              uri: { type: 'string' },
              location: { type: 'integer' },
              slot: { type: 'integer', description: 'Same as location (the seed documentation names it slot).' },
            },
          },
        },
        modules: {
          type: 'array',
          items: {
            type: 'object',
            properties: { type: { type: 'string' }, model: { type: 'string' }, location: { type: 'integer' } },
          },
        },
      },
    },
    metadata: {
      type: 'object',
      properties: { name: { type: ['string', 'null'] }, author: { type: ['string', 'null'] }, apiLevel: { type: ['string', 'null'] } },
    },
    errors: { type: 'array', items: protocolError },
  },
} as const;

const sessionEvent = {
  type: 'object',
  properties: {
    source: { type: 'string', enum: ['sessionCommand', 'protocol', 'server'] },
    event: { type: 'string' },
    timestamp,
    commandId: { type: ['string', 'null'] },
    params: { type: ['object', 'null'], properties: { text: { type: ['string', 'null'] } } },
    result: { type: ['string', 'null'] },
  },
} as const;

const sessionResource = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    createdAt: timestamp,
    details: {
      type: 'object',
      properties: {
        protocolId: { type: 'string' },
        currentState: { type: 'string', enum: ['stopped', 'loaded', 'running', 'paused', 'finished', 'error'] },
        events: { type: 'array', items: sessionEvent },
        errors: { type: 'array', items: protocolError, description: 'Present in state error: what went wrong (beyond the original).' },
      },
    },
    sessionType: { type: 'string', enum: ['protocol'] },
    createParams: { type: 'object', properties: { protocolId: { type: 'string' } } },
  },
} as const;

const envelope = (data: object) => ({ type: 'object', properties: { data, links } }) as const;

const multipartUpload = {
  type: 'object',
  properties: {
    protocolFile: { type: 'string', format: 'binary', description: 'The protocol (.py or .json).' },
    supportFiles: {
      type: 'array',
      items: { type: 'string', format: 'binary' },
      description: 'Data files, Python modules, custom labware. Plain file names only.',
    },
  },
  required: ['protocolFile'],
} as const;

const sessionCreateBody = {
  type: 'object',
  properties: {
    data: {
      type: 'object',
      properties: {
        sessionType: { type: 'string', enum: SESSION_TYPE_NAMES },
        createParams: { type: 'object', properties: { protocolId: { type: 'string' } } },
      },
      required: ['sessionType'],
    },
  },
  required: ['data'],
} as const;

const commandBody = {
  type: 'object',
  properties: {
    data: {
      type: 'object',
      properties: {
        command: { type: 'string', enum: [...EMPTY_DATA_COMMANDS, ...PAYLOAD_COMMANDS].map((c) => c.name) },
        data: { type: 'object', description: 'The payload: `{}` for protocol commands.' },
      },
      required: ['command', 'data'],
    },
  },
  required: ['data'],
} as const;

const commandResource = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    command: { type: 'string' },
    data: { type: 'object' },
    status: { type: 'string', enum: ['executed'] },
    createdAt: timestamp,
    startedAt: timestamp,
    completedAt: timestamp,
    result: { type: 'null' },
  },
} as const;

const labwareSummary = {
  type: 'object',
  properties: {
    uri: { type: 'string', description: '`namespace/loadName/version`' },
    namespace: { type: 'string' },
    loadName: { type: 'string' },
    version: { type: 'integer' },
    displayName: { type: 'string' },
    createdAt: timestamp,
  },
} as const;

const labwareDefinition = {
  type: 'object',
  description: 'A labware definition, Opentrons labware schema 2 (as in @opentrons/shared-data).',
  additionalProperties: true,
} as const;

const labwareUploadBody = {
  type: 'object',
  description:
    'Either multipart/form-data with one or more `labwareFile` parts, or one labware definition (schema 2) as an ' +
    'application/json body. Every definition is checked before any is stored: schema 2, a namespace other than ' +
    '`opentrons`, at most 1536 wells and real-world sizes.',
  properties: {
    labwareFile: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'Labware definition files (JSON).' },
  },
} as const;

const labwareParams = {
  type: 'object',
  properties: { namespace: { type: 'string' }, loadName: { type: 'string' }, version: { type: 'string' } },
  required: ['namespace', 'loadName', 'version'],
} as const;

const stale = {
  type: 'object',
  properties: { reason: { type: 'string' }, since: timestamp },
  description: 'Present while the analysis may differ from what a run would do; it is being redone.',
} as const;

const protocolAnalysis = {
  type: 'object',
  description: 'Everything the analysis found (beyond the original): the run log with source lines, liquids, custom labware sources.',
  properties: {
    ok: { type: 'boolean' },
    protocolType: { type: 'string', enum: ['python', 'json'] },
    commandCount: { type: 'integer' },
    estimatedDurationSeconds: { type: 'number' },
    runLog: { type: 'array', items: { type: 'object', additionalProperties: true } },
    liquids: { type: 'array', items: { type: 'object', additionalProperties: true } },
    liquidHistory: {
      type: 'array',
      description: "Each well's movements from the liquid ledger: {slot, well, events: [{commandIndex, change, volume}]}.",
      items: { type: 'object', additionalProperties: true },
    },
    warnings: { type: 'array', items: { type: 'object', additionalProperties: true } },
    customLabware: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          uri: { type: 'string' },
          source: { type: 'string', enum: ['protocol', 'library'] },
          requested: { type: 'object', additionalProperties: true },
          sha256: { type: 'string' },
        },
      },
    },
    labware: { type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Each loaded labware with its slot, module and definition.' },
    stale: { ...stale, type: ['object', 'null'] },
  },
} as const;

const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, errorBody]));

const protocolIdParams = { type: 'object', properties: { protocolId: { type: 'string' } }, required: ['protocolId'] } as const;
const sessionIdParams = { type: 'object', properties: { sessionId: { type: 'string' } }, required: ['sessionId'] } as const;

export const SCHEMAS = {
  health: {
    tags: ['health'],
    summary: 'Robot identity and software versions',
    headers: versionHeader,
    response: {
      200: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          api_version: { type: 'string' },
          fw_version: { type: 'string' },
          board_revision: { type: 'string' },
          logs: { type: 'array', items: { type: 'string' } },
          system_version: { type: 'string' },
          minimum_protocol_api_version: { type: 'array', items: { type: 'integer' } },
          maximum_protocol_api_version: { type: 'array', items: { type: 'integer' } },
          links: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
    },
  },
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
    response: { 200: envelope({ type: 'array', items: protocolResource }), ...errors(400, 422) },
  },
  getProtocol: {
    tags: ['protocols'],
    summary: 'One protocol',
    headers: versionHeader,
    params: protocolIdParams,
    response: { 200: envelope(protocolResource), ...errors(400, 404, 422) },
  },
  patchProtocol: {
    tags: ['protocols'],
    summary: 'Add or replace one file of a protocol; it is analysed again',
    consumes: ['multipart/form-data'],
    headers: versionHeader,
    params: protocolIdParams,
    body: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' } },
      required: ['file'],
    },
    response: { 200: envelope(protocolResource), ...errors(400, 404, 413, 422, 500) },
  },
  deleteProtocol: {
    tags: ['protocols'],
    summary: 'Delete a protocol and its files',
    headers: versionHeader,
    params: protocolIdParams,
    response: { 200: envelope(protocolResource), ...errors(400, 404, 422) },
  },
  createSession: {
    tags: ['sessions'],
    summary: 'Create a protocol session; it simulates the protocol in the background',
    headers: versionHeader,
    body: sessionCreateBody,
    response: { 201: envelope(sessionResource), ...errors(400, 403, 404, 422) },
  },
  listSessions: {
    tags: ['sessions'],
    summary: 'All sessions, in creation order',
    headers: versionHeader,
    querystring: {
      type: 'object',
      properties: { session_type: { type: 'string', enum: SESSION_TYPE_NAMES } },
    },
    response: { 200: envelope({ type: 'array', items: sessionResource }), ...errors(400, 422) },
  },
  getSession: {
    tags: ['sessions'],
    summary: 'One session, with its state and events',
    headers: versionHeader,
    params: sessionIdParams,
    response: { 200: envelope(sessionResource), ...errors(400, 404, 422) },
  },
  deleteSession: {
    tags: ['sessions'],
    summary: 'Delete a session; a running protocol is cancelled first',
    headers: versionHeader,
    params: sessionIdParams,
    response: { 200: envelope(sessionResource), ...errors(400, 404, 422) },
  },
  executeCommand: {
    tags: ['sessions'],
    summary: 'Run a session command: protocol.startRun, startSimulate, pause, resume, cancel',
    headers: versionHeader,
    params: sessionIdParams,
    body: commandBody,
    response: { 200: envelope(commandResource), ...errors(400, 403, 404, 422) },
  },
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
      200: envelope({ type: 'array', items: labwareSummary }),
      201: envelope({ type: 'array', items: labwareSummary }),
      ...errors(400, 409, 413, 422),
    },
  },
  listLabware: {
    tags: ['labware'],
    summary: "The lab's labware library, oldest first",
    headers: versionHeader,
    response: { 200: envelope({ type: 'array', items: labwareSummary }), ...errors(400, 422) },
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
  getProtocolAnalysis: {
    tags: ['protocols'],
    summary: "A protocol's full analysis (beyond the original)",
    headers: versionHeader,
    params: protocolIdParams,
    response: { 200: envelope(protocolAnalysis), ...errors(400, 404, 422) },
  },
} as const;
