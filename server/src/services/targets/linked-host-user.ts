import type { PluginConfig } from '../../config';
import type { ScimUserRow } from '../store/user-repository';

/**
 * The host user a SCIM user is linked to, when it lives in `target`: a target change starts from scratch. Rows from
 * before hostTarget was stored (null) count as linked in whatever target is configured.
 */
export const linkedHostUserId = (
  row: Pick<ScimUserRow, 'hostUserId' | 'hostTarget'>,
  target: PluginConfig['target'],
): number | null => (row.hostUserId !== null && (row.hostTarget ?? target) === target ? row.hostUserId : null);
