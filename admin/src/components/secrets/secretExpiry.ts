import type { MessageDescriptor } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';

/** The expiry choices offered when a secret is created or rotated. */
export const EXPIRY_PRESETS = ['never', '30', '90', '365', 'date'] as const;
export type ExpiryPreset = (typeof EXPIRY_PRESETS)[number];

export interface ExpiryChoice {
  preset: ExpiryPreset;
  /** The day chosen when preset is 'date'. */
  day?: Date;
}

/** How long a rotated secret keeps working, in hours, and what the choice is called. */
export const GRACE_PERIODS: readonly { hours: number; message: MessageDescriptor }[] = [
  { hours: 0, message: { id: getTranslation('secrets.rotate.graceNone'), defaultMessage: 'None: refuse it now' } },
  { hours: 1, message: { id: getTranslation('secrets.rotate.graceHour'), defaultMessage: '1 hour' } },
  { hours: 24, message: { id: getTranslation('secrets.rotate.graceDay'), defaultMessage: '1 day' } },
  { hours: 168, message: { id: getTranslation('secrets.rotate.graceWeek'), defaultMessage: '7 days' } },
  { hours: 720, message: { id: getTranslation('secrets.rotate.graceMonth'), defaultMessage: '30 days' } },
];

/** Secrets expiring within this many days are flagged in the table. */
export const EXPIRY_WARNING_DAYS = 14;

const DAY_MS = 86_400_000;

/** A secret chosen to expire on a day stays valid through that day, in the admin's time zone. */
export const endOfDay = (day: Date) =>
  new Date(day.getFullYear(), day.getMonth(), day.getDate(), 23, 59, 59, 999).toISOString();

const daysFromToday = (days: number, now = new Date()) =>
  new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);

export const tomorrow = () => daysFromToday(1);

/** The `expiresAt` to send: null for never (and for 'date' without a day), else the end of the chosen day. */
export const expiresAtFor = ({ preset, day }: ExpiryChoice, now = new Date()): string | null => {
  if (preset === 'never') return null;
  if (preset === 'date') return day ? endOfDay(day) : null;
  return endOfDay(daysFromToday(Number(preset), now));
};

/** Whole days left before a secret expires (rounded up), or null when it never expires or already has. */
export const daysLeft = (expiresAt: string | null, now = Date.now()): number | null => {
  if (!expiresAt) return null;
  const left = Date.parse(expiresAt) - now;
  return left > 0 ? Math.ceil(left / DAY_MS) : null;
};
