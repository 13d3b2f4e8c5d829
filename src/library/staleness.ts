// Whether an analysis still says what a run would do after the library changed. A run looks
// labware up again, so an analysis is out of date when a lookup it made in the library would now
// find something else (or nothing), or when it failed and the library may now supply what was
// missing. Analyses that never touched the library and succeeded stay as they are.
import type { Analysis, CustomLabwareUse } from '../analysis/index.ts';
import { findLabwareDefinition, labwareUri } from '../definitions/index.ts';
import type { LibrarySnapshot } from './library.ts';

/** Why the analysis must be redone under `library`, or null when it still holds. */
export function staleReason(analysis: Analysis, library: LibrarySnapshot): string | null {
  for (const use of analysis.customLabware ?? []) {
    if (use.source !== 'library') continue;
    const { loadName, namespace, version } = use.requested;
    const found = findLabwareDefinition(loadName, namespace, version, [], library.definitions);
    if (!found.ok && found.error.type === 'RuntimeError') {
      return `labware ${use.uri}: the labware library now has several definitions for "${loadName}"`;
    }
    if (!found.ok || found.origin !== 'library') return `labware ${use.uri} is no longer in the labware library`;
    const uri = labwareUri(found.definition);
    if (uri !== use.uri) return `labware ${use.uri} would now be ${uri} from the labware library`;
    if (use.sha256 !== undefined && library.hashes.get(uri) !== use.sha256) return `labware ${use.uri} changed in the labware library`;
  }
  if (!analysis.ok) return 'the labware library changed after this analysis failed';
  return null;
}

/** The analysis with each library definition's content hash, as it was in `library`. */
export function withLibraryHashes(analysis: Analysis, library: LibrarySnapshot): Analysis {
  if (analysis.customLabware === undefined) return analysis;
  const customLabware: CustomLabwareUse[] = analysis.customLabware.map((use) => {
    const sha256 = use.source === 'library' ? library.hashes.get(use.uri) : undefined;
    return sha256 === undefined ? use : { ...use, sha256 };
  });
  return { ...analysis, customLabware };
}
