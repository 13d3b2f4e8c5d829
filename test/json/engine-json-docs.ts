// Small JSON protocols of schemas 7 and 8 for the engine tests: an OT-2 document around a list of
// commands, and builders for the commands most tests load.

export type Command = { commandType: string; params: Record<string, unknown> };

/** A schema 8 OT-2 protocol as Protocol Designer 8 writes one, with these commands. */
export function v8(commands: Command[], protocolName = 'small'): Record<string, unknown> {
  return {
    $otSharedSchema: '#/protocol/schemas/8',
    schemaVersion: 8,
    metadata: { protocolName },
    robot: { model: 'OT-2 Standard', deckId: 'ot2_standard' },
    liquidSchemaId: 'opentronsLiquidSchemaV1',
    liquids: {},
    labwareDefinitionSchemaId: 'opentronsLabwareSchemaV2',
    labwareDefinitions: {},
    commandSchemaId: 'opentronsCommandSchemaV8',
    commands,
    commandAnnotationSchemaId: 'opentronsCommandAnnotationSchemaV1',
    commandAnnotations: [],
  };
}

/** The same commands as a schema 7 protocol (the fixed trash is pre-loaded). */
export function v7(commands: Command[]): Record<string, unknown> {
  const doc = v8(commands);
  for (const key of ['liquidSchemaId', 'labwareDefinitionSchemaId', 'commandSchemaId', 'commandAnnotationSchemaId']) delete doc[key];
  return { ...doc, $otSharedSchema: '#/protocol/schemas/7', schemaVersion: 7 };
}

export const cmd = (commandType: string, params: Record<string, unknown> = {}): Command => ({ commandType, params });

/** `loadLabware` of an `opentrons` definition, version 1. */
export const labware = (labwareId: string, loadName: string, location: unknown): Command =>
  cmd('loadLabware', { labwareId, loadName, namespace: 'opentrons', version: 1, location });
