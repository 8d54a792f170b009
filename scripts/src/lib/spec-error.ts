/**
 * A problem with a spec or with the user's input to the spec tooling. CLIs print its message
 * (no stack) and exit with status 1.
 */
export class SpecError extends Error {
  override name = "SpecError";
}
