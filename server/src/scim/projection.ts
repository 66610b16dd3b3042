import type { QuirkLog } from './quirks';
import {
  COMMON_ATTRIBUTES,
  findAttribute,
  findByName,
  schemasOf,
  type AttributeDefinition,
  type ResourceTypeId,
} from './schema';
import { withoutBracketedParts } from './value-filter-brackets';

/**
 * The `attributes` / `excludedAttributes` parameters of RFC 7644 §3.4.2.5 combined with the `returned`
 * characteristic of RFC 7643 §2.2: `always` is output even when excluded or not asked for, `never` is
 * never output, `request` only when named in `attributes`. Unknown names are ignored. When both
 * parameters are given, `attributes` wins.
 */

export interface ProjectionRequest {
  attributes?: string;
  excludedAttributes?: string;
  /** Where the request's tolerated dialects are reported (a value filter in an attribute name). */
  log?: QuirkLog;
}

type JsonObject = Record<string, unknown>;

/** Per container ('' for core and common attributes, else an extension URN): attribute name -> sub-attribute names, or 'all'. */
export type Selection = Map<string, Map<string, Set<string> | 'all'>>;

export interface ParsedSelection {
  attributes: Selection;
  /** Extensions named by their URN alone, selecting every attribute in them. */
  wholeExtensions: Set<string>;
}

const CORE = '';

/** Splits on commas outside brackets and quotes: `emails[type eq "a,b"],userName` is two names. */
const splitAttributeList = (list: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let index = 0; index < list.length; index += 1) {
    const char = list[index];
    if (char === '"' && list[index - 1] !== '\\') quoted = !quoted;
    else if (!quoted && char === '[') depth += 1;
    else if (!quoted && char === ']') depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && char === ',') {
      parts.push(list.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(list.slice(start));
  return parts;
};

/** `emails[type eq "work"]` names `emails`, `emails[...].value` names `emails.value` (quirk attributes-value-filter). */
const withoutValueFilter = (part: string, log: QuirkLog | undefined): string => {
  const name = withoutBracketedParts(part);
  if (name !== part) log?.fire('attributes-value-filter');
  return name.trim();
};

export const parseAttributeList = (
  resourceType: ResourceTypeId,
  list: string | undefined,
  log?: QuirkLog,
): ParsedSelection => {
  const { core, extensions } = schemasOf(resourceType);
  const selection: ParsedSelection = { attributes: new Map(), wholeExtensions: new Set() };
  const names = splitAttributeList(list ?? '')
    .map((part) => withoutValueFilter(part, log))
    .filter(Boolean);
  for (const name of names) {
    const extension = extensions.find((candidate) => candidate.id.toLowerCase() === name.toLowerCase());
    if (extension) {
      selection.wholeExtensions.add(extension.id);
      continue;
    }
    const resolved = findAttribute(resourceType, name);
    if (!resolved) continue;
    const container = resolved.schema === core.id ? CORE : resolved.schema;
    const top = resolved.parent?.name ?? resolved.attribute.name;
    const inContainer = selection.attributes.get(container) ?? new Map<string, Set<string> | 'all'>();
    selection.attributes.set(container, inContainer);
    const current = inContainer.get(top);
    if (!resolved.parent) inContainer.set(top, 'all');
    else if (current !== 'all') inContainer.set(top, (current ?? new Set<string>()).add(resolved.attribute.name));
  }
  return selection;
};

type ModeKind = 'default' | 'include' | 'exclude';
type Mode = { kind: 'default' } | { kind: 'include' | 'exclude'; selection: ParsedSelection };

/** Keys the service adds that no schema defines are treated as ordinary `returned: default` attributes. */
const unknownAttribute = (name: string): AttributeDefinition => ({
  name,
  type: 'string',
  multiValued: false,
  description: '',
  required: false,
  caseExact: false,
  mutability: 'readOnly',
  returned: 'default',
  uniqueness: 'none',
});

/** `picked`: undefined when not named, 'all' when named itself, a set when only sub-attributes are named. */
const keepAttribute = (
  definition: AttributeDefinition,
  mode: ModeKind,
  picked: Set<string> | 'all' | undefined,
  wholeContainer: boolean,
) => {
  if (definition.returned === 'never') return false;
  if (definition.returned === 'always') return true;
  if (mode === 'include') return picked !== undefined || (wholeContainer && definition.returned === 'default');
  if (mode === 'exclude') return definition.returned === 'default' && picked !== 'all';
  return definition.returned === 'default';
};

/** `named`: the sub-attributes named in the parameter, if any were. */
const keepSubAttribute = (sub: AttributeDefinition, mode: ModeKind, named: Set<string> | undefined) => {
  if (sub.returned === 'never') return false;
  if (sub.returned === 'always') return true;
  if (mode === 'include' && named) return named.has(sub.name);
  if (mode === 'exclude' && named) return sub.returned === 'default' && !named.has(sub.name);
  return sub.returned === 'default';
};

const projectComplexValue = (
  definition: AttributeDefinition,
  value: unknown,
  mode: ModeKind,
  named: Set<string> | undefined,
): unknown => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const result: JsonObject = {};
  for (const key of Object.keys(value)) {
    const sub = findByName(definition.subAttributes, key) ?? unknownAttribute(key);
    if (keepSubAttribute(sub, mode, named)) result[key] = (value as JsonObject)[key];
  }
  return result;
};

