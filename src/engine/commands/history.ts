// The engine's history of executed commands, kept in columns: a run of 100,000 commands retains
// its params and a few numbers per command, not 100,000 record objects for the garbage collector
// to carry. Records are built when someone reads them.
import type { HardwareAction } from '../actions.ts';
import type { StateUpdate } from '../state-update.ts';
import type { CommandError, CommandRecord } from './command.ts';

const NO_PARENT = -1;

export class CommandHistory {
  private count = 0;
  private readonly types: string[] = [];
  private readonly params: Record<string, unknown>[] = [];
  // Most commands answer nothing, fail never and record no actions: only the others are kept.
  private readonly results = new Map<number, unknown>();
  private readonly errors = new Map<number, CommandError>();
  private readonly actions = new Map<number, HardwareAction[]>();
  private readonly updates = new Map<number, StateUpdate[]>();
  /** Per command: started at, completed at (modeled seconds). */
  private times = new Float64Array(2 * 1024);
  /** Per command: parent index (or -1), first run-log entry, number of entries. */
  private spans = new Int32Array(3 * 1024);

  get length(): number {
    return this.count;
  }

  /** Opens a command's record; returns its index. */
  begin(commandType: string, params: Record<string, unknown>, startedAt: number, firstEntry: number, parent: number): number {
    const index = this.count++;
    if (2 * this.count > this.times.length) this.grow();
    this.types.push(commandType);
    this.params.push(params);
    this.times[2 * index] = startedAt;
    this.spans[3 * index] = parent;
    this.spans[3 * index + 1] = firstEntry;
    return index;
  }

  /** Closes it with what it produced. */
  finish(index: number, completedAt: number, lastEntry: number, result: unknown, error: CommandError | null, actions: HardwareAction[] | null, updates: StateUpdate[] | null): void {
    this.times[2 * index + 1] = completedAt;
    this.spans[3 * index + 2] = lastEntry - this.spans[3 * index + 1];
    if (result !== null) this.results.set(index, result);
    if (error !== null) this.errors.set(index, error);
    if (actions !== null) this.actions.set(index, actions);
    if (updates !== null) this.updates.set(index, updates);
  }

  failed(index: number): boolean {
    return this.errors.has(index);
  }

  result(index: number): unknown {
    return this.results.get(index) ?? null;
  }

  static id(index: number): string {
    return `command-${index + 1}`;
  }

  record(index: number): CommandRecord {
    const parent = this.spans[3 * index];
    const error = this.errors.get(index) ?? null;
    return {
      id: CommandHistory.id(index),
      commandType: this.types[index],
      params: this.params[index],
      status: error === null ? 'succeeded' : 'failed',
      result: this.results.get(index) ?? null,
      error,
      startedAt: this.times[2 * index],
      completedAt: this.times[2 * index + 1],
      parentId: parent === NO_PARENT ? null : CommandHistory.id(parent),
      firstEntry: this.spans[3 * index + 1],
      entryCount: this.spans[3 * index + 2],
      actions: this.actions.get(index) ?? null,
      stateUpdates: this.updates.get(index) ?? null,
    };
  }

  records(): CommandRecord[] {
    return Array.from({ length: this.count }, (_, index) => this.record(index));
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    this.times = times;
    const spans = new Int32Array(this.spans.length * 2);
    spans.set(this.spans);
    this.spans = spans;
  }
}

export { NO_PARENT };
