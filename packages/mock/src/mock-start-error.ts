/** Thrown by `startMock` when Prism does not start; the message includes Prism's own message. */
export class MockStartError extends Error {
  override readonly name = "MockStartError";
  /** Prism's exit code, or `undefined` if it was still running (timeout) or never spawned. */
  readonly exitCode: number | undefined;
  /** Everything Prism printed before it failed, without colours. */
  readonly output: string;

  constructor(
    message: string,
    details: { exitCode?: number | undefined; output: string; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.exitCode = details.exitCode;
    this.output = details.output;
  }
}
