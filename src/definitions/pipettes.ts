// OT-2 pipette specs from pipetteNameSpecs.json / pipetteModelSpecs.json (spec §7, §13.1).
import { readSharedJson } from './read.ts';

export const OT2_PIPETTE_NAMES: readonly string[] = [
  'p10_single', 'p10_multi', 'p20_single_gen2', 'p20_multi_gen2', 'p50_single', 'p50_multi',
  'p300_single', 'p300_multi', 'p300_single_gen2', 'p300_multi_gen2', 'p1000_single', 'p1000_single_gen2',
];

interface RawFlowRate {
  value: number;
  valuesByApiLevel?: Record<string, number>;
}

interface RawNameSpec {
  displayName: string;
  defaultTipracks?: string[];
  channels: number;
  minVolume: number;
  maxVolume: number;
  defaultAspirateFlowRate: RawFlowRate;
  defaultDispenseFlowRate: RawFlowRate;
  defaultBlowOutFlowRate: RawFlowRate;
  smoothieConfigs: { homePosition: number; travelDistance: number; stepsPerMM: number };
}

type UlPerMmTable = [number, number, number][];

interface RawModelSpec {
  name: string;
  backCompatNames?: string[];
  nozzleOffset: [number, number, number];
  ulPerMm: { aspirate: UlPerMmTable; dispense: UlPerMmTable }[];
  tipOverlap: Record<string, number>;
  tipLength: { value: number };
  returnTipHeight?: number;
  quirks?: string[];
  pickUpPresses: { value: number };
  pickUpIncrement: { value: number };
  pickUpDistance: { value: number };
  pickUpSpeed: { value: number };
  dropTipSpeed: { value: number };
  top: { value: number };
  bottom: { value: number };
  blowout: { value: number };
  dropTip: { value: number };
  pickUpCurrent: { value: number };
  plungerCurrent: { value: number };
  dropTipCurrent: { value: number };
  modelOffset: [number, number, number];
}

/** A configuration value as 4.7's `pipette_config.load` gives it, with its Python type. */
export type ConfigValue = { float: number } | number | string | boolean | null | readonly unknown[] | Readonly<Record<string, unknown>>;

export interface FlowRates {
  aspirate: number;
  dispense: number;
  blowOut: number;
}

export interface PipetteSpec {
  name: string;
  model: string;
  displayName: string;
  channels: number;
  minVolume: number;
  maxVolume: number;
  backCompatNames: readonly string[];
  nozzleOffset: readonly [number, number, number];
  /**
   * The model's `modelOffset`: the critical point the 4.x hardware controller used (25 mm below
   * `nozzleOffset` in Z), so its max heights under an uncalibrated (simulated) robot.
   */
  modelOffset: readonly [number, number, number];
  /** Z home of the mount with this pipette (`smoothieConfigs.homePosition`; the max-height base). */
  homePosition: number;
  tipOverlap: Readonly<Record<string, number>>;
  /** Tip length used when no tip rack is known. */
  fallbackTipLength: number;
  returnTipHeight: number;
  quirks: readonly string[];
  pickUpPresses: number;
  pickUpIncrement: number;
  pickUpDistance: number;
  pickUpSpeed: number;
  dropTipSpeed: number;
  /** Plunger positions (mm). */
  plunger: { top: number; bottom: number; blowout: number; dropTip: number };
  ulPerMm: { aspirate: UlPerMmTable; dispense: UlPerMmTable };
  /**
   * The hardware controller's `PipetteConfig` for this model, field by field in 4.7's order
   * (`_attached_instruments[mount].config`); mutable settings typed "float" keep Python floats.
   */
  hardwareConfig: ReadonlyArray<readonly [string, ConfigValue]>;
  /** Default flow rates for an apiLevel: the highest listed level ≤ it. */
  defaultFlowRates(apiLevel: readonly [number, number]): FlowRates;
}

const specCache = new Map<string, PipetteSpec | null>();

function parseLevel(s: string): [number, number] {
  const [a, b] = s.split('.');
  return [Number(a), Number(b)];
}

function flowRateFor(raw: RawFlowRate, level: readonly [number, number]): number {
  const byLevel = raw.valuesByApiLevel;
  if (!byLevel) return raw.value;
  let best: [number, number] | null = null;
  let value = raw.value;
  for (const [k, v] of Object.entries(byLevel)) {
    const l = parseLevel(k);
    const le = l[0] < level[0] || (l[0] === level[0] && l[1] <= level[1]);
    if (le && (best === null || l[0] > best[0] || (l[0] === best[0] && l[1] > best[1]))) {
      best = l;
      value = v;
    }
  }
  return value;
}

/** The model simulated for a name: GEN2 `{base}_v2.0`, GEN1 `{name}_v1` (spec §7.1 step 4). */
export function simulatedModelFor(name: string): string {
  return name.endsWith('_gen2') ? `${name.slice(0, -'_gen2'.length)}_v2.0` : `${name}_v1`;
}

