/** Secrets look like `scim_<random>`; the API keeps only their last four characters as a hint. */
export const maskSecret = (hint: string): string => `scim_••••••••${hint}`;

/** What the panel calls a secret: its label, else its masked form. */
export const secretName = (secret: { label: string | null; hint: string }): string =>
  secret.label ?? maskSecret(secret.hint);
