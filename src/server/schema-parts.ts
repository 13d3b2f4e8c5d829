// TypeBox pieces every route's schemas share: the version header, timestamps, links, the error
// body and the `{data, links}` envelope. Each route defines its own schemas beside it from these.
//
// Response schemas are what Fastify serialises with (fast-json-stringify), not only what
// `/openapi.json` shows. That serialiser writes the required properties first and then the
// optional ones, each group in the schema's order, and drops what the schema does not list. So
// every response schema lists each field of its body in the order the route builds it, with no
// optional field before a required one; marks fields that may be absent `Optional`; and uses
// `Open` (`additionalProperties: true`) for bodies whose fields come from stored data as they are.
// test/server/serialisation.test.ts compares what routes build with what is sent.
import { Type, type SchemaOptions, type Static, type TObject, type TProperties, type TSchema } from '@sinclair/typebox';

/**
 * `schema` or null, as a JSON-schema type list (`type: ['string', 'null']`) rather than TypeBox's
 * `anyOf`: ajv then reports one type error in the wording clients already get, and the serialiser
 * needs no trial of each branch.
 */
export function Nullable<T extends TSchema & { type: string }>(schema: T, options: SchemaOptions = {}) {
  return Type.Unsafe<Static<T> | null>({ ...schema, ...options, type: [schema.type, 'null'] });
}

/** A string of a fixed set, as a JSON-schema `enum` (ajv's enum error is what clients get). */
export function StringEnum<const T extends readonly string[]>(values: T, options: SchemaOptions = {}) {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });
}

/** An object whose listed fields come first, in this order, followed by any others as they are. */
export function Open<T extends TProperties>(properties: T, options: SchemaOptions = {}): TObject<T> {
  return Type.Object(properties, { ...options, additionalProperties: true });
}

/** Any JSON value, written as it is. */
export const AnyValue = (options: SchemaOptions = {}) => Type.Unknown(options);

/** Checked by the version hook (with the original's error texts); this is for the document. */
export const versionHeader = Type.Object({
  'opentrons-version': Type.Optional(
    Type.String({ description: "HTTP API version: an integer (at least 2) or '*' for the latest. Required." }),
  ),
});

export const timestamp = (options: SchemaOptions = {}) => Type.String({ ...options, format: 'date-time' });

const link = Type.Object({ href: Type.String(), meta: Type.Optional(Type.Null()) });
export const links = Type.Unsafe<Record<string, Static<typeof link>> | null>({ type: ['object', 'null'], additionalProperties: link });

const errorObject = Type.Object({
  id: Type.String(),
  title: Type.String(),
  detail: Type.String(),
  errorCode: Type.Optional(Type.String()),
  source: Type.Optional(
    Type.Object({ pointer: Type.Optional(Type.String()), parameter: Type.Optional(Type.String()), header: Type.Optional(Type.String()) }),
  ),
});

export const errorBody = Type.Object({ errors: Type.Array(errorObject), links: Type.Optional(links) });

/** The error body for each status code. */
export const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, errorBody]));

/** `{data, links}`, the original's envelope. */
export const envelope = <T extends TSchema>(data: T) => Type.Object({ data, links });

/** An analysis or run error (http-api.md §2.7), as `renderError` builds it. */
export const protocolError = Type.Object({
  type: Type.String(),
  description: Type.String(),
  lineNumber: Type.Optional(Nullable(Type.Integer())),
  fileName: Type.Optional(Nullable(Type.String())),
});
