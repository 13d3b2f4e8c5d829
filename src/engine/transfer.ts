// transfer / distribute / consolidate (python-protocol-api.md §8): the original's planning,
// quirks included, as a generator of commands. Whoever runs the plan executes each command before
// asking for the next, so later decisions read the pipette's state as it is at that moment.
import type { AnyCommand } from './commands/command.ts';
import { ProtocolApiError } from './errors.ts';
import { pyFloat } from './pyfloat.ts';
import type { LocationArg, PyNum, Target, WellArg } from './types.ts';
import type { EngineView } from './view.ts';

export type ComplexMode = 'transfer' | 'distribute' | 'consolidate';

type Nested = Target | { kind: 'other'; repr: string } | Nested[] | null;

export interface ComplexOptions {
  mode: ComplexMode;
  volume: PyNum | PyNum[] | { kind: 'other'; repr: string };
  source: Nested;
  dest: Nested;
  options: {
    new_tip?: string | null;
    trash?: boolean;
    touch_tip?: boolean;
    blow_out?: boolean;
    blowout_location?: string | null;
    mix_before?: [PyNum, PyNum];
    mix_after?: [PyNum, PyNum];
    air_gap?: PyNum;
    disposal_volume?: PyNum;
  };
}

type TipPolicy = 'ONCE' | 'NEVER' | 'ALWAYS';
type BlowOut = 'NONE' | 'SOURCE' | 'DEST' | 'TRASH';

const value = (n: PyNum): number => (typeof n === 'number' ? n : n.float);
const err = (type: ConstructorParameters<typeof ProtocolApiError>[0], message: string): ProtocolApiError =>
  new ProtocolApiError(type, message);

/** Python's str() of a plain number that came from definitions (ints print without `.0`). */
const pyPlain = (n: number): string => (Number.isInteger(n) ? String(n) : pyFloat(n));

function flatten(nested: Nested): Target[] {
  if (nested === null) return [];
  if (Array.isArray(nested)) return nested.flatMap(flatten);
  return [nested as Target];
}

function first(nested: Nested): Nested {
  let current = nested;
  while (Array.isArray(current)) current = current.length > 0 ? current[0] : null;
  return current;
}

interface Mix {
  repetitions: PyNum;
  volume: number | null;
}

function mixOf(option: [PyNum, PyNum] | undefined): Mix | null {
  if (!option) return null;
  const [reps, vol] = option;
  if (!value(reps) && !value(vol)) return null;
  // Falsy values are dropped from the inner call's keywords (§8.7).
  return { repetitions: value(reps) ? reps : 1, volume: value(vol) ? value(vol) : null };
}

export class TransferPlan {
  private readonly e: EngineView;
  private readonly pid: string;
  private readonly mode: ComplexMode;
  private readonly channels: number;
  private readonly pipetteMax: number;
  private readonly trash: boolean;
  private readonly touchTip: boolean;
  private readonly airGap: number;
  private readonly disposal: number;
  private readonly mixBefore: Mix | null;
  private readonly mixAfter: Mix | null;
  private tipPolicy: TipPolicy = 'ONCE';
  private blowOut: BlowOut = 'NONE';
  private maxVolume = 0;

  constructor(e: EngineView, pid: string, private readonly spec: ComplexOptions) {
    this.e = e;
    this.pid = pid;
    this.mode = spec.mode;
    const info = e.pipetteInfo(pid);
    this.channels = info.channels;
    this.pipetteMax = info.maxVolume;
    const o = spec.options;
    this.trash = o.trash ?? true;
    this.touchTip = Boolean(o.touch_tip);
    this.airGap = o.air_gap === undefined ? 0 : value(o.air_gap);
    if (this.mode === 'distribute') this.disposal = o.disposal_volume === undefined ? info.minVolume : value(o.disposal_volume);
    else if (this.mode === 'consolidate') this.disposal = 0;
    else this.disposal = o.disposal_volume === undefined ? 0 : value(o.disposal_volume);
    this.mixBefore = this.mode === 'consolidate' ? null : mixOf(o.mix_before);
    this.mixAfter = this.mode === 'distribute' ? null : mixOf(o.mix_after);
  }

  /** A well as the run log names it (`A1 of Plate on 2`; from 2.14 `on slot 2`). */
  private wellText(labwareId: string, wellName: string): string {
    const info = this.e.labwareInfo(labwareId);
    return info.wells.find((w) => w.name === wellName)?.displayName ?? `${wellName} of ${info.displayName}`;
  }

