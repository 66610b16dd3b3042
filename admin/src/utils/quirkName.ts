/*
 * The catalogue is pure data with no imports (tests/admin/activity-page.test.tsx checks it stays so), so the
 * admin bundles it instead of keeping a copy of the names that could drift from the server's.
 */
import { findQuirk } from '../../../server/src/scim/quirks';

export interface QuirkLabel {
  id: string;
  name: string;
  description?: string;
}

/** The human name of a quirk id; an id the catalogue does not know (an older entry) is shown as itself. */
export const quirkLabel = (id: string): QuirkLabel => {
  const quirk = findQuirk(id);
  return quirk ? { id, name: quirk.name, description: quirk.description } : { id, name: id };
};
