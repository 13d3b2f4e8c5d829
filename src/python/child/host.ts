// The engine side of the Python bridge (placeholder until the engine's public API lands).
import type { LiquidWarning, RequiredEquipment, RunLogEntry, WellLiquidSummary } from '../../analysis/types.ts';

export interface HostOptions {
  mode: 'analyze' | 'run';
  customLabware: Record<string, unknown>[];
  onStep: ((entries: readonly RunLogEntry[]) => void) | null;
  onParsed: (rawMetadata: Record<string, string>, apiLevel: string) => void;
}

export interface HostOutcome {
  runLog: RunLogEntry[];
  requiredEquipment: RequiredEquipment;
  warnings: LiquidWarning[];
  liquids: WellLiquidSummary[];
  estimatedDurationSeconds: number;
}

export interface Host {
  call(request: string): string;
  finish(ok: boolean): HostOutcome;
}

interface Request {
  op: string;
  args: Record<string, unknown>;
  line: number | null;
}

export function createHost(options: HostOptions): Host {
  return {
    call(requestJson) {
      const request = JSON.parse(requestJson) as Request;
      if (request.op === 'parsed') {
        options.onParsed(request.args.metadata as Record<string, string>, String(request.args.apiLevel));
        return JSON.stringify({ result: null });
      }
      if (request.op === 'home') return JSON.stringify({ result: null });
      return JSON.stringify({ error: { type: 'NotImplementedError', message: `${request.op} is not available yet` } });
    },
    finish() {
      return { runLog: [], requiredEquipment: { pipettes: [], labware: [], modules: [] }, warnings: [], liquids: [], estimatedDurationSeconds: 0 };
    },
  };
}