  private locText(target: Nested): string {
    const t = first(target);
    if (t === null || Array.isArray(t)) return 'None';
    if (t.kind === 'other') return t.repr;
    if (t.kind === 'well') return this.wellText(t.labwareId, t.wellName);
    const ref = t.ref;
    switch (ref.kind) {
      case 'well':
        return this.wellText(ref.labwareId, ref.wellName);
      case 'labware':
        return this.e.labwareInfo(ref.labwareId).displayName;
      case 'slot':
        return ref.slot;
      case 'module':
        return this.e.moduleInfo(ref.moduleId).displayName;
      case 'none':
        return ref.text ?? `(${pyFloat(t.point.x)}, ${pyFloat(t.point.y)}, ${pyFloat(t.point.z)})`;
    }
  }

  header(): string {
    const v = this.spec.volume;
    let volumeText: string;
    if (Array.isArray(v)) volumeText = `[${v.map((x) => pyFloat(value(x))).join(', ')}]`;
    else if (typeof v === 'object' && 'kind' in v) volumeText = v.repr;
    else volumeText = pyFloat(value(v));
    return `${volumeText} from ${this.locText(this.spec.source)} to ${this.locText(this.spec.dest)}`;
  }

  /** `validate_blowout_location` for the mode at hand (`distribute`/`consolidate` check their own). */
  validateBlowoutLocation(): void {
    const location = this.spec.options.blowout_location;
    if (location) {
      if (!this.e.has('blowoutLocation')) {
        throw err(
          'ValueError',
          `Cannot specify blowout location when using api version below 2.8, current version is ${this.e.apiLevel[0]}.${this.e.apiLevel[1]}`,
        );
      }
      if (this.mode === 'consolidate' && location === 'source well') {
        throw err('ValueError', 'blowout location for consolidate cannot be source well');
      }
      if (this.mode === 'distribute' && location === 'destination well') {
        throw err('ValueError', 'blowout location for distribute cannot be destination well');
      }
      if (!['source well', 'destination well', 'trash'].includes(location)) {
        throw err(
          'ValueError',
          `blowout location should be either 'source well',  'destination well', or 'trash' but it is ${location}`,
        );
      }
    }
  }

  validate(): void {
    const o = this.spec.options;
    const location = o.blowout_location;
    const policy = (o.new_tip ?? 'once').toUpperCase();
    if (policy !== 'ONCE' && policy !== 'NEVER' && policy !== 'ALWAYS') throw err('KeyError', `'${policy}'`);
    this.tipPolicy = policy;
    if (o.blow_out) {
      if (!location) this.blowOut = this.e.pipetteState(this.pid).currentVolume > 0 ? 'SOURCE' : 'TRASH';
      else this.blowOut = location === 'source well' ? 'SOURCE' : location === 'destination well' ? 'DEST' : 'TRASH';
    }
    if (this.tipPolicy !== 'NEVER') {
      const tip = this.e.nextAvailableTip(this.pid);
      if (tip === null) throw err('OutOfTipsError', '');
      const rack = this.e.labwareInfo(tip.labwareId);
      const well = rack.wells.find((w) => w.name === tip.wellName);
      this.maxVolume = Math.min(well ? well.maxVolume : this.pipetteMax, this.pipetteMax);
    } else {
      this.maxVolume = this.e.pipetteState(this.pid).workingVolume;
    }
    if (this.airGap < 0 || this.airGap >= this.maxVolume) {
      throw err(
        'ValueError',
        `air_gap must be between 0uL and the pipette's expected working volume, ${pyPlain(this.maxVolume)}uL`,
      );
    }
  }

  private wellOf(t: Target): { labwareId: string; wellName: string } | null {
    if (t.kind === 'well') return t;
    if (t.ref.kind === 'well') return t.ref;
    return null;
  }

  /** Multi-channel pipettes use only the first row (first two rows of 384 plates from 2.2). */
  private channelFilter(targets: Target[], what: 'source' | 'target'): Target[] {
    if (this.channels <= 1) return targets;
    const kept = targets.filter((t) => {
      const well = this.wellOf(t);
      if (well === null) return true;
      const info = this.e.labwareInfo(well.labwareId);
      const rows = info.parameters.format === '384Standard' && this.e.has('multiChannelFirstTwoRowsOf384') ? 2 : 1;
      return info.rows.slice(0, rows).some((row) => row.includes(well.wellName));
    });
    if (kept.length === 0 && this.e.has('multiChannelUnreachableWellsRefused')) {
      const names = targets.map((t) => this.locText(t)).join(', ');
      throw err('RuntimeError', `Invalid ${what} for multichannel transfer: [${names}]`);
    }
    return kept;
  }

