// Command records as an analysis keeps them, each command shown as its own `report` says (a load
// answers with the new item's id). Built at the end of every job, so it copies nothing it need
// not: Python's float markers stay until an analysis is rendered (withoutFloatMarkers).
import type { AnalysisCommand } from '../../common/index.ts';
import { commandDefinition } from './catalogue.ts';
import type { CommandRecord } from './command.ts';

/** `{float: 2}` (Python's `2.0`, kept so texts print it) is just the number 2 outside the engine. */
export function withoutFloatMarkers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutFloatMarkers);
  if (value === null || typeof value !== 'object') return value === undefined ? null : value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0][0] === 'float' && typeof entries[0][1] === 'number') return entries[0][1];
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) if (item !== undefined) out[key] = withoutFloatMarkers(item);
  return out;
}

export function reportCommands(records: readonly CommandRecord[]): AnalysisCommand[] {
  return records.map((record) => {
    const report = commandDefinition(record.commandType)?.report;
    const shown = report !== undefined && record.status === 'succeeded' ? report(record.params, record.result) : { params: record.params, result: record.result };
    return {
      id: record.id,
      commandType: record.commandType,
      params: shown.params,
      status: record.status,
      result: record.status === 'succeeded' ? (shown.result ?? null) : null,
      error: record.error === null ? null : { errorType: record.error.errorType, detail: record.error.detail },
      ...(record.error?.errorCode !== undefined ? { errorCode: record.error.errorCode } : {}),
      startedAt: record.startedAt,
      completedAt: record.completedAt,
      parentId: record.parentId,
    };
  });
}
