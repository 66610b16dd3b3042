/** Secrets look like `scim_<random>`; the API keeps only their last four characters as a hint. */
export const maskSecret = (hint: string): string => `scim_••••••••${hint}`;
