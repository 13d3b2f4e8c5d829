// One protocol session: its state (state-machine.ts), its events, and the background work that
// drives it (the load simulation at creation, re-simulations, runs on the simulated robot).
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Analysis, ProtocolBundle, ProtocolErrorInfo, ProtocolExecutor } from '../analysis/index.ts';
import { NoticeNumbering } from '../notifications/index.ts';
import { BatchedSessionWriter, type SessionRepository, type StoredSession } from '../store/index.ts';
import { BackgroundWork } from './background-work.ts';
import { isoNow } from './clock.ts';
import { isProtocolCommand, type ProtocolCommandName } from './commands.ts';
import { CommandNotAllowedError, RunCancelledError } from './errors.ts';
import { EventLog } from './event-log.ts';
import type { SessionNoticeBroadcaster, SessionNotice } from './feed.ts';
import type { RobotBackendFactory } from './backend.ts';
import { SimulatedHardware, type HardwareHooks, type Speed } from './hardware.ts';
import { noticesSince } from './notice-history.ts';
import { PauseGate } from './pause-gate.ts';
import { checkEquipment, type FixedRobot } from './robot.ts';
import { newRun, type ActiveRun } from './run.ts';
import * as machine from './state-machine.ts';
import type { CurrentState, SessionState } from './state-machine.ts';
import { fixedTrashName } from './trash.ts';

export interface SessionDeps {
  execute: ProtocolExecutor;
  /** The protocol's files as stored now, or null if the protocol is gone. */
  loadBundle(protocolId: string): Promise<ProtocolBundle | null>;
  /**
   * The protocol's stored analysis when a fresh simulation of `bundle` would give the same (see
   * ProtocolManager.reusableAnalysis), else null: a session's load then replays it instead.
   */
  reusableAnalysis(protocolId: string, bundle: ProtocolBundle): Analysis | null;
  repo: SessionRepository;
  broadcaster: SessionNoticeBroadcaster;
  speed: Speed;
  /** Makes the robot backend each run's steps are handed to (the simulated one by default). */
  backend: RobotBackendFactory;
  robot: FixedRobot | null;
  logger: Logger;
  /** How long a cancel waits for an executor to stop before winding down anyway. */
  stopTimeoutMs: number;
  /** The robot's door is open and its safety setting is on: a run may not start or resume. */
  doorBlocks(): boolean;
}

/** A read-only picture of a session, for rendering. */
export interface SessionView {
  kind: 'protocol';
  id: string;
  protocolId: string;
  createdAt: string;
  currentState: CurrentState;
  events: readonly StoredSession['events'][number][];
  /** `JSON.stringify(events)`, kept as the events arrive (cheap to read). */
  eventsJson: string;
  errors: readonly ProtocolErrorInfo[] | null;
  /** Changes whenever anything above does: a renderer may reuse its output while it stays the same. */
  revision: number;
}

export interface ExecutedCommand {
  id: string;
  command: ProtocolCommandName;
  createdAt: string;
  startedAt: string;
  completedAt: string;
}

/** The original's refusal of a run while the door blocks it (http-api.md §3.8). */
const DOOR_BLOCKED_TEXT = 'Protocol is blocked and cannot run. Make sure robot door is closed before running.';

function errorInfo(err: unknown): ProtocolErrorInfo {
  if (err instanceof Error) return { type: err.name || 'Error', description: err.message };
  return { type: 'Error', description: String(err) };
}

export class ProtocolSession {
  readonly kind = 'protocol' as const;
  readonly id: string;
  readonly protocolId: string;
  readonly createdAt: string;
  /** Where the session is in its lifecycle; changed only through `transition` and `enterQuietly`. */
  private state: SessionState;
  /** The numbers of this session's notices (see `NoticeNumbering`). */
  private readonly numbering: NoticeNumbering;
  /** Events, notices and state go to the store in batches. */
  private readonly writer: BatchedSessionWriter;
  private log: EventLog;
  /** Aborted when the session is deleted or the server stops. */
  private readonly lifetime = new AbortController();
  private readonly work = new BackgroundWork();
  private revision = 0;
  /** The created and state-change notices, oldest first (events have theirs in the event log). */
  private readonly notices: SessionNotice[];

