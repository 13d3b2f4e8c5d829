// All protocol sessions of the robot, and the one "active" session that may execute commands
// (http-api.md §3.7). Sessions and the active id are persisted; `restore` brings them back.
import type { Logger } from 'pino';
import type { Analysis, ProtocolBundle, ProtocolExecutor } from '../analysis/index.ts';
import type { SessionRepository } from '../store/index.ts';
import type { RobotDoor } from './door.ts';
import { SessionNotActiveError, SessionNotFoundError } from './errors.ts';
import { SessionNoticeBroadcaster, type SessionFeed, type SessionNotice } from './feed.ts';
import type { RobotBackendFactory } from './backend.ts';
import { simulatedBackend, type Speed } from './hardware.ts';
import type { FixedRobot } from './robot.ts';
import { RecordSession } from './record-session.ts';
import { ProtocolSession, type ExecutedCommand, type SessionDeps } from './session.ts';

export type AnySession = ProtocolSession | RecordSession;

export interface SessionManagerOptions {
  execute: ProtocolExecutor;
  loadBundle(protocolId: string): Promise<ProtocolBundle | null>;
  /** A stored analysis a session's load may replay instead of simulating (default: none). */
  reusableAnalysis?(protocolId: string, bundle: ProtocolBundle): Analysis | null;
  repo: SessionRepository;
  speed: Speed;
  /** The robot runs are performed on; default: the simulated robot (`speed` paces it). */
  backend?: RobotBackendFactory;
  robot?: FixedRobot | null;
  logger: Logger;
  stopTimeoutMs?: number;
  /** The robot's door; default: one nobody opens. */
  door?: RobotDoor;
  /** Whether an open door holds runs (the robot's door-safety setting); read at each change. */
  doorSafety?: () => boolean;
}

const ACTIVE_KEY = 'activeSessionId';

export class SessionManager {
  private readonly sessions = new Map<string, AnySession>();
  private activeId: string | null = null;
  private readonly broadcaster: SessionNoticeBroadcaster;
  private readonly deps: SessionDeps;
  private readonly stopWatchingDoor: () => void;

  constructor(private readonly options: SessionManagerOptions) {
    this.broadcaster = new SessionNoticeBroadcaster((err) => options.logger.error({ err }, 'session notice listener failed'));
    this.deps = {
      execute: options.execute,
      loadBundle: options.loadBundle,
      reusableAnalysis: (protocolId, bundle) => options.reusableAnalysis?.(protocolId, bundle) ?? null,
      repo: options.repo,
      broadcaster: this.broadcaster,
      speed: options.speed,
      backend: options.backend ?? simulatedBackend,
      robot: options.robot ?? null,
      logger: options.logger,
      stopTimeoutMs: options.stopTimeoutMs ?? 5000,
      doorBlocks: () => options.door?.state === 'open' && this.doorSafety(),
    };
    this.stopWatchingDoor =
      options.door?.onChange((state) => {
        if (state !== 'open' || !this.doorSafety()) return;
        for (const session of this.sessions.values()) if (session.kind === 'protocol') session.holdForDoor();
      }) ?? (() => {});
  }

  private doorSafety(): boolean {
    return this.options.doorSafety?.() ?? false;
  }

  /** Session state changes and events, for the notifications transport. */
  get feed(): SessionFeed {
    return this.broadcaster;
  }

  restore(): void {
    for (const stored of this.options.repo.loadAll()) {
      const session =
        stored.sessionType === 'protocol'
          ? ProtocolSession.restore(this.deps, stored)
          : RecordSession.restore(this.options.repo, this.broadcaster, stored);
      this.sessions.set(stored.id, session);
    }
    const active = this.options.repo.getSetting(ACTIVE_KEY);
    this.activeId = active !== null && this.sessions.has(active) ? active : null;
  }

  /** Creates a session for an existing protocol; it becomes the active session. */
  create(protocolId: string): ProtocolSession {
    const session = ProtocolSession.create(this.deps, protocolId);
    this.sessions.set(session.id, session);
    this.setActive(session.id);
    return session;
  }

  /** A session of a type this robot only records (calibration flows, liveProtocol). */
  createRecord(sessionType: string, createParams: Record<string, unknown> | null): RecordSession {
    const session = RecordSession.create(this.options.repo, this.broadcaster, sessionType, createParams);
    this.sessions.set(session.id, session);
    this.setActive(session.id);
    return session;
  }

  list(): AnySession[] {
    return [...this.sessions.values()];
  }

  get(id: string): AnySession {
    const session = this.sessions.get(id);
    if (session === undefined) throw new SessionNotFoundError(id);
    return session;
  }

  /**
   * The notices a protocol session published after `since`, rebuilt from what it holds (also after
   * a restart); undefined for an unknown session or when that history cannot be told exactly.
   */
  noticesSince(id: string, since: number): SessionNotice[] | undefined {
    const session = this.sessions.get(id);
    return session?.kind === 'protocol' ? session.noticesSince(since) : undefined;
  }

  async execute(id: string, command: string): Promise<ExecutedCommand> {
    const session = this.get(id);
    if (this.activeId !== id) throw new SessionNotActiveError(id);
    return session.execute(command);
  }

  /** Stops the session's work (a running protocol is cancelled), then forgets it. */
  async delete(id: string): Promise<AnySession> {
    const session = this.get(id);
    this.sessions.delete(id);
    if (this.activeId === id) this.setActive(null);
    await session.shutdown('delete');
    return session;
  }

  /** Server shutdown: stop all work and write everything down. */
  async close(): Promise<void> {
    this.stopWatchingDoor();
    await Promise.all([...this.sessions.values()].map((s) => s.shutdown('close')));
  }

  private setActive(id: string | null): void {
    this.activeId = id;
    this.options.repo.setSetting(ACTIVE_KEY, id);
  }
}
