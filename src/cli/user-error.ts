/**
 * A failure the user can act on (bad arguments, an unreadable store, evidence rejected with
 * --strict): the CLI prints its message alone, without a stack trace, and exits non-zero.
 */
export class UserError extends Error {
  override readonly name = 'UserError';

  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
  }
}
