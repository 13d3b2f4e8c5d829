// Errors that several layers raise alike. The original words a missing resource one way for every
// kind (protocols, sessions, labware); the text lives here once and each layer names its kind.

/** A resource of `resourceType` with this id does not exist. */
export class ResourceNotFoundError extends Error {
  constructor(
    readonly resourceType: string,
    readonly resourceId: string,
  ) {
    super(`Resource type '${resourceType}' with id '${resourceId}' was not found`);
    this.name = 'ResourceNotFoundError';
  }
}