  private constructor(
    private readonly deps: SessionDeps,
    stored: StoredSession,
  ) {
    this.id = stored.id;
    this.protocolId = stored.protocolId;
    this.createdAt = stored.createdAt;
    this.state = machine.stateFromStored(stored.phase, stored.errors);
    this.numbering = new NoticeNumbering(stored.noticeSeq, (upTo) => deps.repo.reserveNoticeSeq(stored.id, upTo));
    this.writer = new BatchedSessionWriter(deps.repo, stored.id, stored.events.length, () => ({
      phase: machine.phaseOf(this.state),
      errors: machine.errorsOf(this.state),
      commandCounter: this.log.commandCounter,
      noticeSeq: this.numbering.reservedUpTo,
    }));
    this.notices = stored.notices.map((n) => JSON.parse(n.json) as SessionNotice);
    this.log = this.newLog(stored.events, stored.eventNoticeSeqs, stored.commandCounter);
  }

  static create(deps: SessionDeps, protocolId: string): ProtocolSession {
    const stored: StoredSession = {
      id: randomUUID(),
      sessionType: 'protocol',
      createParams: { protocolId },
      protocolId,
      createdAt: isoNow(),
      phase: 'loading',
      errors: null,
      commandCounter: 0,
      noticeSeq: 0,
      events: [],
      eventNoticeSeqs: [],
      notices: [],
    };
    deps.repo.insert(stored);
    const session = new ProtocolSession(deps, stored);
    session.notify({ type: 'session.created', protocolId, state: session.currentState });
    deps.logger.info({ sessionId: session.id, protocolId, state: session.currentState }, 'session created');
    session.work.track(session.simulate('load'));
    return session;
  }

  /** Brings a stored session back after a restart: a cut-off run is stopped, a cut-off load redone. */
  static restore(deps: SessionDeps, stored: StoredSession): ProtocolSession {
    const session = new ProtocolSession(deps, stored);
    const state = session.state;
    if (state.kind === 'interrupted') {
      session.log.server(
        'server.restarted',
        `The server stopped while this session was ${state.from}; the run was stopped and will not continue.`,
      );
      session.transition(machine.stopped());
    } else if (state.kind === 'loading') {
      session.writer.clearEvents();
      session.log = session.newLog([], [], 0);
      session.work.track(session.simulate('load'));
    }
    return session;
  }

  /**
   * The number of the last notice published (after a restore: the stored block end, above every
   * number handed out before); the session's topic continues above it.
   */
  get lastNoticeSeq(): number {
    return this.numbering.lastSeq;
  }

  get currentState(): CurrentState {
    return machine.currentStateOf(this.state);
  }

  view(): SessionView {
    return {
      kind: 'protocol',
      id: this.id,
      protocolId: this.protocolId,
      createdAt: this.createdAt,
      currentState: this.currentState,
      events: this.log.events,
      eventsJson: this.log.json,
      errors: machine.errorsOf(this.state),
      revision: this.revision,
    };
  }

  /** Checks the command against the state machine, carries it out, and records it. */
  async execute(command: string): Promise<ExecutedCommand> {
    const id = randomUUID();
    const createdAt = isoNow();
    if (!isProtocolCommand(command) || !machine.accepts(this.state, command)) {
      throw new CommandNotAllowedError(command, this.currentState);
    }
    const startedAt = isoNow();
    const then = await this.handle(command);
    const completedAt = isoNow();
    this.log.sessionCommand(command, id, completedAt);
    then?.();
    this.writer.flush();
    return { id, command, createdAt, startedAt, completedAt };
  }

  /**
   * Stops whatever the session is doing. `delete` winds a run down as a cancel does (tip to the
   * trash, stopped); `close` (server shutdown) leaves the stored state as it is, so the next start
   * can tell the run was cut off.
   */
  async shutdown(kind: 'delete' | 'close'): Promise<void> {
    const run = machine.runOf(this.state);
    this.lifetime.abort(new RunCancelledError(kind === 'delete' ? 'session deleted' : 'server stopping'));
    run?.controller.abort(new RunCancelledError('session deleted'));
    await this.settle();
    if (kind === 'delete' && run !== null && machine.runOf(this.state) === run) this.windDown(run);
    this.writer.flush();
    // An executor that ignored its signal may still report steps: the store is about to close, and
    // numbers published now could not be reserved, so nothing more is written or published.
    if (kind === 'close') {
      this.writer.stop();
      this.numbering.close();
    }
    if (kind === 'delete') {
      this.writer.stop();
      this.numbering.stopPersisting();
      this.deps.repo.delete(this.id);
      this.notify({ type: 'session.deleted' });
      this.deps.logger.info({ sessionId: this.id }, 'session deleted');
    }
  }

