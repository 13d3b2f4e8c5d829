// Domain errors of the session runner. The HTTP layer maps each class to a status and body.
import { ResourceNotFoundError } from '../common/index.ts';
import { commandLabel } from './commands.ts';

export class SessionNotFoundError extends ResourceNotFoundError {
  constructor(readonly sessionId: string) {
    super('session', sessionId);
    this.name = 'SessionNotFoundError';
  }
}

export class SessionNotActiveError extends Error {
  constructor(readonly sessionId: string) {
    super(`Session '${sessionId}' is not active. Only the active session can execute commands`);
    this.name = 'SessionNotActiveError';
  }
}

export class CommandNotAllowedError extends Error {
  constructor(
    readonly command: string,
    readonly state: string,
  ) {
    super(`Can't execute '${commandLabel(command)}' during state '${state}'`);
    this.name = 'CommandNotAllowedError';
  }
}

/** The reason a run's AbortSignal carries when a client cancels it. */
export class RunCancelledError extends Error {
  constructor(why: string) {
    super(why);
    this.name = 'RunCancelledError';
  }
}

export class SessionCommandsUnsupportedError extends Error {
  constructor(
    readonly sessionType: string,
    readonly command: string,
  ) {
    super(`Can't execute '${commandLabel(command)}': '${sessionType}' sessions execute no commands on this simulated robot`);
    this.name = 'SessionCommandsUnsupportedError';
  }
}
