/**
 * The secret in an Authorization header: `Bearer <secret>`, or the bare secret, which Okta's "HTTP Header"
 * authentication mode can send without the scheme.
 */
export const presentedSecret = (authorization: string | undefined): string | null => {
  const value = authorization?.trim();
  if (!value) return null;
  const bearer = /^bearer\s+(\S+)$/i.exec(value);
  if (bearer) return bearer[1];
  return /\s/.test(value) ? null : value;
};