const projectContainer = (
  attributes: readonly AttributeDefinition[],
  values: JsonObject,
  mode: Mode,
  container: string,
  wholeContainer: boolean,
): JsonObject => {
  const picks = mode.kind === 'default' ? undefined : mode.selection.attributes.get(container);
  const result: JsonObject = {};
  for (const key of Object.keys(values)) {
    const definition = findByName(attributes, key) ?? unknownAttribute(key);
    const picked = picks?.get(definition.name);
    if (!keepAttribute(definition, mode.kind, picked, wholeContainer)) continue;
    const value = values[key];
    if (definition.type !== 'complex') {
      result[key] = value;
      continue;
    }
    const named = picked instanceof Set ? picked : undefined;
    const project = (element: unknown) => projectComplexValue(definition, element, mode.kind, named);
    result[key] = Array.isArray(value) ? value.map(project) : project(value);
  }
  return result;
};

/** Applies attributes / excludedAttributes to a canonical resource; `schemas` lists the extensions left in the output. */
export const projectResource = (
  resourceType: ResourceTypeId,
  resource: JsonObject,
  request: ProjectionRequest = {},
): JsonObject => {
  const { core, extensions } = schemasOf(resourceType);
  const mode: Mode = request.attributes?.trim()
    ? { kind: 'include', selection: parseAttributeList(resourceType, request.attributes, request.log) }
    : request.excludedAttributes?.trim()
      ? { kind: 'exclude', selection: parseAttributeList(resourceType, request.excludedAttributes, request.log) }
      : { kind: 'default' };
  const coreValues: JsonObject = {};
  const extensionValues = new Map<string, { extension: (typeof extensions)[number]; values: JsonObject | null }>();
  for (const key of Object.keys(resource)) {
    if (key === 'schemas') continue;
    const extension = extensions.find((candidate) => candidate.id === key);
    if (extension) extensionValues.set(extension.id, { extension, values: resource[key] as JsonObject | null });
    else coreValues[key] = resource[key];
  }
  const output: JsonObject = {};
  const projectedCore = projectContainer([...COMMON_ATTRIBUTES, ...core.attributes], coreValues, mode, CORE, false);
  const schemas = [core.id];
  output.schemas = schemas;
  Object.assign(output, projectedCore);
  for (const [urn, { extension, values }] of extensionValues) {
    const whole = mode.kind !== 'default' && mode.selection.wholeExtensions.has(urn);
    if (mode.kind === 'exclude' && whole) continue;
    const projected = projectContainer(extension.attributes, values ?? {}, mode, urn, mode.kind === 'include' && whole);
    if (Object.keys(projected).length === 0) continue;
    output[urn] = projected;
    schemas.push(urn);
  }
  return output;
};
