import type { ProtocolBundle } from '../common/index.ts';

export type DetectedKind = 'json' | 'python' | 'zip';

/** Decides how a protocol file is read, as the original does (python-protocol-api.md §1.1). */
export function detectProtocolKind(bundle: ProtocolBundle): DetectedKind {
  const name = bundle.protocolFile.name;
  if (name.endsWith('.zip')) return 'zip';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.py')) return 'python';
  const data = bundle.protocolFile.data;
  return data.length > 0 && data[0] === 0x7b /* '{' */ ? 'json' : 'python';
}
