/**
 * The `path` of a PATCH operation (RFC 7644 §3.5.2): `PATH = attrPath / valuePath [subAttr]`, i.e.
 * `attr`, `attr.sub`, `urn:...:attr`, `urn:...:attr.sub`, `attr[filter]` and `attr[filter].sub`.
 */
import type { AttributePath, Filter } from './ast';
import { makeAttributePath } from './ast';
import type { QuirkLog } from '../quirks';
import { FilterParser, guardParse, resolveLimits, type FilterLimits } from './parser';

export interface PatchPath {
  /** The targeted attribute; `subAttribute` is set for `attr.sub` and `attr[filter].sub`. */
  attributePath: AttributePath;
  /** The `[filter]` that selects elements of the attribute; its paths are sub-attribute names. */
  valueFilter?: Filter;
}

/**
 * Parses a PATCH path; anything malformed is a 400 `invalidPath` ScimError with the position. An unquoted value
 * in its `[filter]` fires `filter-unquoted-value` into `log`.
 */
export function parsePatchPath(text: string, limits?: Partial<FilterLimits>, log?: QuirkLog): PatchPath {
  return guardParse('invalidPath', () => {
    const parser = new FilterParser(typeof text === 'string' ? text : '', resolveLimits(limits), 'invalidPath', log);
    if (parser.current.kind === 'end') parser.fail(0, 'Empty path');
    const attributePath = parser.parseAttributePath(false);
    if (parser.current.kind !== '[') {
      parser.expectEnd(`the end of the path or '['`);
      return { attributePath };
    }
    const valueFilter = parser.parseValuePath(attributePath).filter;
    const subAttribute = parser.parseSubAttributeAfterBracket();
    if (subAttribute !== undefined) {
      parser.expectEnd('the end of the path');
      return {
        attributePath: makeAttributePath(attributePath.attribute, subAttribute, attributePath.urn),
        valueFilter,
      };
    }
    parser.expectEnd(`the end of the path or ".subAttribute"`);
    return { attributePath, valueFilter };
  });
}
