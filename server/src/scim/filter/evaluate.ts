/**
 * In-memory filter evaluation with RFC 7644 §3.4.2.2 semantics, used for PATCH value filters and as
 * the oracle the database compiler is tested against.
 *
 * An attribute expression is true when at least one value of the attribute satisfies it: every element
 * of a multi-valued attribute counts, and an attribute without values satisfies nothing (so `title ne
 * "x"` is false when there is no title, like SQL's `title <> 'x'`). `not` is plain negation.
 * `eq null` means "has no value" and `ne null` means "has a value" (the same as `pr`).
 * An attribute the resolver does not know matches nothing; misuse of a known one (`active gt true`,
 * `userName eq 5`) is a 400 invalidFilter.
 */
import type { QuirkLog } from '../quirks';
import type { AttributePath, AttributeResolver, ComparisonFilter, Filter, PresenceFilter } from './ast';
import { makeAttributePath, qualifySubAttributePath } from './ast';
import { printAttributePath } from './attribute-path';
import { attributeOperand, compareOperands, isTextType, literalOperand } from './operand';
import { invalidFilter } from './syntax-error';

type JsonObject = Record<string, unknown>;

/** Where attribute paths are read from: the resource, or one element inside `parent[...]`. */
type Scope = { resource: JsonObject } | { element: JsonObject; parent: AttributePath };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Does the resource (its SCIM JSON representation) match the filter? Tolerated dialects are reported to `log`. */
export function matches(filter: Filter, resource: JsonObject, resolve: AttributeResolver, log?: QuirkLog): boolean {
  return evaluate(filter, { resource }, resolve, log);
}

/**
 * Does one element of the attribute `parentPath` match a value filter such as the `type eq "work"` of
 * `emails[type eq "work"]`? This is what PATCH uses to pick the elements a path addresses.
 */
export function matchesElement(
  filter: Filter,
  element: unknown,
  parentPath: AttributePath,
  resolve: AttributeResolver,
  log?: QuirkLog,
): boolean {
  return isObject(element) && evaluate(filter, { element, parent: parentPath }, resolve, log);
}

function evaluate(filter: Filter, scope: Scope, resolve: AttributeResolver, log: QuirkLog | undefined): boolean {
  switch (filter.op) {
    case 'and':
      return evaluate(filter.left, scope, resolve, log) && evaluate(filter.right, scope, resolve, log);
    case 'or':
      return evaluate(filter.left, scope, resolve, log) || evaluate(filter.right, scope, resolve, log);
    case 'not':
      return !evaluate(filter.filter, scope, resolve, log);
    case 'valuePath': {
      if (!('resource' in scope)) throw invalidFilter('A value filter cannot contain another value filter');
      if (resolve(filter.path) === undefined) return false;
      const elements = readValues(scope.resource, filter.path);
      return elements.some((element) => matchesElement(filter.filter, element, filter.path, resolve, log));
    }
    default:
      return evaluateAttributeExpression(filter, scope, resolve, log);
  }
}

function evaluateAttributeExpression(
  filter: ComparisonFilter | PresenceFilter,
  scope: Scope,
  resolve: AttributeResolver,
  log: QuirkLog | undefined,
): boolean {
  let path = 'resource' in scope ? filter.path : qualifySubAttributePath(scope.parent, filter.path);
  let definition = resolve(path);
  if (definition === undefined) return false;
  let values =
    'resource' in scope ? readValues(scope.resource, path) : readMember(scope.element, filter.path.attribute);

  // RFC 7643 §2.4: a complex attribute compared as a whole is compared through its "value" sub-attribute.
  if (definition.type === 'complex' && filter.op !== 'pr' && path.subAttribute === undefined) {
    const valuePath = makeAttributePath(path.attribute, 'value', path.urn);
    const valueDefinition = resolve(valuePath);
    if (valueDefinition === undefined)
      throw invalidFilter(`"${printAttributePath(path)}" is complex: compare one of its sub-attributes`);
    values = values.flatMap((element) => (isObject(element) ? readMember(element, 'value') : []));
    path = valuePath;
    definition = valueDefinition;
  }

  const present = values.some(hasValue);
  if (filter.op === 'pr') return present;
  if (filter.value === null) {
    if (filter.op === 'eq') return !present;
    if (filter.op === 'ne') return present;
    throw invalidFilter(`Only "eq" and "ne" can compare "${printAttributePath(path)}" with null`);
  }

  const { type, caseExact } = definition;
  const foldCase = isTextType(type) && !caseExact;
  const literal = literalOperand(filter.op, filter.value, type, printAttributePath(path), log);
  const expected = foldCase ? String(literal).toLowerCase() : literal;
  return values.some((value) => {
    const operand = attributeOperand(value, type);
    if (operand === undefined) return false;
    return compareOperands(filter.op, foldCase ? String(operand).toLowerCase() : operand, expected);
  });
}

/** RFC 7644 `pr`: not null, not an empty string, array or object (a complex value needs a non-empty member). */
const hasValue = (value: unknown): boolean => {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.some(hasValue);
  if (isObject(value)) return Object.values(value).some(hasValue);
  return true;
};

/** An own property by SCIM's case-insensitive attribute name, as a list of values (arrays spread). */
function readMember(container: JsonObject, name: string): unknown[] {
  let value = Object.hasOwn(container, name) ? container[name] : undefined;
  if (value === undefined) {
    const lower = name.toLowerCase();
    const key = Object.keys(container).find((candidate) => candidate.toLowerCase() === lower);
    value = key === undefined ? undefined : container[key];
  }
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * The values a path names in a resource. A URN-qualified path reads the extension object of that URN
 * when the resource has one; otherwise the URN is taken as the resource's own (core) schema when the
 * resource lists it in `schemas` or lists no schemas at all.
 */
function readValues(resource: JsonObject, path: AttributePath): unknown[] {
  const container = path.urn === undefined ? resource : schemaContainer(resource, path.urn);
  if (container === undefined) return [];
  const values = readMember(container, path.attribute);
  if (path.subAttribute === undefined) return values;
  const subAttribute = path.subAttribute;
  return values.flatMap((element) => (isObject(element) ? readMember(element, subAttribute) : []));
}

function schemaContainer(resource: JsonObject, urn: string): JsonObject | undefined {
  const [extension] = readMember(resource, urn);
  if (isObject(extension)) return extension;
  const schemas = resource.schemas;
  if (!Array.isArray(schemas)) return resource;
  const lower = urn.toLowerCase();
  return schemas.some((schema) => typeof schema === 'string' && schema.toLowerCase() === lower) ? resource : undefined;
}
