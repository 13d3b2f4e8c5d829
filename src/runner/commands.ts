// The session-command names the original's request model knows (RS/service/session/models), with
// the Python enum labels its messages print (`ProtocolCommand.pause`). Protocol sessions execute
// only the five `protocol.*` ones; the rest pass validation and are refused by the state check.

export type ProtocolCommandName =
  | 'protocol.startRun'
  | 'protocol.startSimulate'
  | 'protocol.pause'
  | 'protocol.resume'
  | 'protocol.cancel';

export interface CommandDefinition {
  name: string;
  /** `Class.member`, as `str()` of the original's enum prints it. */
  label: string;
}

function defs(cls: string, namespace: string, members: readonly [string, string][]): CommandDefinition[] {
  return members.map(([member, local]) => ({ name: `${namespace}.${local}`, label: `${cls}.${member}` }));
}

/** Commands whose payload is an empty object, in the order of the original's Literal. */
export const EMPTY_DATA_COMMANDS: readonly CommandDefinition[] = [
  ...defs('ProtocolCommand', 'protocol', [
    ['start_run', 'startRun'],
    ['start_simulate', 'startSimulate'],
    ['cancel', 'cancel'],
    ['pause', 'pause'],
    ['resume', 'resume'],
  ]),
  ...defs('CalibrationCommand', 'calibration', [
    ['move_to_tip_rack', 'moveToTipRack'],
    ['move_to_point_one', 'moveToPointOne'],
    ['move_to_deck', 'moveToDeck'],
    ['move_to_reference_point', 'moveToReferencePoint'],
    ['pick_up_tip', 'pickUpTip'],
    ['confirm_tip_attached', 'confirmTip'],
    ['invalidate_tip', 'invalidateTip'],
    ['save_offset', 'saveOffset'],
    ['exit', 'exitSession'],
    ['invalidate_last_action', 'invalidateLastAction'],
  ]),
  ...defs('DeckCalibrationCommand', 'calibration.deck', [
    ['move_to_point_two', 'moveToPointTwo'],
    ['move_to_point_three', 'moveToPointThree'],
  ]),
  ...defs('CheckCalibrationCommand', 'calibration.check', [
    ['compare_point', 'comparePoint'],
    ['switch_pipette', 'switchPipette'],
    ['return_tip', 'returnTip'],
    ['transition', 'transition'],
  ]),
];

/**
 * Commands with a payload model, in the order of the original's request union. `required` lists
 * the payload fields that must be present; `calibration.loadLabware`'s only field is optional.
 */
export const PAYLOAD_COMMANDS: readonly (CommandDefinition & { required: readonly string[] })[] = [
  { name: 'equipment.loadLabware', label: 'EquipmentCommand.load_labware', required: ['params'] },
  { name: 'equipment.loadPipette', label: 'EquipmentCommand.load_pipette', required: ['params'] },
  { name: 'pipette.aspirate', label: 'PipetteCommand.aspirate', required: ['params'] },
  { name: 'pipette.dispense', label: 'PipetteCommand.dispense', required: ['params'] },
  { name: 'pipette.pickUpTip', label: 'PipetteCommand.pick_up_tip', required: ['params'] },
  { name: 'pipette.dropTip', label: 'PipetteCommand.drop_tip', required: ['params'] },
  { name: 'calibration.jog', label: 'CalibrationCommand.jog', required: ['vector'] },
  { name: 'calibration.setHasCalibrationBlock', label: 'CalibrationCommand.set_has_calibration_block', required: ['hasBlock'] },
  { name: 'calibration.loadLabware', label: 'CalibrationCommand.load_labware', required: [] },
];

const LABELS = new Map<string, string>(
  [...EMPTY_DATA_COMMANDS, ...PAYLOAD_COMMANDS].map((d) => [d.name, d.label]),
);

export function commandLabel(name: string): string {
  return LABELS.get(name) ?? name;
}

export function isProtocolCommand(name: string): name is ProtocolCommandName {
  return (
    name === 'protocol.startRun' ||
    name === 'protocol.startSimulate' ||
    name === 'protocol.pause' ||
    name === 'protocol.resume' ||
    name === 'protocol.cancel'
  );
}
