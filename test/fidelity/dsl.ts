// A few builders for expected run-log lines, in the exact wording of the spec (§10.4–§10.6).
// Expected logs are written out plan step by plan step from §8's rules; these helpers only spell
// the texts, so each expected file reads like the plan it checks.

/** Python's `str(float)` for the simple decimals used in the expected logs (`100` → `100.0`). */
export function fl(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

export const asp = (v: number, where: string, rate: number): string => `Aspirating ${fl(v)} uL from ${where} at ${fl(rate)} uL/sec`;
export const disp = (v: number, where: string, rate: number): string => `Dispensing ${fl(v)} uL into ${where} at ${fl(rate)} uL/sec`;
export const pick = (well: string): string => `Picking up tip from ${well}`;
export const drop = (where: string): string => `Dropping tip into ${where}`;
export const blow = (where: string): string => `Blowing out at ${where}`;
export const TRASH = 'A1 of Opentrons Fixed Trash on 12';
export const dropTrash = drop(TRASH);
export const blowTrash = blow(TRASH);
export const TOUCH = 'Touching tip';
export const AIR_GAP = 'Air gap';
export const RETURN = 'Returning tip';

/** Prefixes each line with `level` tabs (the simulator's printing of nesting). */
export function at(level: number, lines: readonly string[]): string[] {
  return lines.map((l) => '\t'.repeat(level) + l);
}

/** `mix(reps, v, where)` at `level`: the header, then reps × (aspirate, dispense) nested. */
export function mix(level: number, reps: number, v: number, where: string, aspRate: number, dispRate: number): string[] {
  const inner: string[] = [];
  for (let i = 0; i < Math.max(1, reps); i++) inner.push(asp(v, where, aspRate), disp(v, where, dispRate));
  return [...at(level, [`Mixing ${reps} times with a volume of ${fl(v)} ul`]), ...at(level + 1, inner)];
}

/** `air_gap(v)` at `level`: the header and its nested aspirate in the cached well. */
export function airGap(level: number, v: number, where: string, rate: number): string[] {
  return [...at(level, [AIR_GAP]), ...at(level + 1, [asp(v, where, rate)])];
}

/** `return_tip()` at `level`. */
export function returnTip(level: number, rackWell: string): string[] {
  return [...at(level, [RETURN]), ...at(level + 1, [drop(rackWell)])];
}

export function times<T>(n: number, f: (i: number) => T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(...f(i));
  return out;
}