  private volumes(count: number): number[] {
    const v = this.spec.volume;
    if (Array.isArray(v)) {
      if (v.length !== count) throw err('RuntimeError', 'List of volumes should be equal to number of transfers');
      return v.map(value);
    }
    if (typeof v === 'object' && 'kind' in v) {
      throw err('TypeError', `Volume expected as a number or List or tuple but got ${v.repr}`);
    }
    return new Array<number>(count).fill(value(v));
  }

  private *expand<T>(volumes: number[], items: T[], limit: number): Generator<[number, T]> {
    for (let i = 0; i < items.length; i++) {
      let v = volumes[i];
      while (v > 2 * limit) {
        yield [limit, items[i]];
        v -= limit;
      }
      if (v > limit) {
        yield [v / 2, items[i]];
        yield [v / 2, items[i]];
      } else {
        yield [v, items[i]];
      }
    }
  }

  private tipEmpty(): boolean {
    return this.e.pipetteState(this.pid).currentVolume === 0;
  }

  private mix(mix: Mix, location: Target): AnyCommand {
    return { commandType: 'labwright/mix', params: { pipetteId: this.pid, repetitions: mix.repetitions, volume: mix.volume, location } };
  }

  private aspirate(volume: number, location: Target | null): AnyCommand {
    return { commandType: 'aspirate', params: { pipetteId: this.pid, volume, location } };
  }

  private dispense(volume: number, location: Target | null): AnyCommand {
    return { commandType: 'dispense', params: { pipetteId: this.pid, volume, location } };
  }

  private airGapCommand(): AnyCommand {
    return { commandType: 'labwright/airGap', params: { pipetteId: this.pid, volume: this.airGap } };
  }

  private touchTipCommand(): AnyCommand {
    return { commandType: 'touchTip', params: { pipetteId: this.pid } };
  }

  private blowOutAt(location: Target | null): AnyCommand {
    return { commandType: 'blowout', params: { pipetteId: this.pid, location } };
  }

  private trashWell(): WellArg {
    const trashId = this.e.pipetteState(this.pid).trashId;
    return { kind: 'well', labwareId: trashId, wellName: this.e.labwareInfo(trashId).wellNames[0] };
  }

  private *blowOutAfter(source: Target | null, dest: Target | null): Generator<AnyCommand> {
    if (this.blowOut === 'SOURCE') yield this.blowOutAt(source);
    else if (this.blowOut === 'DEST') yield this.blowOutAt(dest);
    else if (this.blowOut === 'TRASH' || this.disposal) yield this.blowOutAt(this.trashWell());
  }

  private pickUp(): AnyCommand {
    return { commandType: 'pickUpTip', params: { pipetteId: this.pid } };
  }

  private drop(): AnyCommand {
    if (this.trash) return { commandType: 'dropTip', params: { pipetteId: this.pid } };
    return { commandType: 'labwright/returnTip', params: { pipetteId: this.pid } };
  }

  /** The plan: each command is yielded only after the one before it has run. */
  *commands(): Generator<AnyCommand> {
    const sources = this.channelFilter(flatten(this.spec.source), 'source');
    const dests = this.channelFilter(flatten(this.spec.dest), 'target');
    const volumes = this.volumes(Math.max(sources.length, dests.length));
    if (this.mode === 'transfer') yield* this.runTransfer(sources, dests, volumes);
    else if (this.mode === 'distribute') yield* this.runDistribute(sources, dests, volumes);
    else yield* this.runConsolidate(sources, dests, volumes);
  }

  /** 7.5.0 (from 2.12) checks air gap and disposal volume against the pipette's maximum as a plan starts. */
  private checkVolumeParameters(): void {
    if (!this.e.has('release7')) return;
    const what =
      this.airGap >= this.pipetteMax
        ? 'The air gap'
        : this.disposal >= this.pipetteMax
          ? 'The disposal volume'
          : this.disposal + this.airGap >= this.pipetteMax
            ? 'The sum of the air gap and disposal volume'
            : null;
    if (what !== null) throw err('ValueError', `${what} must be less than the maximum volume of the pipette`);
  }

