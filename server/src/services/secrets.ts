import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { SECRET_UID } from '../constants';
import type { SecretSummaryResponse } from '../contracts';
import { isQuirkId, type QuirkId } from '../scim/quirks';
import { getPluginConfig } from '../utils/plugin-config';
import { findMatchingHash, generateSecret, hashSecret, secretHint } from './secret-crypto';
import { decryptStoredCopy, notRevealableMessage } from './secret-reveal';
import type { RowQuery } from './store/row-query';

export const secretCreateSchema = z
  .object({
    label: z.string().trim().max(120).optional(),
    /** An ISO 8601 date-time with a time zone, in the future; absent or null: the secret never expires. */
    expiresAt: z.iso
      .datetime({ offset: true })
      .refine((value) => Date.parse(value) > Date.now(), 'must be in the future')
      .nullish(),
  })
  .strict();

export type SecretCreate = z.infer<typeof secretCreateSchema>;

export const secretUpdateSchema = z.object({ label: z.string().trim().max(120).nullable() }).strict();

export type SecretUpdate = z.infer<typeof secretUpdateSchema>;

/** The longest the replaced secret may keep working after a rotation: 30 days. */
export const MAX_ROTATION_GRACE_HOURS = 720;

export const secretRotateSchema = secretCreateSchema.extend({
  /** How long the replaced secret keeps working, in hours; 0 refuses it from now on. */
  graceHours: z.number().int().min(0).max(MAX_ROTATION_GRACE_HOURS),
});

export type SecretRotate = z.infer<typeof secretRotateSchema>;

export type SecretSummary = SecretSummaryResponse;

interface SecretRow {
  id: number;
  label: string | null;
  hash: string;
  encrypted: string | null;
  hint: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  quirksSeen: unknown;
}

/**
 * What a presented secret is: the id of a valid secret (with the quirks its client was seen using), an expired
 * one, or nothing known.
 */
export type SecretCheck =
  | { status: 'valid'; id: number; quirksSeen: QuirkId[] }
  | { status: 'expired'; id: number; expiresAt: string }
  | { status: 'unknown' };

/** `lastUsedAt` is written at most once a minute per secret, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

interface EncryptionService {
  encrypt(value: string): string | null;
  decrypt(value: string): string | null;
}

const storedQuirksSchema = z.array(z.string()).catch([]);

/** The stored `quirksSeen` (null before the first quirk); ids no longer in the catalogue are left out. */
const quirksSeenOf = (stored: unknown): QuirkId[] => storedQuirksSchema.parse(stored ?? []).filter(isQuirkId);

const isoOrNull = (value: string | Date | null | undefined) => (value ? new Date(value).toISOString() : null);

const isExpired = (expiresAt: string | Date | null | undefined, now = Date.now()) =>
  Boolean(expiresAt) && new Date(expiresAt as string).getTime() <= now;

const toSummary = (row: SecretRow, revealAllowed: boolean): SecretSummary => ({
  id: row.id,
  label: row.label ?? null,
  hint: row.hint,
  createdAt: new Date(row.createdAt).toISOString(),
  lastUsedAt: isoOrNull(row.lastUsedAt),
  expiresAt: isoOrNull(row.expiresAt),
  expired: isExpired(row.expiresAt),
  revealable: revealAllowed && Boolean(row.encrypted),
  quirksSeen: quirksSeenOf(row.quirksSeen),
});

/** When the replaced secret stops working: after the grace period, or its own expiry if that comes first. */
const expiryAfterRotation = (current: string | Date | null, graceHours: number, now = Date.now()): Date => {
  const graceEnd = now + graceHours * 3_600_000;
  const ownExpiry = current ? new Date(current).getTime() : Number.POSITIVE_INFINITY;
  return new Date(Math.min(graceEnd, ownExpiry));
};

const createSecretsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const secrets = (): RowQuery<SecretRow> => strapi.db.query(SECRET_UID);
  const encryption = () => strapi.service('admin::encryption') as unknown as EncryptionService;
  const hasEncryptionKey = () => {
    const key: unknown = strapi.config.get('admin.secrets.encryptionKey');
    return Boolean(key);
  };
  const revealAllowed = () => getPluginConfig(strapi).allowSecretReveal;

  /**
   * Sets `lastUsedAt` when it is older than the resolution: no query at all while the read value is recent, and
   * a conditional update otherwise, so that of several requests (or Strapi instances) that saw the same old
   * value, only the first changes the row.
   */
  const touchLastUsed = async ({ id, lastUsedAt }: Pick<SecretRow, 'id' | 'lastUsedAt'>) => {
    const now = Date.now();
    const cutoff = new Date(now - LAST_USED_RESOLUTION_MS);
    if (lastUsedAt && new Date(lastUsedAt) > cutoff) return;
    await secrets().updateMany({
      where: { id, $or: [{ lastUsedAt: { $null: true } }, { lastUsedAt: { $lt: cutoff } }] },
      // The first use also sets firstUsedAt (the setup checklist's "first request received"), once.
      data: lastUsedAt ? { lastUsedAt: new Date(now) } : { firstUsedAt: new Date(now), lastUsedAt: new Date(now) },
    });
  };

  const insert = async (input: SecretCreate): Promise<SecretSummary & { secret: string }> => {
    const secret = generateSecret();
    // With reveal turned off no copy is kept at all: nothing to decrypt if the database and the key leak.
    const encrypted = hasEncryptionKey() && revealAllowed() ? encryption().encrypt(secret) : null;
    const row: SecretRow = await secrets().create({
      data: {
        label: input.label || null,
        hash: hashSecret(secret),
        encrypted,
        hint: secretHint(secret),
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      },
    });
    return { ...toSummary(row, revealAllowed()), secret };
  };

  return {
    hasEncryptionKey,

    async list(): Promise<SecretSummary[]> {
      const rows: SecretRow[] = await secrets().findMany({ orderBy: { id: 'asc' } });
      return rows.map((row) => toSummary(row, revealAllowed()));
    },

    /**
     * Returns the plaintext once; only its hash (and, with an encryption key and reveal allowed, an encrypted
     * copy) is stored.
     */
    create: insert,

    async update(id: number, input: SecretUpdate): Promise<SecretSummary> {
      const row: SecretRow | null = await secrets().update({ where: { id }, data: { label: input.label || null } });
      if (!row) throw new errors.NotFoundError('No secret with this id');
      return toSummary(row, revealAllowed());
    },

    /**
     * A new secret (with the old one's label unless another is given) and the old one set to stop working after
     * the grace period, in one transaction: an identity provider is never left without a working secret, and a
     * failed rotation changes nothing.
     */
    async rotate(
      id: number,
      input: SecretRotate,
    ): Promise<{ created: SecretSummary & { secret: string }; replaced: SecretSummary }> {
      return strapi.db.transaction(async () => {
        const old: SecretRow | null = await secrets().findOne({ where: { id } });
        if (!old) throw new errors.NotFoundError('No secret with this id');
        const created = await insert({ label: input.label ?? old.label ?? undefined, expiresAt: input.expiresAt });
        const expiresAt = expiryAfterRotation(old.expiresAt, input.graceHours);
        await secrets().update({ where: { id }, data: { expiresAt } });
        return { created, replaced: toSummary({ ...old, expiresAt: expiresAt.toISOString() }, revealAllowed()) };
      });
    },

    /** Throws an ApplicationError with `details.code` saying why when the secret cannot be shown again. */
    async reveal(id: number): Promise<{ id: number; secret: string }> {
      if (!revealAllowed()) {
        throw new errors.ApplicationError(notRevealableMessage('reveal-disabled'), { code: 'reveal-disabled' });
      }
      const row: SecretRow | null = await secrets().findOne({ where: { id } });
      if (!row) throw new errors.NotFoundError('No secret with this id');
      const result = decryptStoredCopy(row.encrypted, hasEncryptionKey(), (value) => encryption().decrypt(value));
      if (result.status !== 'ok') {
        throw new errors.ApplicationError(notRevealableMessage(result.status), { code: result.status });
      }
      return { id: row.id, secret: result.secret };
    },

    async remove(id: number): Promise<void> {
      const deleted = await secrets().delete({ where: { id } });
      if (!deleted) throw new errors.NotFoundError('No secret with this id');
    },

    /**
     * Checks a presented secret against every stored hash: one SHA-256 of the presented secret, then one
     * constant-time comparison per stored secret, the same work whether the secret is unknown, wrong or right and
     * whichever row matches. Only a match goes on to its expiry and `lastUsedAt`.
     */
    async verify(presented: string): Promise<SecretCheck> {
      const rows: Pick<SecretRow, 'id' | 'hash' | 'lastUsedAt' | 'expiresAt' | 'quirksSeen'>[] =
        await secrets().findMany({ select: ['id', 'hash', 'lastUsedAt', 'expiresAt', 'quirksSeen'] });
      const match = findMatchingHash(hashSecret(presented), rows);
      if (!match) return { status: 'unknown' };
      if (isExpired(match.expiresAt)) {
        return { status: 'expired', id: match.id, expiresAt: new Date(match.expiresAt as string).toISOString() };
      }
      await touchLastUsed(match);
      return { status: 'valid', id: match.id, quirksSeen: quirksSeenOf(match.quirksSeen) };
    },

    /**
     * Adds quirks to those the secret's client was seen using. The list is read again rather than taken from
     * authentication, so that of two requests that saw the same old list the second keeps what the first added; a
     * quirk lost to an exact race is added by the next request that fires it.
     */
    async rememberQuirks(id: number, fired: readonly QuirkId[]): Promise<void> {
      const row: Pick<SecretRow, 'quirksSeen'> | null = await secrets().findOne({
        where: { id },
        select: ['id', 'quirksSeen'],
      });
      if (!row) return;
      const seen = quirksSeenOf(row.quirksSeen);
      const fresh = fired.filter((quirk) => !seen.includes(quirk));
      if (fresh.length === 0) return;
      await secrets().update({ where: { id }, data: { quirksSeen: [...seen, ...fresh] } });
    },
  };
};

export type SecretsService = ReturnType<typeof createSecretsService>;
export default createSecretsService;
