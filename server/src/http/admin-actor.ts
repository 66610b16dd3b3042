import type { Context } from 'koa';

/** The admin who made a change, for the activity log. */
export const adminActor = (ctx: Context): string | null => {
  const user = ctx.state.user as { email?: string } | undefined;
  return user?.email ?? null;
};
