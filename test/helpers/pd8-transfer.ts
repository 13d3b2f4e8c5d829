// A JSON protocol as Protocol Designer 8 writes one for an OT-2 (json-protocols-v6-v8 §3.4, §5.3):
// schema 8 with its four schema ids, PD's metadata and designer block, the definitions in use
// embedded, load commands first (pipette, labware without the trash, liquids), then a transfer
// step's commands — pick up, aspirate and dispense from the well bottom, a blow-out into the
// trash as an addressable area, the tip dropped there in place — and a delay. Every command
// carries a UUID key (fixed here so tests can name them).
import { builtInLabware } from '../../src/definitions/index.ts';

type Command = { key: string; commandType: string; params: Record<string, unknown> };

const PIPETTE_ID = 'c235a5a0-0042-11ec-8258-f7ffdf5ad45a';
const TIPS_ID = 'c235a5a0-0042-11ec-8258-f7ffdf5ad45a:opentrons/opentrons_96_tiprack_300ul/1';
const SOURCE_ID = '1e553651-9e4d-44b1-a31b-92459642bfd4:opentrons/nest_12_reservoir_15ml/1';
const DEST_ID = 'e8f8ea7e-1b4b-4a1e-8a72-b2b5d9d2a3c1:opentrons/corning_96_wellplate_360ul_flat/2';
const WATER = '0';

export const PD8_IDS = { pipette: PIPETTE_ID, tips: TIPS_ID, source: SOURCE_ID, dest: DEST_ID, liquid: WATER } as const;

const LABWARE: readonly [string, string, number, string, string | null][] = [
  [TIPS_ID, 'opentrons_96_tiprack_300ul', 1, '1', null],
  [SOURCE_ID, 'nest_12_reservoir_15ml', 1, '2', 'Buffer reservoir'],
  [DEST_ID, 'corning_96_wellplate_360ul_flat', 2, '3', 'Assay plate'],
];

function definitions(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [, loadName, version] of LABWARE) {
    const def = builtInLabware(loadName, version);
    if (def === null) throw new Error(`no built-in definition ${loadName}/${version}`);
    out[`opentrons/${loadName}/${version}`] = def;
  }
  return out;
}

/** PD's keys are random UUIDs; these are fixed, one per command, in order. */
function key(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** The commands of one transfer of `volume` µL from the reservoir's A1 to a plate well. */
function transfer(tip: string, well: string, volume: number): Omit<Command, 'key'>[] {
  const pipetteId = PIPETTE_ID;
  return [
    { commandType: 'pickUpTip', params: { pipetteId, labwareId: TIPS_ID, wellName: tip } },
    { commandType: 'aspirate', params: { pipetteId, volume, labwareId: SOURCE_ID, wellName: 'A1', wellLocation: { origin: 'bottom', offset: { z: 1, x: 0, y: 0 } }, flowRate: 92.86 } },
    { commandType: 'dispense', params: { pipetteId, volume, labwareId: DEST_ID, wellName: well, wellLocation: { origin: 'bottom', offset: { z: 0.5, x: 0, y: 0 } }, flowRate: 92.86 } },
    { commandType: 'moveToAddressableArea', params: { pipetteId, addressableAreaName: 'fixedTrash', offset: { x: 0, y: 0, z: 0 } } },
    { commandType: 'blowOutInPlace', params: { pipetteId, flowRate: 92.86 } },
    { commandType: 'moveToAddressableAreaForDropTip', params: { pipetteId, addressableAreaName: 'fixedTrash', offset: { x: 0, y: 0, z: 0 }, alternateDropLocation: true } },
    { commandType: 'dropTipInPlace', params: { pipetteId } },
  ];
}

/** The whole document, as Protocol Designer 8.1 exports it for an OT-2 with a trash bin in slot 12. */
export function pd8Transfer(): Record<string, unknown> {
  const commands: Omit<Command, 'key'>[] = [
    { commandType: 'loadPipette', params: { pipetteName: 'p300_single_gen2', mount: 'left', pipetteId: PIPETTE_ID } },
    ...LABWARE.map(([labwareId, loadName, version, slotName, displayName]) => ({
      commandType: 'loadLabware',
      params: { displayName: displayName ?? builtInLabware(loadName, version)?.metadata.displayName, labwareId, loadName, namespace: 'opentrons', version, location: { slotName } },
    })),
    { commandType: 'loadLiquid', params: { liquidId: WATER, labwareId: SOURCE_ID, volumeByWell: { A1: 10000 } } },
    ...transfer('A1', 'A1', 100),
    ...transfer('B1', 'B1', 100),
    { commandType: 'waitForDuration', params: { seconds: 30, message: 'let it settle' } },
  ];
  return {
    $otSharedSchema: '#/protocol/schemas/8',
    schemaVersion: 8,
    metadata: { protocolName: 'PD8 transfer', author: 'Labwright', description: 'A transfer as Protocol Designer 8 writes it', created: 1718000000000, lastModified: 1718000100000, category: null, subcategory: null, tags: [] },
    designerApplication: { name: 'opentrons/protocol-designer', version: '8.1.0', data: { _internalAppBuildDate: 'Mon, 01 Jul 2024 00:00:00 GMT' } },
    robot: { model: 'OT-2 Standard', deckId: 'ot2_standard' },
    labwareDefinitionSchemaId: 'opentronsLabwareSchemaV2',
    labwareDefinitions: definitions(),
    liquidSchemaId: 'opentronsLiquidSchemaV1',
    liquids: { [WATER]: { displayName: 'Water', description: '', displayColor: '#b925ff' } },
    commandSchemaId: 'opentronsCommandSchemaV8',
    commands: commands.map((c, i) => ({ ...c, key: key(i + 1) })),
    commandAnnotationSchemaId: 'opentronsCommandAnnotationSchemaV1',
    commandAnnotations: [],
  };
}
