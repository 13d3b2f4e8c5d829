// A loaded labware: definition, placement, display names, well geometry and tip/ledger state.
import type { LabwareDefinition, LabwareInfo, Point, WellInfo } from './types.ts';

export interface WellState {
  readonly name: string;
  readonly index: number;
  readonly displayName: string;
  /** Top centre in deck coordinates. */
  readonly top: Point;
  readonly depth: number;
  readonly shape: 'circular' | 'rectangular';
  readonly diameter: number | null;
  readonly xDim: number | null;
  readonly yDim: number | null;
  readonly maxVolume: number;
  /** Column index (in `columns`) and row position inside it. */
  readonly column: number;
  readonly rowInColumn: number;
}

/**
 * Tip presence per well of a tip rack (1: a tip), read-only outside the labware store. A
 * `Uint8Array` in the record: the hot pick-up path reads it by index.
 */
export interface TipPresence {
  readonly [index: number]: number;
  readonly length: number;
}

export interface LabwareState {
  readonly id: string;
  readonly def: LabwareDefinition;
  readonly label: string | null;
  readonly displayName: string;
  readonly slot: string;
  readonly moduleId: string | null;
  readonly parentDisplay: string;
  readonly origin: Point;
  readonly wells: readonly WellState[];
  readonly byName: ReadonlyMap<string, WellState>;
  /** Columns of well indices, sorted by column number, each in definition order. */
  readonly columns: readonly (readonly number[])[];
  readonly isTiprack: boolean;
  readonly fixedTrash: boolean;
  readonly touchTipDisabled: boolean;
  readonly centerMultichannel: boolean;
  readonly highestZ: number;
  /** Tip presence per well (tip racks; all true at load). */
  readonly hasTip: TipPresence;
  /** `Labware.set_offset(x, y, z)` (2.12): the calibration offset positions are shifted by. */
  readonly calibrationOffset?: Point;
}

function rowLetters(name: string): string {
  return /^[A-Z]+/.exec(name)?.[0] ?? name;
}
function colNumber(name: string): number {
  return Number(/[0-9]+$/.exec(name)?.[0] ?? 0);
}

export function buildLabware(
  id: string,
  def: LabwareDefinition,
  label: string | null,
  slot: string,
  moduleId: string | null,
  parentDisplay: string,
  parentPoint: Point,
  bareName = false,
): LabwareState {
  const c = def.cornerOffsetFromSlot;
  const origin = { x: parentPoint.x + c.x, y: parentPoint.y + c.y, z: parentPoint.z + c.z };
  // The Protocol Engine's labware prints without its place (`str(labware)`, a Location tied to
  // it); its wells still name it (`A1 of My Plate on slot 2`).
  const placed = `${label ?? def.metadata.displayName} on ${parentDisplay}`;
  const displayName = bareName ? (label ?? def.metadata.displayName) : placed;
  const names = def.ordering.flat();
  // Columns sorted by integer column number; wells keep definition order inside a column.
  const colMap = new Map<number, number[]>();
  const wells: WellState[] = [];
  const byName = new Map<string, WellState>();
  names.forEach((name, index) => {
    const col = colNumber(name);
    let list = colMap.get(col);
    if (!list) colMap.set(col, (list = []));
    list.push(index);
  });
  const sortedCols = [...colMap.keys()].sort((a, b) => a - b);
  const columns = sortedCols.map((k) => colMap.get(k) ?? []);
  const colOf = new Map<number, [number, number]>();
  columns.forEach((col, ci) => col.forEach((wi, ri) => colOf.set(wi, [ci, ri])));
  names.forEach((name, index) => {
    const w = def.wells[name];
    const [column, rowInColumn] = colOf.get(index) ?? [0, 0];
    const circular = w.shape === 'circular';
    const state: WellState = {
      name,
      index,
      displayName: `${name} of ${placed}`,
      top: { x: origin.x + w.x, y: origin.y + w.y, z: origin.z + w.z + w.depth },
      depth: w.depth,
      shape: circular ? 'circular' : 'rectangular',
      diameter: circular ? (w.diameter ?? null) : null,
      xDim: circular ? null : (w.xDimension ?? null),
      yDim: circular ? null : (w.yDimension ?? null),
      maxVolume: w.totalLiquidVolume,
      column,
      rowInColumn,
    };
    wells.push(state);
    byName.set(name, state);
  });
  const quirks = def.parameters.quirks ?? [];
  const isTiprack = def.parameters.isTiprack === true;
  const hasTip = new Uint8Array(isTiprack ? wells.length : 0).fill(1);
  return {
    id,
    def,
    label,
    displayName,
    slot,
    moduleId,
    parentDisplay,
    origin,
    wells,
    byName,
    columns,
    isTiprack,
    fixedTrash: quirks.includes('fixedTrash'),
    touchTipDisabled: quirks.includes('touchTipDisabled'),
    centerMultichannel: quirks.includes('centerMultichannelOnWells'),
    highestZ: origin.z + def.dimensions.zDimension,
    hasTip,
  };
}

