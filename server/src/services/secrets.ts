import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { SECRET_UID } from '../constants';
import type { SecretSummaryResponse } from '../contracts';
import { findMatchingHash, generateSecret, hashSecret, secretHint } from './secret-crypto';

export const secretCreateSchema = z
  .object({ label: z.string().trim().max(120).optional() })
  .strict();

export type SecretCreate = z.infer<typeof secretCreateSchema>;

export type SecretSummary = SecretSummaryResponse;

interface SecretRow {
  id: number;
  label: string | null;
  hash: string;
  encrypted: string | null;
  hint: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** `lastUsedAt` is written at most once a minute per secret, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

interface EncryptionService {
  encrypt(value: string): string | null;
  decrypt(value: string): string | null;
}

const toSummary = (row: SecretRow): SecretSummary => ({
  id: row.id,
  label: row.label ?? null,
  hint: row.hint,
  createdAt: new Date(row.createdAt).toISOString(),
  lastUsedAt: row.lastUsedAt ? new Date(row.lastUsedAt).toISOString() : null,
  revealable: Boolean(row.encrypted),
});

const createSecretsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const secrets = () => strapi.db.query(SECRET_UID);
  const encryption = () => strapi.service('admin::encryption') as unknown as EncryptionService;
  const hasEncryptionKey = () => Boolean(strapi.config.get('admin.secrets.encryptionKey'));

  return {
    hasEncryptionKey,

    async list(): Promise<SecretSummary[]> {
      const rows: SecretRow[] = await secrets().findMany({ orderBy: { id: 'asc' } });
      return rows.map(toSummary);
    },

    /** Returns the plaintext once; only its hash (and, with an encryption key, an encrypted copy) is stored. */
    async create(input: SecretCreate): Promise<SecretSummary & { secret: string }> {
      const secret = generateSecret();
      const encrypted = hasEncryptionKey() ? encryption().encrypt(secret) : null;
      const row: SecretRow = await secrets().create({
        data: { label: input.label || null, hash: hashSecret(secret), encrypted, hint: secretHint(secret) },
      });
      return { ...toSummary(row), secret };
    },

    async reveal(id: number): Promise<{ id: number; secret: string }> {
      const row: SecretRow | null = await secrets().findOne({ where: { id } });
      if (!row) throw new errors.NotFoundError('No secret with this id');
      const secret = row.encrypted && hasEncryptionKey() ? encryption().decrypt(row.encrypted) : null;
      if (!secret) {
        throw new errors.ApplicationError(
          hasEncryptionKey()
            ? 'This secret was created without an encryption key and cannot be shown again; create a new one'
            : 'The app has no admin.secrets.encryptionKey, so secrets are shown only once, when they are created',
          { code: 'not-revealable' },
        );
      }
      return { id: row.id, secret };
    },

    async remove(id: number): Promise<void> {
      const deleted = await secrets().delete({ where: { id } });
      if (!deleted) throw new errors.NotFoundError('No secret with this id');
    },

    /** Checks a presented secret against every stored hash in constant time; returns the matching secret's id. */
    async verify(presented: string): Promise<number | null> {
      const rows: Pick<SecretRow, 'id' | 'hash' | 'lastUsedAt'>[] = await secrets().findMany({
        select: ['id', 'hash', 'lastUsedAt'],
      });
      const match = findMatchingHash(hashSecret(presented), rows);
      if (!match) return null;
      const lastUsed = match.lastUsedAt ? new Date(match.lastUsedAt).getTime() : 0;
      if (Date.now() - lastUsed > LAST_USED_RESOLUTION_MS) {
        await secrets().update({ where: { id: match.id }, data: { lastUsedAt: new Date() } });
      }
      return match.id;
    },
  };
};

export type SecretsService = ReturnType<typeof createSecretsService>;
export default createSecretsService;
