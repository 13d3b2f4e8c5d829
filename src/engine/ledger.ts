// The per-well liquid ledger (beyond the original): volumes in and out of each well, and
// warnings (never errors) for physically impossible steps. A well is "tracked" when a dispense put
// liquid in it before anything was taken out; other wells have unknown content and never warn on
// aspirate.
import type { LiquidWarning, WellLiquidHistory, WellLiquidSummary } from '../common/index.ts';
import type { LabwareState, WellState } from './labware.ts';
import { pyFloat } from './pyfloat.ts';

interface WellLedger {
  /** The well, by id; its labware's name and the well's capacity are read when the ledger is reported. */
  readonly labwareId: string;
  readonly wellName: string;
  /** The labware's slot when the ledger first saw the well (the report keeps it after a move). */
  readonly slot: string;
  volumeIn: number;
  volumeOut: number;
  /** Known content (only meaningful when `tracked`). */
  volume: number;
  tracked: boolean;
  /** The first ledger event was a dispense, so the well is taken to have started empty. */
  startKnown: boolean;
  readonly history: WellLiquidHistory['events'];
}

const EPS = 1e-9;

/**
 * Content is known only for wells whose first event adds liquid (a dispense, a loaded liquid): a
 * well aspirated from first (a mix in a source well, say) had unknown content and stays untracked.
 */
function knownIfFirst(e: WellLedger): void {
  if (e.volumeIn === 0 && e.volumeOut === 0) {
    e.startKnown = true;
    e.tracked = true;
  }
}

/** What engine code may do with the ledger: read it. Only the liquids store changes it. */
export interface LiquidLedgerView {
  readonly warnings: readonly LiquidWarning[];
  history(): WellLiquidHistory[];
  summary(labware: ReadonlyMap<string, LabwareState>): WellLiquidSummary[];
}

export class LiquidLedger implements LiquidLedgerView {
  readonly warnings: LiquidWarning[] = [];
  /** Every well the ledger saw, in the order it first saw them (the order of the reports). */
  private readonly wells: WellLedger[] = [];
  /** The same wells by labware id, then well name (no key string to build on every plunger action). */
  private readonly byLabware = new Map<string, Map<string, WellLedger>>();

  private entry(labwareId: string, wellName: string, slot: string): WellLedger {
    let ofLabware = this.byLabware.get(labwareId);
    if (ofLabware === undefined) {
      ofLabware = new Map();
      this.byLabware.set(labwareId, ofLabware);
    }
    let e = ofLabware.get(wellName);
    if (e === undefined) {
      e = { labwareId, wellName, slot, volumeIn: 0, volumeOut: 0, volume: 0, tracked: false, startKnown: false, history: [] };
      ofLabware.set(wellName, e);
      this.wells.push(e);
    }
    return e;
  }

  /** `slot`: its labware's slot now; `well`: the well's display name, as warnings print it. */
  aspirate(labwareId: string, wellName: string, slot: string, well: string, volume: number, commandIndex: number): void {
    const e = this.entry(labwareId, wellName, slot);
    e.volumeOut += volume;
    if (e.tracked) {
      if (volume > e.volume + EPS) {
        this.warnings.push({
          kind: 'aspirate-more-than-well-holds',
          commandIndex,
          message: `Aspirating ${pyFloat(volume)} uL from ${well}, which holds only ${pyFloat(round6(e.volume))} uL`,
          well,
        });
      }
      e.volume = Math.max(0, e.volume - volume);
    }
    e.history.push({ commandIndex, change: -round6(volume), volume: e.tracked ? round6(e.volume) : null });
  }

  /** `slot`: its labware's slot now; `well`: the well's display name, as warnings print it; `capacity`: its max volume. */
  dispense(labwareId: string, wellName: string, slot: string, well: string, capacity: number, volume: number, commandIndex: number): void {
    const e = this.entry(labwareId, wellName, slot);
    knownIfFirst(e);
    e.volumeIn += volume;
    const before = e.volume;
    e.volume += volume;
    e.history.push({ commandIndex, change: round6(volume), volume: e.tracked ? round6(e.volume) : null });
    if (e.volume > capacity + EPS && before <= capacity + EPS) {
      this.warnings.push({
        kind: 'dispense-over-well-capacity',
        commandIndex,
        message: `Dispensing ${pyFloat(volume)} uL into ${well} brings it to ${pyFloat(round6(e.volume))} uL, over its capacity of ${pyFloat(capacity)} uL`,
        well,
      });
    }
  }

  /** A liquid loaded into a well (`loadLiquid`): its starting content is known from then on. */
  load(labwareId: string, wellName: string, slot: string, volume: number): void {
    const e = this.entry(labwareId, wellName, slot);
    knownIfFirst(e);
    if (e.tracked) e.volume += volume;
  }

  tipOverCapacity(volumeAfter: number, tipCapacity: number, commandIndex: number, wellName: string | undefined): void {
    this.warnings.push({
      kind: 'aspirate-over-tip-capacity',
      commandIndex,
      message: `Aspirating brings the tip to ${pyFloat(round6(volumeAfter))} uL, over its capacity of ${pyFloat(tipCapacity)} uL`,
      ...(wellName === undefined ? {} : { well: wellName }),
    });
  }

  /** Each well's events in order (a copy). */
  history(): WellLiquidHistory[] {
    return this.wells.map((e) => ({ slot: e.slot, well: e.wellName, events: e.history.map((h) => ({ ...h })) }));
  }

  summary(labware: ReadonlyMap<string, LabwareState>): WellLiquidSummary[] {
    const out: WellLiquidSummary[] = [];
    for (const e of this.wells) {
      const lw = labwareOf(labware, e);
      out.push({
        labware: lw.label ?? lw.def.metadata.displayName,
        slot: e.slot,
        well: e.wellName,
        volumeIn: round6(e.volumeIn),
        volumeOut: round6(e.volumeOut),
        finalVolume: e.startKnown ? round6(e.volume) : null,
        capacity: wellOf(lw, e).maxVolume,
      });
    }
    return out;
  }
}

/** A ledger well's labware: the run keeps every labware it loaded, so it is always there. */
function labwareOf(labware: ReadonlyMap<string, LabwareState>, e: WellLedger): LabwareState {
  const lw = labware.get(e.labwareId);
  if (lw === undefined) throw new Error(`The liquid ledger names labware ${e.labwareId}, which the run does not hold`);
  return lw;
}

function wellOf(lw: LabwareState, e: WellLedger): WellState {
  const well = lw.byName.get(e.wellName);
  if (well === undefined) throw new Error(`The liquid ledger names well ${e.wellName} of ${lw.id}, which it does not have`);
  return well;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