/** A labware record rebuilt where it moved to, with the tips it had before. */
export function withTips(lw: LabwareState, tips: TipPresence): LabwareState {
  return { ...lw, hasTip: Uint8Array.from(tips as ArrayLike<number>) };
}

/** A labware is an adapter when its definition gives it that role (`allowedRoles`). */
export function isAdapter(def: LabwareDefinition): boolean {
  return (def.allowedRoles ?? []).includes('adapter');
}

/**
 * The views' form of each labware, built on first use. A memo, not state: valid while the
 * record's origin and definition are the ones it was built from (an offset or a tip length
 * replaces them; a move builds a new record).
 */
const infos = new WeakMap<LabwareState, LabwareInfo>();

export function labwareInfo(lw: LabwareState): LabwareInfo {
  const known = infos.get(lw);
  if (known !== undefined && known.origin === lw.origin && known.definition === lw.def) return known;
  const def = lw.def;
  const wells: WellInfo[] = lw.wells.map((w) => ({
    name: w.name,
    top: w.top,
    bottom: { x: w.top.x, y: w.top.y, z: w.top.z - w.depth },
    center: { x: w.top.x, y: w.top.y, z: w.top.z - w.depth / 2 },
    depth: w.depth,
    shape: w.shape,
    diameter: w.diameter,
    length: w.xDim,
    width: w.yDim,
    maxVolume: w.maxVolume,
    displayName: w.displayName,
  }));
  // rows(): sorted by row letter string; each row's wells in definition order.
  const rowMap = new Map<string, string[]>();
  for (const w of lw.wells) {
    const r = rowLetters(w.name);
    let list = rowMap.get(r);
    if (!list) rowMap.set(r, (list = []));
    list.push(w.name);
  }
  const rows = [...rowMap.keys()].sort().map((k) => rowMap.get(k) ?? []);
  const p = def.parameters;
  const info: LabwareInfo = {
    labwareId: lw.id,
    displayName: lw.displayName,
    name: lw.label ?? p.loadName,
    label: lw.label,
    loadName: p.loadName,
    namespace: def.namespace,
    version: def.version,
    uri: `${def.namespace}/${p.loadName}/${def.version}`,
    slot: lw.slot,
    moduleId: lw.moduleId,
    parentDisplay: lw.parentDisplay,
    parameters: p,
    quirks: p.quirks ?? [],
    isTiprack: lw.isTiprack,
    tipLength: typeof p.tipLength === 'number' ? p.tipLength : null,
    magdeckEngageHeight:
      p.isMagneticModuleCompatible === true && typeof p.magneticModuleEngageHeight === 'number'
        ? p.magneticModuleEngageHeight
        : null,
    highestZ: lw.highestZ,
    origin: lw.origin,
    wellNames: lw.wells.map((w) => w.name),
    rows,
    columns: lw.columns.map((col) => col.map((i) => lw.wells[i].name)),
    wells,
    definition: def,
  };
  infos.set(lw, info);
  return info;
}

/**
 * `Labware.next_tip(num_tips, starting_tip)` (spec §7.6): first column (from the starting tip's)
 * whose unbroken run of tips, after skipping used ones at its top, is at least `numTips` long.
 */
export function nextTip(lw: LabwareState, numTips: number, startWell: WellState | null): WellState | null {
  const cols = lw.columns;
  let ci = 0;
  let startRow = 0;
  if (startWell) {
    ci = startWell.column;
    startRow = startWell.rowInColumn;
  }
  for (; ci < cols.length; ci++) {
    const col = cols[ci];
    let r = ci === (startWell ? startWell.column : -1) ? startRow : 0;
    while (r < col.length && lw.hasTip[col[r]] === 0) r++;
    let run = 0;
    while (r + run < col.length && lw.hasTip[col[r + run]] === 1) run++;
    if (run > 0 && run >= numTips) return lw.wells[col[r]];
  }
  return null;
}

/** The default engagement height a labware's definition gives the Magnetic Module, or null. */
export function magneticEngageHeight(lw: LabwareState | undefined): number | null {
  const p = lw?.def.parameters;
  return p && p.isMagneticModuleCompatible === true && typeof p.magneticModuleEngageHeight === 'number' ? p.magneticModuleEngageHeight : null;
}
