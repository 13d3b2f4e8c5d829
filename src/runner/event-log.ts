// A session's `events` list (http-api.md §3.9): protocol `.start`/`.end` pairs whose ids come from
// a per-session counter that never resets, pushed on `.start` and popped on `.end` so nested steps
// pair up; `sessionCommand` entries after each executed command.
import type { SessionEvent } from '../store/index.ts';
import { isoNow } from './clock.ts';

export class EventLog {
  private readonly open: string[] = [];
  /** `JSON.stringify(this.events)` without the brackets; V8 keeps the appends as a rope. */
  private text: string;

  /**
   * @param seqs the notice number of each event (null where unknown: stored before numbers
   *   were kept), kept in step with `events`.
   * @param onAppend announces a new event and returns the number it went out under (null: not announced).
   */
  constructor(
    readonly events: SessionEvent[],
    readonly seqs: (number | null)[],
    private counter: number,
    private readonly onAppend: (event: SessionEvent) => number | null,
  ) {
    this.text = events.map((e) => JSON.stringify(e)).join(',');
  }

  /** The events as JSON text, exactly `JSON.stringify(events)`. */
  get json(): string {
    return `[${this.text}]`;
  }

  get commandCounter(): number {
    return this.counter;
  }

  protocolStart(name: string, text: string | null): void {
    this.counter += 1;
    const id = String(this.counter);
    this.open.push(id);
    this.append({ source: 'protocol', event: `${name}.start`, timestamp: isoNow(), commandId: id, params: { text }, result: null });
  }

  protocolEnd(name: string): void {
    const id = this.open.pop() ?? null;
    this.append({ source: 'protocol', event: `${name}.end`, timestamp: isoNow(), commandId: id, params: null, result: null });
  }

  sessionCommand(command: string, commandId: string, timestamp: string): void {
    this.append({ source: 'sessionCommand', event: command, timestamp, commandId, params: null, result: null });
  }

  /** Labwright's own note in the log (beyond the original), e.g. why a run was stopped. */
  server(event: string, text: string): void {
    this.append({ source: 'server', event, timestamp: isoNow(), commandId: null, params: { text }, result: null });
  }

  private append(event: SessionEvent): void {
    this.text = this.events.length === 0 ? JSON.stringify(event) : `${this.text},${JSON.stringify(event)}`;
    this.events.push(event);
    this.seqs.push(this.onAppend(event));
  }
}