  private *runTransfer(sources: Target[], dests: Target[], volumes: number[]): Generator<AnyCommand> {
    if (this.tipPolicy === 'ONCE') yield this.pickUp();
    let src = sources;
    let dst = dests;
    if (src.length !== dst.length && src.length > 0 && dst.length > 0) {
      const [short, long] = src.length < dst.length ? [src, dst] : [dst, src];
      if (long.length % short.length !== 0) throw err('ValueError', 'Source and destination lists must be divisible');
      const times = long.length / short.length;
      const extended = short.flatMap((t) => new Array<Target>(times).fill(t));
      if (src.length < dst.length) src = extended;
      else dst = extended;
    }
    const pairs = src.map((s, i) => [s, dst[i]] as [Target, Target]);
    this.checkVolumeParameters();
    const limit = this.pipetteMax - this.disposal - this.airGap;
    for (const [stepVolume, [source, dest]] of this.expand(volumes, pairs, limit)) {
      if (this.tipPolicy === 'ALWAYS') yield this.pickUp();
      const chunkLimit = this.maxVolume - this.disposal - this.airGap;
      let transferred = 0;
      while (transferred < stepVolume) {
        const v = Math.min(chunkLimit, stepVolume - transferred);
        if (this.mixBefore && this.tipEmpty()) yield this.mix(this.mixBefore, source);
        yield this.aspirate(v, source);
        if (this.airGap) yield this.airGapCommand();
        if (this.touchTip) yield this.touchTipCommand();
        yield this.dispense(v + this.airGap, dest);
        if (this.mixAfter && this.tipEmpty()) yield this.mix(this.mixAfter, dest);
        if (this.touchTip) yield this.touchTipCommand();
        yield* this.blowOutAfter(source, dest);
        transferred += v;
      }
      if (this.tipPolicy === 'ALWAYS') yield this.drop();
    }
    if (this.tipPolicy === 'ONCE') yield this.drop();
  }

  private *runDistribute(sources: Target[], dests: Target[], volumes: number[]): Generator<AnyCommand> {
    const pickOnce = this.tipPolicy !== 'NEVER';
    if (pickOnce) yield this.pickUp();
    const source = sources[0] ?? null;
    this.checkVolumeParameters();
    const plan = this.expand(volumes, dests, this.pipetteMax - this.disposal - this.airGap);
    const skipZero = this.e.has('skipZeroVolumes');
    let current = plan.next();
    while (!current.done) {
      const group: [number, Target][] = [];
      let sum = 0;
      while (!current.done && sum + this.disposal + this.airGap + current.value[0] <= this.maxVolume) {
        if (!(skipZero && current.value[0] === 0)) {
          group.push(current.value);
          sum += current.value[0];
        }
        current = plan.next();
      }
      if (group.length === 0) break;
      if (this.mixBefore && this.tipEmpty() && source) yield this.mix(this.mixBefore, source);
      yield this.aspirate(sum + this.disposal, source);
      if (this.airGap) yield this.airGapCommand();
      if (this.touchTip) yield this.touchTipCommand();
      for (const [i, [v, dest]] of group.entries()) {
        yield this.dispense(v + this.airGap, dest);
        if (i < group.length - 1) {
          if (this.airGap) yield this.airGapCommand();
          if (this.touchTip) yield this.touchTipCommand();
        } else {
          if (this.touchTip) yield this.touchTipCommand();
          yield* this.blowOutAfter(source, null);
        }
      }
    }
    if (pickOnce) yield this.drop();
  }

  private *runConsolidate(sources: Target[], dests: Target[], volumes: number[]): Generator<AnyCommand> {
    const pickOnce = this.tipPolicy !== 'NEVER';
    if (pickOnce) yield this.pickUp();
    const dest = dests[0] ?? null;
    const plan = this.expand(volumes, sources, this.pipetteMax);
    const skipZero = this.e.has('skipZeroVolumes');
    let current = plan.next();
    while (!current.done) {
      const group: [number, Target][] = [];
      let sum = 0;
      while (!current.done && sum + this.airGap * group.length + current.value[0] <= this.maxVolume) {
        if (!(skipZero && current.value[0] === 0)) {
          group.push(current.value);
          sum += current.value[0];
        }
        current = plan.next();
      }
      if (group.length === 0) break;
      for (const [v, source] of group) {
        yield this.aspirate(v, source);
        if (this.airGap) yield this.airGapCommand();
        if (this.touchTip) yield this.touchTipCommand();
      }
      yield this.dispense(sum + this.airGap * group.length, dest);
      if (this.mixAfter && this.tipEmpty() && dest) yield this.mix(this.mixAfter, dest);
      if (this.touchTip) yield this.touchTipCommand();
      if (this.blowOut === 'SOURCE') yield this.blowOutAt(null);
      else yield* this.blowOutAfter(null, dest);
    }
    if (pickOnce) yield this.drop();
  }
}

export type { LocationArg };
