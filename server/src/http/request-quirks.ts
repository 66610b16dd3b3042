import type { Context } from 'koa';
import { QuirkLog } from '../scim/quirks';

/**
 * The one QuirkLog of a SCIM request: authentication, query parsing, body validation and PATCH all fire into it,
 * and a write records what it holds in its activity entry.
 */
export const requestQuirks = (ctx: Context): QuirkLog => {
  const state = ctx.state as { scimQuirks?: QuirkLog };
  state.scimQuirks ??= new QuirkLog();
  return state.scimQuirks;
};
