/** The admin fetch client throws errors whose message is the API's `error.message`; anything else has none. */
export const apiErrorMessage = (error: unknown): string | undefined =>
  error instanceof Error && error.message ? error.message : undefined;
