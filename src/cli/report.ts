// Turns an Analysis into what the CLI prints: the --json document and the human summary.
import type { Analysis, RunLogEntry } from '../analysis/index.ts';
import { completedAnalysis, robotServerCommands } from '../analysis/index.ts';
import { featuresAt } from '../engine/index.ts';

/** One line per run-log entry, indented with tabs by nesting as the original's simulator prints. */
export function runLogLines(entries: readonly RunLogEntry[]): string[] {
  return entries.map((e) => '\t'.repeat(e.level) + e.text);
}

/**
 * The simulator's run log: `runLogLines`, each entry followed by the logger records attached to
 * it, with the entry's indentation (robot software 7.5.0, spec A.2.4).
 */
export function simulatorLines(entries: readonly RunLogEntry[]): string[] {
  const lines: string[] = [];
  for (const e of entries) {
    const indent = '\t'.repeat(e.level);
    lines.push(indent + e.text);
    if (e.logs === undefined || e.logs.length === 0) continue;
    lines.push(`${indent}Logs from this command:`);
    for (const r of e.logs) lines.push(`${indent}${r.level} (${r.module}): ${r.message}`);
  }
  return lines;
}

/** The `analyze --json` document (README "analyze --json"). */
export function analysisDocument(analysis: Analysis, createdAt = new Date().toISOString()) {
  return {
    ok: analysis.ok,
    protocolType: analysis.protocolType,
    metadata: analysis.metadata,
    requiredEquipment: {
      pipettes: analysis.requiredEquipment.pipettes,
      labware: analysis.requiredEquipment.labware.map(({ label, uri, location }) => ({ label, uri, location })),
      modules: analysis.requiredEquipment.modules,
    },
    errors: analysis.errors,
    warnings: analysis.warnings,
    commandCount: analysis.commandCount,
    estimatedDurationSeconds: analysis.estimatedDurationSeconds,
    runLog: runLogLines(analysis.runLog),
    // Where each custom (non-opentrons) labware came from: the protocol or the labware library.
    customLabware: (analysis.customLabware ?? []).map(({ uri, source }) => ({ uri, source })),
    // The engine's commands as robot-server 7 lists them in an analysis, timed from this run.
    commands: robotServerCommands(analysis.commands ?? [], createdAt, analysis.engineRun !== undefined),
    // Runtime parameters (apiLevel 2.18), in robot-server 7's shape: only for a protocol that defines some.
    ...(analysis.runTimeParameters !== undefined ? { runTimeParameters: analysis.runTimeParameters } : {}),
    // JSON v6–8: the rest of robot-server 7's analysis record, from the engine's state at the end.
    ...(analysis.engineRun !== undefined ? engineRecord(analysis, createdAt) : {}),
    // Python: the errors as robot software 7's error occurrences (spec Part D).
    ...(analysis.engineRun === undefined && analysis.errorOccurrences !== undefined
      ? { analysisErrors: completedAnalysis(analysis, { id: 'analysis', createdAt }).errors }
      : {}),
  };
}

function engineRecord(analysis: Analysis, createdAt: string) {
  const record = completedAnalysis(analysis, { id: 'analysis', createdAt });
  return { result: record.result, labware: record.labware, pipettes: record.pipettes, modules: record.modules, liquids: record.liquids, analysisErrors: record.errors };
}

export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${m} min ${s} s`;
  if (m > 0) return `${m} min ${s} s`;
  return `${seconds < 10 ? seconds.toFixed(1) : s} s`;
}

/** Whether a protocol ran on the Protocol Engine runtime (apiLevel ≥ 2.14). */
function onEngineCore(apiLevel: string | null): boolean {
  const level = /^(\d+)\.(\d+)$/.exec(apiLevel ?? '');
  return level !== null && featuresAt([Number(level[1]), Number(level[2])]).engineCore;
}

/**
 * The error lines: from apiLevel 2.14 the first error occurrence's `detail`, as
 * `opentrons_simulate` prints it (spec D.2); below, each 4.x error with its line.
 */
function errorLines(analysis: Analysis): string[] {
  const first = analysis.errorOccurrences?.[0];
  if (first !== undefined && onEngineCore(analysis.metadata.apiLevel)) return [`  ${first.detail}`];
  return analysis.errors.map(errorLine);
}

function errorLine(e: Analysis['errors'][number]): string {
  const where = [e.fileName, e.lineNumber != null ? `line ${e.lineNumber}` : null].filter(Boolean).join(', ');
  return `  ${e.type}${where ? ` (${where})` : ''}: ${e.description}`;
}

/** The human-readable report of `analyze` (without --json). */
export function analysisText(analysis: Analysis, file: string): string {
  const out: string[] = [];
  const { metadata, requiredEquipment: eq } = analysis;
  out.push(`${file}: ${analysis.protocolType} protocol, apiLevel ${metadata.apiLevel ?? '-'}`);
  if (metadata.name) out.push(`  name:   ${metadata.name}`);
  if (metadata.author) out.push(`  author: ${metadata.author}`);
  out.push('Pipettes:');
  for (const p of eq.pipettes) out.push(`  ${p.mount}: ${p.pipetteName} (${p.channels} channel${p.channels > 1 ? 's' : ''})`);
  if (eq.pipettes.length === 0) out.push('  none');
  out.push('Labware:');
  const sources = new Map((analysis.customLabware ?? []).map((u) => [u.uri, u.source]));
  for (const l of eq.labware) {
    const source = sources.get(l.uri);
    out.push(`  slot ${l.location}: ${l.label} (${l.uri})${source === undefined ? '' : `, from the ${source === 'library' ? 'labware library' : 'protocol'}`}`);
  }
  if (eq.labware.length === 0) out.push('  none');
  out.push('Modules:');
  for (const m of eq.modules) out.push(`  slot ${m.location}: ${m.model}`);
  if (eq.modules.length === 0) out.push('  none');
  if (analysis.runTimeParameters !== undefined) {
    out.push('Runtime parameters:');
    for (const p of analysis.runTimeParameters) {
      const given = p.value === p.default ? '' : ` (default ${JSON.stringify(p.default)})`;
      out.push(`  ${p.variableName} = ${JSON.stringify(p.value)}${given}`);
    }
  }
  out.push(summaryText(analysis));
  return out.join('\n');
}

/** The closing summary shared by `analyze` and `simulate`. */
export function summaryText(analysis: Analysis): string {
  const out: string[] = [];
  out.push(`Commands: ${analysis.commandCount}`);
  out.push(`Estimated duration: ${formatDuration(analysis.estimatedDurationSeconds)}`);
  out.push(`Warnings: ${analysis.warnings.length}`);
  for (const w of analysis.warnings) out.push(`  [command ${w.commandIndex}] ${w.message}`);
  if (analysis.errors.length > 0) {
    out.push(`Errors: ${analysis.errors.length}`);
    out.push(...errorLines(analysis));
  } else {
    out.push('Errors: none');
  }
  return out.join('\n');
}
