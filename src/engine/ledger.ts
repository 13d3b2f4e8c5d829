// The per-well liquid ledger (beyond the original): volumes in and out of each well, and
// warnings (never errors) for physically impossible steps. A well is "tracked" when a dispense put
// liquid in it before anything was taken out; other wells have unknown content and never warn on
// aspirate.
import type { LiquidWarning, WellLiquidHistory, WellLiquidSummary } from '../common/index.ts';
import type { LabwareState, WellState } from './labware.ts';
import { pyFloat } from './pyfloat.ts';

interface WellLedger {
  lw: LabwareState;
  well: WellState;
  volumeIn: number;
  volumeOut: number;
  /** Known content (only meaningful when `tracked`). */
  volume: number;
  tracked: boolean;
  /** The first ledger event was a dispense, so the well is taken to have started empty. */
  startKnown: boolean;
  history: WellLiquidHistory['events'];
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

export class LiquidLedger {
  readonly warnings: LiquidWarning[] = [];
  private readonly wells = new Map<string, WellLedger>();

  private entry(lw: LabwareState, well: WellState): WellLedger {
    const key = `${lw.id}\u0000${well.name}`;
    let e = this.wells.get(key);
    if (e === undefined) {
      e = { lw, well, volumeIn: 0, volumeOut: 0, volume: 0, tracked: false, startKnown: false, history: [] };
      this.wells.set(key, e);
    }
    return e;
  }

  aspirate(lw: LabwareState, well: WellState, volume: number, commandIndex: number): void {
    const e = this.entry(lw, well);
    e.volumeOut += volume;
    if (e.tracked) {
      if (volume > e.volume + EPS) {
        this.warnings.push({
          kind: 'aspirate-more-than-well-holds',
          commandIndex,
          message: `Aspirating ${pyFloat(volume)} uL from ${well.displayName}, which holds only ${pyFloat(round6(e.volume))} uL`,
          well: well.displayName,
        });
      }
      e.volume = Math.max(0, e.volume - volume);
    }
    e.history.push({ commandIndex, change: -round6(volume), volume: e.tracked ? round6(e.volume) : null });
  }

  dispense(lw: LabwareState, well: WellState, volume: number, commandIndex: number): void {
    const e = this.entry(lw, well);
    knownIfFirst(e);
    e.volumeIn += volume;
    const before = e.volume;
    e.volume += volume;
    e.history.push({ commandIndex, change: round6(volume), volume: e.tracked ? round6(e.volume) : null });
    if (e.volume > well.maxVolume + EPS && before <= well.maxVolume + EPS) {
      this.warnings.push({
        kind: 'dispense-over-well-capacity',
        commandIndex,
        message: `Dispensing ${pyFloat(volume)} uL into ${well.displayName} brings it to ${pyFloat(round6(e.volume))} uL, over its capacity of ${pyFloat(well.maxVolume)} uL`,
        well: well.displayName,
      });
    }
  }

  /** A liquid loaded into a well (`loadLiquid`): its starting content is known from then on. */
  load(lw: LabwareState, well: WellState, volume: number): void {
    const e = this.entry(lw, well);
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
    return [...this.wells.values()].map((e) => ({ slot: e.lw.slot, well: e.well.name, events: e.history.map((h) => ({ ...h })) }));
  }

  summary(): WellLiquidSummary[] {
    const out: WellLiquidSummary[] = [];
    for (const e of this.wells.values()) {
      out.push({
        labware: e.lw.label ?? e.lw.def.metadata.displayName,
        slot: e.lw.slot,
        well: e.well.name,
        volumeIn: round6(e.volumeIn),
        volumeOut: round6(e.volumeOut),
        finalVolume: e.startKnown ? round6(e.volume) : null,
        capacity: e.well.maxVolume,
      });
    }
    return out;
  }
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
