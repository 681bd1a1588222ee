/**
 * An error caused by the user's input or environment (bad URL, missing browser, private target…):
 * the CLI prints its message without a stack trace and exits 1.
 */
export class UserError extends Error {
  override name = 'UserError';
}
