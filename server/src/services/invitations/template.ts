import type { InvitationLocale } from '../../constants';

export interface InvitationValues {
  /** The invited admin's first name, or their email when they have none. */
  name: string;
  email: string;
  /** Strapi's registration link: `<admin url>/auth/register?registrationToken=<token>`. */
  link: string;
}

export interface InvitationMessage {
  subject: string;
  text: string;
  html: string;
}

interface Wording {
  subject: string;
  greeting: (name: string) => string;
  body: (email: string) => string;
  action: string;
  closing: string;
}

const WORDING: Record<InvitationLocale, Wording> = {
  en: {
    subject: 'Your Strapi admin account is ready',
    greeting: (name) => `Hello ${name},`,
    body: (email) =>
      `your organization has created a Strapi admin account for ${email}. Choose a password to sign in for the first time:`,
    action: 'Set your password',
    closing: 'If you did not expect this email, you can ignore it.',
  },
  de: {
    subject: 'Ihr Strapi-Administratorkonto ist bereit',
    greeting: (name) => `Hallo ${name},`,
    body: (email) =>
      `Ihre Organisation hat ein Strapi-Administratorkonto für ${email} angelegt. Wählen Sie ein Passwort, um sich zum ersten Mal anzumelden:`,
    action: 'Passwort festlegen',
    closing: 'Wenn Sie diese E-Mail nicht erwartet haben, können Sie sie ignorieren.',
  },
  fr: {
    subject: 'Votre compte administrateur Strapi est prêt',
    greeting: (name) => `Bonjour ${name},`,
    body: (email) =>
      `votre organisation a créé un compte administrateur Strapi pour ${email}. Choisissez un mot de passe pour vous connecter la première fois :`,
    action: 'Choisir mon mot de passe',
    closing: "Si vous n'attendiez pas cet e-mail, vous pouvez l'ignorer.",
  },
};

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Names and emails come from the identity provider: escaped character by character, no pattern needed. */
const escapeHtml = (value: string): string => Array.from(value, (char) => HTML_ESCAPES[char] ?? char).join('');

/** The invitation in one language: plain text and HTML carry the same words and the same link. */
export const renderInvitation = (locale: InvitationLocale, values: InvitationValues): InvitationMessage => {
  const wording = WORDING[locale];
  const text = [
    wording.greeting(values.name),
    '',
    wording.body(values.email),
    '',
    values.link,
    '',
    wording.closing,
  ].join('\n');
  const link = escapeHtml(values.link);
  const html = [
    `<p>${escapeHtml(wording.greeting(values.name))}</p>`,
    `<p>${escapeHtml(wording.body(values.email))}</p>`,
    `<p><a href="${link}">${escapeHtml(wording.action)}</a></p>`,
    `<p>${link}</p>`,
    `<p>${escapeHtml(wording.closing)}</p>`,
  ].join('\n');
  return { subject: wording.subject, text, html };
};