  /**
   * The robot's door opened with the safety setting on: a running protocol holds after its current
   * command's motion (as `pause`, without a session command) until a client resumes it.
   */
  holdForDoor(): void {
    const state = this.state;
    if (state.kind !== 'running') return;
    state.run.gate.pause();
    this.transition(machine.pause(state));
  }

  private async handle(command: ProtocolCommandName): Promise<(() => void) | void> {
    const state = this.state;
    switch (command) {
      case 'protocol.startRun': {
        // The original accepts the command and then fails the run.
        if (this.deps.doorBlocks()) return () => this.fail([{ type: 'RuntimeError', description: DOOR_BLOCKED_TEXT }]);
        const run = newRun(this.deps.backend, this.deps.speed, this.lifetime.signal, this.eventHooks(() => this.protocolPaused()));
        this.transition(machine.startRun(run));
        return () => this.work.track(this.runProtocol(run));
      }
      case 'protocol.startSimulate':
        if (state.kind !== 'loaded' && state.kind !== 'finished') return;
        return () => {
          // Not a change clients see: the session shows the state it started from meanwhile.
          this.enterQuietly(machine.startSimulation(state.kind));
          this.work.track(this.simulate('simulate'));
        };
      case 'protocol.pause':
        machine.runOf(state)?.gate.pause();
        this.transition(machine.pause(state));
        return;
      case 'protocol.resume':
        // As the original: the reply is a success, but an open door keeps the run held.
        if (this.deps.doorBlocks()) return;
        machine.runOf(state)?.gate.resume();
        this.transition(machine.resume(state));
        return;
      case 'protocol.cancel': {
        const run = machine.runOf(state);
        if (run === null) return;
        // Not a change clients see until the run is wound down (`stopped`).
        this.enterQuietly(machine.cancel(state));
        run.controller.abort(new RunCancelledError('run cancelled'));
        await this.settle();
        return () => this.windDown(run);
      }
    }
  }

  /** The protocol's own `pause()` began (a live run only). */
  private protocolPaused(): void {
    if (this.state.kind === 'running') this.transition(machine.pause(this.state));
  }

  private async runProtocol(run: ActiveRun): Promise<void> {
    const { signal } = run;
    try {
      const bundle = await this.deps.loadBundle(this.protocolId);
      signal.throwIfAborted();
      if (bundle === null) return this.fail([this.protocolGone()]);
      const analysis = await this.deps.execute(bundle, { mode: 'run', step: run.hardware.step, signal });
      signal.throwIfAborted();
      run.hardware.catchUp(analysis.runLog);
      if (analysis.errors.length > 0) return this.fail(analysis.errors);
      await run.hardware.holdFinalPause();
      this.transition(machine.finished());
    } catch (err) {
      // A cancel (or delete, or shutdown) winds the run down itself.
      if (signal.aborted) return;
      this.deps.logger.error({ sessionId: this.id, err }, 'run failed unexpectedly');
      this.fail([errorInfo(err)]);
    }
  }

  /** The cancel sequence of a robot: drop any tip in the trash, home, `stopped`. */
  private windDown(run: ActiveRun): void {
    const text = `Dropping tip into A1 of ${fixedTrashName()} on 12`;
    for (let i = 0; i < run.hardware.tipsHeld; i += 1) {
      this.log.protocolStart('command.DROP_TIP', text);
      this.log.protocolEnd('command.DROP_TIP');
    }
    this.transition(machine.stopped());
  }

