import { z } from 'zod';
import { ScimError } from '../errors';
import type { QuirkLog } from '../quirks';
import { PATCH_OP_URN } from '../schema';
import type { PatchOpName, PatchOperation } from './types';

export const DEFAULT_MAX_OPERATIONS = 1000;

const OP_NAMES: readonly PatchOpName[] = ['add', 'remove', 'replace'];

type JsonObject = Record<string, unknown>;

const isPlainObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Message attribute names are case-insensitive like all SCIM attribute names (RFC 7643 §2.1), so
 * `operations` and `Op` are read as `Operations` and `op`. Unknown members (Microsoft's tests send
 * `"name": "addMember"` and a top-level `id`) are ignored.
 */
const pickKeys = (object: JsonObject, names: readonly string[], log: QuirkLog): JsonObject => {
  const picked: JsonObject = {};
  for (const key of Object.keys(object)) {
    const name = names.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
    if (name === undefined || Object.prototype.hasOwnProperty.call(picked, name)) continue;
    if (name !== key) log.fire('attribute-name-any-case');
    picked[name] = object[key];
  }
  return picked;
};

const bodySchema = z.object({
  schemas: z.array(z.string(), { error: "'schemas' must be an array of URNs" }).nullish(),
  Operations: z.array(z.unknown(), { error: "'Operations' must be an array" }).nullish(),
});

const operationSchema = z.object({
  op: z.string({ error: "'op' must be a string" }).nullish(),
  path: z.string({ error: "'path' must be a string" }).nullish(),
  value: z.unknown().optional(),
});

const invalidSyntax = (detail: string) => ScimError.badRequest('invalidSyntax', detail);

const firstIssue = (error: z.ZodError): string => error.issues[0]?.message ?? 'is malformed';

const readOpName = (raw: string | null | undefined, index: number, log: QuirkLog): PatchOpName => {
  if (raw === undefined || raw === null) {
    log.fire('patch-missing-op-is-replace');
    return 'replace';
  }
  const lower = raw.trim().toLowerCase();
  const name = OP_NAMES.find((candidate) => candidate === lower);
  if (name === undefined)
    throw invalidSyntax(`Operations[${index}]: unknown op '${raw}' (expected add, remove or replace)`);
  if (raw !== name) log.fire('patch-op-any-case');
  return name;
};

const readOperation = (raw: unknown, index: number, log: QuirkLog): PatchOperation => {
  if (!isPlainObject(raw)) throw invalidSyntax(`Operations[${index}] must be an object`);
  const parsed = operationSchema.safeParse(pickKeys(raw, ['op', 'path', 'value'], log));
  if (!parsed.success) throw invalidSyntax(`Operations[${index}]: ${firstIssue(parsed.error)}`);
  const { op, path, value } = parsed.data;
  const operation: PatchOperation = { op: readOpName(op, index, log), index };
  if (path !== undefined && path !== null) operation.path = path;
  if (Object.prototype.hasOwnProperty.call(raw, 'value') || value !== undefined) operation.value = value;
  return operation;
};

/**
 * Checks the shape of a PatchOp body (RFC 7644 §3.5.2) and returns its operations in order.
 * `schemas` may be missing (quirk), but when present it must list the PatchOp URN.
 */
export const parseOperations = (
  body: unknown,
  log: QuirkLog,
  maxOperations = DEFAULT_MAX_OPERATIONS,
): PatchOperation[] => {
  if (!isPlainObject(body)) throw invalidSyntax('The PATCH body must be a JSON object');
  const parsed = bodySchema.safeParse(pickKeys(body, ['schemas', 'Operations'], log));
  if (!parsed.success) throw invalidSyntax(firstIssue(parsed.error));
  const { schemas, Operations: operations } = parsed.data;
  if (schemas === undefined || schemas === null) {
    log.fire('patch-schemas-missing');
  } else if (!schemas.some((urn) => urn.toLowerCase() === PATCH_OP_URN.toLowerCase())) {
    throw invalidSyntax(`'schemas' must contain ${PATCH_OP_URN}`);
  }
  if (operations === undefined || operations === null || operations.length === 0) {
    log.fire('patch-empty-operations-noop');
    return [];
  }
  if (operations.length > maxOperations) {
    throw invalidSyntax(`A PATCH request may hold at most ${maxOperations} operations (got ${operations.length})`);
  }
  return operations.map((operation, index) => readOperation(operation, index, log));
};
