// The CLI's own errors: a one-line message and the exit code the shell sees.

/** Exit codes of the `mutinfo` command (documented in its help). */
export const EXIT = {
  ok: 0,
  /** Bad input data or a file that cannot be read. */
  data: 1,
  /** A bad command line: unknown option or column, bad option value. */
  usage: 2,
} as const;

/** An error meant for the user: printed as `mutinfo: message`, never with a stack unless --debug. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.data) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** A usage error (exit code 2). */
export function usage(message: string): CliError {
  return new CliError(message, EXIT.usage);
}
