// Custom labware for tests, made from a standard definition of the installed shared-data package
// under the lab's own namespace and load name.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const sharedData = path.dirname(require.resolve('@opentrons/shared-data/package.json'));

export type Definition = Record<string, unknown> & {
  namespace: string;
  version: number;
  parameters: Record<string, unknown> & { loadName: string };
  metadata: Record<string, unknown> & { displayName: string };
  wells: Record<string, Record<string, unknown>>;
  dimensions: Record<string, number>;
};

export function standardDefinition(loadName: string): Definition {
  return JSON.parse(readFileSync(path.join(sharedData, 'labware', 'definitions', '2', loadName, '1.json'), 'utf8')) as Definition;
}

/** A 6-tube rack as the lab's own definition `ourlab/<loadName>/<version>`. */
export function labDefinition(loadName = 'ourlab_6_tuberack_50ml', version = 1, displayName = 'Our Lab 6 Tube Rack 50 mL'): Definition {
  const def = standardDefinition('opentrons_6_tuberack_falcon_50ml_conical');
  return {
    ...def,
    namespace: 'ourlab',
    version,
    parameters: { ...def.parameters, loadName },
    metadata: { ...def.metadata, displayName },
    brand: { brand: 'Our Lab' },
  };
}

/** A multipart body of file parts, built by hand (for `app.inject`). */
export function multipartBody(files: { field: string; name: string; content: string | Uint8Array }[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----labwright-test-boundary';
  const chunks: Buffer[] = [];
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    chunks.push(Buffer.from(f.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures');

export function sharedDataFile(...parts: string[]): string {
  return path.join(sharedData, ...parts);
}