export function pipetteSpec(name: string): PipetteSpec | null {
  if (specCache.has(name)) return specCache.get(name) ?? null;
  let spec: PipetteSpec | null = null;
  if (OT2_PIPETTE_NAMES.includes(name)) {
    const names = readSharedJson('pipette', 'definitions', '1', 'pipetteNameSpecs.json') as Record<string, RawNameSpec>;
    const models = readSharedJson('pipette', 'definitions', '1', 'pipetteModelSpecs.json') as {
      config: Record<string, RawModelSpec>;
    };
    const n = names[name];
    const model = simulatedModelFor(name);
    const m = models.config[model];
    if (n && m) {
      spec = {
        name,
        model,
        displayName: n.displayName,
        channels: n.channels,
        minVolume: n.minVolume,
        maxVolume: n.maxVolume,
        backCompatNames: m.backCompatNames ?? [],
        nozzleOffset: m.nozzleOffset,
        modelOffset: m.modelOffset,
        homePosition: n.smoothieConfigs.homePosition,
        tipOverlap: m.tipOverlap,
        fallbackTipLength: m.tipLength.value,
        returnTipHeight: m.returnTipHeight ?? 0.5,
        quirks: m.quirks ?? [],
        pickUpPresses: m.pickUpPresses.value,
        pickUpIncrement: m.pickUpIncrement.value,
        pickUpDistance: m.pickUpDistance.value,
        pickUpSpeed: m.pickUpSpeed.value,
        dropTipSpeed: m.dropTipSpeed.value,
        plunger: { top: m.top.value, bottom: m.bottom.value, blowout: m.blowout.value, dropTip: m.dropTip.value },
        ulPerMm: m.ulPerMm[m.ulPerMm.length - 1],
        hardwareConfig: hardwareConfig(model, m, n),
        defaultFlowRates: (level) => ({
          aspirate: flowRateFor(n.defaultAspirateFlowRate, level),
          dispense: flowRateFor(n.defaultDispenseFlowRate, level),
          blowOut: flowRateFor(n.defaultBlowOutFlowRate, level),
        }),
      };
    }
  }
  specCache.set(name, spec);
  return spec;
}

/** A mutable setting (`{value, type}`): its value, a Python float where the definition says so. */
function setting(raw: unknown): ConfigValue {
  const entry = raw as { value: number; type?: string };
  return entry.type === 'float' ? { float: entry.value } : entry.value;
}

function floatOf(raw: { value: number }): ConfigValue {
  return { float: raw.value };
}

function hardwareConfig(model: string, m: RawModelSpec, n: RawNameSpec): ReadonlyArray<readonly [string, ConfigValue]> {
  const raw = m as unknown as Record<string, unknown>;
  const byLevel = (r: RawFlowRate): Record<string, number> => r.valuesByApiLevel ?? { '2.0': r.value };
  return [
    ['top', setting(raw.top)],
    ['bottom', setting(raw.bottom)],
    ['blow_out', setting(raw.blowout)],
    ['drop_tip', setting(raw.dropTip)],
    ['pick_up_current', setting(raw.pickUpCurrent)],
    ['pick_up_distance', setting(raw.pickUpDistance)],
    ['pick_up_increment', setting(raw.pickUpIncrement)],
    ['pick_up_presses', setting(raw.pickUpPresses)],
    ['pick_up_speed', setting(raw.pickUpSpeed)],
    ['aspirate_flow_rate', floatOf(n.defaultAspirateFlowRate)],
    ['dispense_flow_rate', floatOf(n.defaultDispenseFlowRate)],
    ['channels', n.channels],
    ['model_offset', m.modelOffset],
    ['plunger_current', setting(raw.plungerCurrent)],
    ['drop_tip_current', setting(raw.dropTipCurrent)],
    ['drop_tip_speed', setting(raw.dropTipSpeed)],
    ['min_volume', n.minVolume],
    ['max_volume', n.maxVolume],
    ['ul_per_mm', m.ulPerMm[m.ulPerMm.length - 1]],
    ['quirks', m.quirks ?? []],
    ['tip_overlap', m.tipOverlap],
    ['tip_length', setting(raw.tipLength)],
    ['display_name', n.displayName],
    ['name', m.name],
    ['back_compat_names', m.backCompatNames ?? []],
    ['return_tip_height', m.returnTipHeight ?? 0.5],
    ['blow_out_flow_rate', floatOf(n.defaultBlowOutFlowRate)],
    ['max_travel', n.smoothieConfigs.travelDistance],
    ['home_position', n.smoothieConfigs.homePosition],
    ['steps_per_mm', n.smoothieConfigs.stepsPerMM],
    ['default_blow_out_flow_rates', byLevel(n.defaultBlowOutFlowRate)],
    ['default_aspirate_flow_rates', byLevel(n.defaultAspirateFlowRate)],
    ['default_dispense_flow_rates', byLevel(n.defaultDispenseFlowRate)],
    ['model', model],
  ];
}

/** µL per mm of plunger travel at a volume (piecewise-linear table; spec §7.3). */
export function ulPerMm(table: UlPerMmTable, volume: number): number {
  for (const [maxVol, slope, intercept] of table) {
    if (volume <= maxVol) return slope * volume + intercept;
  }
  const last = table[table.length - 1];
  return last[1] * volume + last[2];
}
