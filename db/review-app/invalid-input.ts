/** Input to a review-app write that does not pass its schema; the message says what is wrong. */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
}
