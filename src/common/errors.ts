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

/**
 * Uploaded files that cannot be read as a protocol at all (robot software 7's reading of JSON
 * protocols of schemas 6–8): the upload is refused, nothing is analysed. `detail` is the
 * original's `Error 4006 INVALID_PROTOCOL_DATA (<class>): <message>` text.
 */
export class ProtocolFilesInvalidError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'ProtocolFilesInvalidError';
  }
}

/** A protocol written for another robot (a Flex protocol on this OT-2): refused before analysis. */
export class ProtocolRobotTypeMismatchError extends Error {
  constructor() {
    super("This protocol is for Flex robots. It can't be analyzed or run on this robot, which is an OT-2.");
    this.name = 'ProtocolRobotTypeMismatchError';
  }
}
