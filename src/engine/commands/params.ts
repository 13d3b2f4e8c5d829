// Schema pieces shared by the commands' params. Shapes mirror the plain data the adapters send:
// Python numbers whose int/float type shows in text travel as PyNum (`{float: 2}` is `2.0`).
import { Type } from '@sinclair/typebox';
import type { Static, TSchema } from '@sinclair/typebox';

export const Id = Type.String();

/** `2`, `2.5`, or `{float: 2}` (Python's `2.0`). */
export const PyNumber = Type.Union([Type.Number(), Type.Object({ float: Type.Number() })]);

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** An optional param that may also arrive as null (Python's `None`). */
export const Maybe = <T extends TSchema>(schema: T) => Type.Optional(Nullable(schema));

export const PointSchema = Type.Object({ x: Type.Number(), y: Type.Number(), z: Type.Number() });

/** A slot as the protocol gave it: `1`, `'1'`, `12`. */
export const DeckSlot = Type.Union([Type.Number(), Type.String()]);

/** Where a labware goes: a slot, a module, and in the engine's form (JSON v6–8) also off deck, onto labware or an area. */
export const EngineLocation = Type.Union([
  Type.Object({ slotName: DeckSlot }),
  Type.Object({ moduleId: Id }),
  Type.Object({ labwareId: Id }),
  Type.Object({ addressableAreaName: Type.String() }),
  Type.Literal('offDeck'),
]);

const LocationRefSchema = Type.Union([
  Type.Object({ kind: Type.Literal('well'), labwareId: Id, wellName: Type.String() }),
  Type.Object({ kind: Type.Literal('labware'), labwareId: Id }),
  Type.Object({ kind: Type.Literal('slot'), slot: Type.String() }),
  Type.Object({ kind: Type.Literal('module'), moduleId: Id, context: Type.Optional(Type.String()) }),
  Type.Object({ kind: Type.Literal('none'), text: Type.Optional(Type.String()) }),
]);

export const LocationArgSchema = Type.Object({ kind: Type.Literal('location'), point: PointSchema, ref: LocationRefSchema });
export const WellArgSchema = Type.Object({ kind: Type.Literal('well'), labwareId: Id, wellName: Type.String() });

/** Any location-ish argument of a Python call: Location, Well, Labware, or something else. */
export const AnyLocation = Type.Union([
  LocationArgSchema,
  WellArgSchema,
  Type.Object({ kind: Type.Literal('labware'), labwareId: Id }),
  Type.Object({ kind: Type.Literal('other'), repr: Type.String() }),
]);

export const WellRef = Type.Object({ labwareId: Id, wellName: Type.String() });

export const LabwareDefinitionSchema = Type.Record(Type.String(), Type.Unknown());

export type PyNumberValue = Static<typeof PyNumber>;

/** A PyNum as the plain JS number (volumes, rates, temperatures). */
export function plain(value: PyNumberValue | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? value : value.float;
}

// ── The Protocol Engine's forms (JSON protocols of schemas 6–8; see src/engine/protocol-engine.ts) ──

export const WellOriginSchema = Type.Union([Type.Literal('top'), Type.Literal('bottom'), Type.Literal('center'), Type.Literal('default')]);

/** `{origin, offset}` from a well; a missing origin is the top, missing offset parts are 0. */
export const WellLocationSchema = Type.Object({
  origin: Maybe(WellOriginSchema),
  offset: Maybe(Type.Object({ x: Maybe(Type.Number()), y: Maybe(Type.Number()), z: Maybe(Type.Number()) })),
});

/** A well named the engine's way: `labwareId`, `wellName`, and where in it (`wellLocation`). */
export const WellTargetFields = {
  labwareId: Id,
  wellName: Type.String(),
  wellLocation: Maybe(WellLocationSchema),
};
