// The library's refusals. The HTTP layer maps each to the original's error shape
// (server/errors.ts); the CLI prints their messages.
import type { LabwareIssue } from '../definitions/index.ts';
import { ResourceNotFoundError } from '../common/index.ts';

/** One or more candidates were refused; nothing was stored. `index` is the candidate's position. */
export class InvalidLabwareError extends Error {
  constructor(readonly problems: readonly { index: number; issue: LabwareIssue }[]) {
    super(problems.map((p) => `${p.issue.pointer || '/'}: ${p.issue.detail}`).join('; '));
    this.name = 'InvalidLabwareError';
  }
}

/** A definition with this URI is in the library with other content (delete it first). */
export class LabwareConflictError extends Error {
  constructor(readonly uri: string) {
    super(
      `Labware '${uri}' is already in the library with different content; ` +
        'delete it first, or give the new definition another version.',
    );
    this.name = 'LabwareConflictError';
  }
}

export class LabwareNotFoundError extends ResourceNotFoundError {
  constructor(readonly uri: string) {
    super('labware', uri);
    this.name = 'LabwareNotFoundError';
  }
}
