// Protocol sessions that run: the state machine, the simulated robot that paces a run, the
// event log, and the feed of session notices other parts (notifications) subscribe to.
export { SessionManager } from './manager.ts';
export type { AnySession } from './manager.ts';
export type { RecordSession, RecordSessionView } from './record-session.ts';
export type { SessionManagerOptions } from './manager.ts';
export type { ProtocolSession, SessionView, ExecutedCommand } from './session.ts';
export type { CurrentState, SessionState } from './state-machine.ts';
export type { Speed } from './hardware.ts';
export { simulatedBackend } from './hardware.ts';
export type { RobotBackend, RobotBackendFactory, RobotBackendHooks, RobotBackendOptions } from './backend.ts';
export type { FixedRobot } from './robot.ts';
export { RobotDoor } from './door.ts';
export type { DoorListener, DoorState } from './door.ts';
export { checkEquipment } from './robot.ts';
export type { SessionFeed, SessionNotice, SessionNoticeListener } from './feed.ts';
export {
  CommandNotAllowedError,
  RunCancelledError,
  SessionCommandsUnsupportedError,
  SessionNotActiveError,
  SessionNotFoundError,
} from './errors.ts';
export { EMPTY_DATA_COMMANDS, PAYLOAD_COMMANDS, commandLabel } from './commands.ts';
export type { CommandDefinition, ProtocolCommandName } from './commands.ts';
export { isoNow } from './clock.ts';