  /** `load` at creation, `simulate` for startSimulate; both end `loaded` (or `error`). */
  private async simulate(kind: 'load' | 'simulate'): Promise<void> {
    const signal = this.lifetime.signal;
    const hardware = new SimulatedHardware({
      speed: 'max',
      signal,
      gate: new PauseGate(),
      live: false,
      hooks: this.eventHooks(() => {}),
    });
    try {
      const bundle = await this.deps.loadBundle(this.protocolId);
      signal.throwIfAborted();
      if (bundle === null) return this.fail([this.protocolGone()]);
      // startSimulate always simulates again: it is how a client asks for a fresh analysis.
      const reused = kind === 'load' ? this.deps.reusableAnalysis(this.protocolId, bundle) : null;
      const analysis = reused ?? (await this.deps.execute(bundle, { mode: 'analyze', step: hardware.step, signal }));
      signal.throwIfAborted();
      // A reused analysis is replayed here in full; a fresh one only past its last step.
      hardware.catchUp(analysis.runLog);
      if (analysis.errors.length > 0) return this.fail(analysis.errors);
      const mismatch = checkEquipment(this.deps.robot, analysis.requiredEquipment);
      if (mismatch !== null) return this.fail([mismatch]);
      this.transition(machine.simulated());
    } catch (err) {
      if (signal.aborted) return;
      this.deps.logger.error({ sessionId: this.id, kind, err }, 'simulation failed unexpectedly');
      this.fail([errorInfo(err)]);
    }
  }

  private protocolGone(): ProtocolErrorInfo {
    return { type: 'RuntimeError', description: `Protocol '${this.protocolId}' no longer exists on this robot` };
  }

  private fail(errors: ProtocolErrorInfo[]): void {
    this.transition(machine.failed(errors));
  }

  private eventHooks(onProtocolPause: () => void): HardwareHooks {
    return {
      onStart: (entry) => this.log.protocolStart(entry.name, entry.text),
      onEnd: (entry) => this.log.protocolEnd(entry.name),
      onProtocolPause,
    };
  }

  private newLog(events: StoredSession['events'], seqs: (number | null)[], counter: number): EventLog {
    this.revision += 1;
    return new EventLog(events, seqs, counter, (event) => {
      this.revision += 1;
      // The notice carries the event's own time, so a replay from the store gives the same notice.
      const seq = this.notify({ type: 'session.event', event }, event.timestamp);
      this.writer.addEvent(event, seq);
      this.writer.schedule();
      return seq;
    });
  }

  /** Enters `next`: clients are told if the state they see changed, and the store is written at once. */
  private transition(next: SessionState): void {
    const previous = this.currentState;
    this.state = next;
    this.revision += 1;
    const state = this.currentState;
    if (state !== previous) {
      this.notify({ type: 'session.state', state, previous });
      this.deps.logger.info({ sessionId: this.id, from: previous, to: state }, 'session transition');
    }
    this.writer.flush();
  }

  /** Enters `next`, a state clients see (and the store keeps) as the current one: nothing to announce or write. */
  private enterQuietly(next: SessionState): void {
    this.state = next;
  }

  /** Waits for background work to stop, but never forever: an executor that ignores its signal is left behind. */
  private async settle(): Promise<void> {
    if (!(await this.work.settle(this.deps.stopTimeoutMs))) {
      this.deps.logger.warn({ sessionId: this.id }, 'executor did not stop in time; winding down anyway');
    }
  }

  /** Publishes a notice under the next number (returned; null once the server has stopped). */
  private notify(notice: DistributiveOmit<SessionNotice, 'sessionId' | 'seq' | 'at'>, at = isoNow()): number | null {
    const seq = this.numbering.next();
    if (seq === null) return null;
    const full = { ...notice, sessionId: this.id, seq, at } as SessionNotice;
    // Events are kept by the event log; the few other notices here, for replay (`noticesSince`).
    if (full.type === 'session.created' || full.type === 'session.state') {
      this.notices.push(full);
      this.writer.addNotice({ seq: full.seq, json: JSON.stringify(full) });
    }
    this.deps.broadcaster.publish(full);
    return seq;
  }

  /**
   * Every notice published after `since`, oldest first, rebuilt from what the session holds (which
   * after a restart is what was stored); undefined when that history cannot be told exactly
   * (see `noticesSince` in notice-history.ts).
   */
  noticesSince(since: number): SessionNotice[] | undefined {
    return noticesSince(this.id, this.log.events, this.log.seqs, this.notices, since);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
