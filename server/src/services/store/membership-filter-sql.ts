/**
 * Filters on a Group's `members` and a User's `groups`. They live in scim_memberships, not in the stored resource,
 * so their JsonPredicates become `id IN (SELECT <owner> FROM scim_memberships JOIN <the other side> WHERE ...)`,
 * with the condition on one membership (one element), tested as json-filter-sql.ts tests elements. `value` is the
 * other side's SCIM id, `display` its userName or displayName, `type` what the resource shows ('User', 'direct').
 * `$ref` is built from the endpoint URL when a resource is read: only `pr` can test it.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ScimError } from '../../scim/errors';
import type { JsonCondition, JsonPredicate } from '../../scim/filter';
import { conditionSql, dialectOf, type Dialect, type ElementSource, type Location } from './json-filter-sql';
import { SCIM_GROUP_UID, SCIM_MEMBERSHIP_UID, SCIM_USER_UID } from './resource-uids';
import { qualifiedTable } from './qualified-table';

interface MembershipSide {
  attribute: string;
  ownerColumn: string;
  otherColumn: string;
  otherUid: string;
  displayColumn: string;
  type: string;
}

/** Per owning table: the attribute, and where its elements' sub-attributes are read. */
const SIDES: Record<string, MembershipSide> = {
  [SCIM_GROUP_UID]: {
    attribute: 'members',
    ownerColumn: 'group_ref',
    otherColumn: 'user_ref',
    otherUid: SCIM_USER_UID,
    displayColumn: 'user_name',
    type: 'User',
  },
  [SCIM_USER_UID]: {
    attribute: 'groups',
    ownerColumn: 'user_ref',
    otherColumn: 'group_ref',
    otherUid: SCIM_GROUP_UID,
    displayColumn: 'display_name',
    type: 'direct',
  },
};

/** A string column (or literal) as json-filter-sql reads a JSON value, compared byte-wise like the rest. */
const columnLocation = (dialect: Dialect, expression: string): Location => ({
  kind: `(CASE WHEN ${expression} IS NULL THEN 'absent' ELSE 'string' END)`,
  text: dialect === 'mysql' ? `CONVERT(${expression} USING utf8mb4) COLLATE utf8mb4_bin` : expression,
});

/** A comparison of `$ref` (only its presence can be tested), or of a sub-attribute memberships do not have. */
const assertTestable = (attribute: string, condition: JsonCondition): void => {
  switch (condition.op) {
    case 'and':
    case 'or':
      assertTestable(attribute, condition.left);
      assertTestable(attribute, condition.right);
      return;
    case 'not':
      assertTestable(attribute, condition.condition);
      return;
    case 'test':
      if (condition.sub === '$ref' && condition.test.kind !== 'present') {
        throw ScimError.badRequest(
          'invalidFilter',
          `The attribute "${attribute}.$ref" is not filterable except with "pr"`,
        );
      }
  }
};

/** The subquery of a predicate on `members` (Groups) or `groups` (Users); undefined for any other predicate. */
export function membershipPredicateSubquery(
  strapi: Core.Strapi,
  uid: string,
  predicate: JsonPredicate,
): Knex.Raw | undefined {
  const side = SIDES[uid] as MembershipSide | undefined;
  if (side === undefined || predicate.container !== undefined || predicate.attribute !== side.attribute) {
    return undefined;
  }
  assertTestable(side.attribute, predicate.condition);
  const dialect = dialectOf(strapi);
  const value = columnLocation(dialect, 'o.scim_id');
  const at = (sub?: string): Location => {
    if (sub === 'display') return columnLocation(dialect, `o.${side.displayColumn}`);
    if (sub === 'type') return columnLocation(dialect, `'${side.type}'`);
    // `value`, the element as a whole, and `$ref` (present exactly when the element is).
    return value;
  };
  const source: ElementSource = { from: '', guard: '1 = 1', at };
  const condition = conditionSql(dialect, source, predicate.condition);
  return strapi.db.connection.raw(
    `SELECT m.${side.ownerColumn} FROM ?? AS m JOIN ?? AS o ON o.id = m.${side.otherColumn} WHERE ${condition.sql}`,
    [
      qualifiedTable(strapi, SCIM_MEMBERSHIP_UID),
      qualifiedTable(strapi, side.otherUid),
      ...condition.bindings,
    ] as Knex.RawBinding[],
  );
}
