// Errors the command line turns into a message and an exit code. Kept apart from the commands that
// throw them, so main.ts can recognise them without loading those commands' modules (the labware
// commands open the data folder's database; analyze must not load that).

/** A refusal of the labware library's: printed, exit code 1. */
export class LibraryRefusal extends Error {}
