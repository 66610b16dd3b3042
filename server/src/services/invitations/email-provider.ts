import type { Core } from '@strapi/strapi';

/**
 * The email provider Strapi's email plugin sends with, or null when there is none to trust: the plugin is absent,
 * or it runs its default `sendmail`, which needs a local mail server that most hosts lack (messages vanish).
 */
export const configuredEmailProvider = (strapi: Core.Strapi): string | null => {
  if ((strapi.plugins as Record<string, unknown>).email === undefined) return null;
  const config = strapi.config.get<{ provider?: unknown } | undefined>('plugin::email');
  const provider = typeof config?.provider === 'string' ? config.provider.trim().toLowerCase() : '';
  return provider === '' || provider === 'sendmail' ? null : provider;
};

interface EmailService {
  send(options: { to: string; subject: string; text: string; html: string }): Promise<unknown>;
}

export const emailService = (strapi: Core.Strapi): EmailService =>
  strapi.plugin('email').service('email') as unknown as EmailService;
