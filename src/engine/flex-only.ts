// What the Flex has and an OT-2 refuses, for Python protocols (Part E): Flex pipettes, the
// magnetic block, trash bins and waste chutes of one's own, the staging slots A4–D4. Levels up to
// 2.11 keep 4.7.0's answers (these names are unknown there); later levels give 7.5.0's refusals,
// each below its own level as a version error.
import { MAGNETIC_BLOCK } from '../definitions/index.ts';
import { notOnDeck } from './addressable-areas.ts';
import { generalErrorText, pyError } from './errors.ts';
import type { EngineState } from './state.ts';

/** The Python API's names of Flex pipettes (7.5.0). */
const FLEX_PIPETTES: ReadonlySet<string> = new Set(['flex_1channel_50', 'flex_1channel_1000', 'flex_8channel_50', 'flex_8channel_1000', 'flex_96channel_1000']);

const NINETY_SIX_CHANNEL = 'flex_96channel_1000';

/** The engine's refusal of any Flex pipette (JSON v6–8 and the Python API alike). */
export const FLEX_PIPETTE_REFUSED = 'Cannot load a Flex pipette on an OT-2.';

/**
 * `load_instrument` of a Flex pipette (Protocol Engine runtime, ≥ 2.14): the 96-channel first
 * needs both mounts free; then the engine refuses any Flex pipette on an OT-2.
 */
export function refuseFlexPipette(st: EngineState, name: string): void {
  if (!st.has('engineCore') || st.protocolEngine || !FLEX_PIPETTES.has(name)) return;
  const right = st.byMount.right;
  if (name === NINETY_SIX_CHANNEL && right !== null) {
    throw pyError('RuntimeError', `Instrument already present on right: ${right.spec.name}. In order to load a 96-channel pipette, both mounts need to be available.`);
  }
  throw pyError('InvalidSpecificationForRobotTypeError', FLEX_PIPETTE_REFUSED);
}

/** `load_module('magneticBlockV1', slot)`: a version error below 2.15, then no OT-2 slot takes it. */
export function refuseMagneticBlock(st: EngineState, model: string, slot: string | number | null): void {
  if (model !== MAGNETIC_BLOCK || !st.has('release7') || st.protocolEngine) return;
  if (!st.has('labwareMovement')) throw pyError('APIVersionError', `Module of type ${MAGNETIC_BLOCK} is only available in versions 2.15 and above.`);
  throw pyError('PythonException', `ValueError: A magneticBlockType cannot be loaded into slot ${slot === null ? 'None' : String(slot)}`);
}

export type FlexOnlyFeature = 'load_trash_bin' | 'load_waste_chute';

/** `load_trash_bin(location)` and `load_waste_chute()` (2.16, gated as members): no such fixtures on an OT-2. */
export function refuseFlexFixture(feature: FlexOnlyFeature): never {
  if (feature === 'load_trash_bin') throw pyError('InvalidTrashBinLocationError', 'Cannot load trash on OT-2.');
  throw pyError(
    'AddressableAreaDoesNotExistError',
    generalErrorText('AddressableAreaDoesNotExistError', notOnDeck('1ChannelWasteChute')),
  );
}
