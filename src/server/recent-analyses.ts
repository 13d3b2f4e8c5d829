// Analyses made lately, by analysis key, so that uploading files already analysed (the same
// protocol uploaded again for today's run, a client retrying) reuses the analysis instead of
// running the protocol again. The key covers everything an analysis depends on (the code, the
// files, the library, the runtime-parameter values; service/analysis-key.ts), and protocols that
// read the clock or randomness are never kept, as with a session's reuse of its protocol's analysis.
import type { Analysis } from '../analysis/index.ts';

export interface RecentAnalysesLimits {
  /** How many analyses are kept at most. */
  entries: number;
  /** Run-log entries plus commands over all kept analyses: bounds the memory they hold. */
  items: number;
}

export const DEFAULT_RECENT_ANALYSES: RecentAnalysesLimits = { entries: 64, items: 200_000 };

const sizeOf = (analysis: Analysis): number => analysis.runLog.length + (analysis.commands?.length ?? 0);

/** Least recently used first out, within both limits. */
export class RecentAnalyses {
  private readonly kept = new Map<string, Analysis>();
  private items = 0;

  constructor(private readonly limits: RecentAnalysesLimits = DEFAULT_RECENT_ANALYSES) {}

  get(key: string): Analysis | null {
    const analysis = this.kept.get(key);
    if (analysis === undefined) return null;
    // Used again: now the most recent.
    this.kept.delete(key);
    this.kept.set(key, analysis);
    return analysis;
  }

  remember(key: string, analysis: Analysis): void {
    if (analysis.reproducible === false) return;
    const size = sizeOf(analysis);
    if (size > this.limits.items) return;
    this.forget(key);
    this.kept.set(key, analysis);
    this.items += size;
    for (const [oldest, kept] of this.kept) {
      if (this.kept.size <= this.limits.entries && this.items <= this.limits.items) break;
      this.kept.delete(oldest);
      this.items -= sizeOf(kept);
    }
  }

  private forget(key: string): void {
    const analysis = this.kept.get(key);
    if (analysis === undefined) return;
    this.kept.delete(key);
    this.items -= sizeOf(analysis);
  }

  get size(): number {
    return this.kept.size;
  }
}
