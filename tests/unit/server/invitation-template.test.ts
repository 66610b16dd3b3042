import { INVITATION_LOCALES } from '../../../server/src/constants';
import { renderInvitation } from '../../../server/src/services/invitations/template';

const LINK = 'https://cms.example.com/admin/auth/register?registrationToken=abc&x=1';

describe('invitation email template', () => {
  it.each(INVITATION_LOCALES)('carries the same link in text and HTML in %s', (locale) => {
    const message = renderInvitation(locale, { name: 'Ada', email: 'ada@example.com', link: LINK });
    expect(message.subject.length).toBeGreaterThan(0);
    expect(message.text).toContain(LINK);
    expect(message.text).toContain('ada@example.com');
    expect(message.html).toContain('href="https://cms.example.com/admin/auth/register?registrationToken=abc&amp;x=1"');
  });

  it('differs by locale', () => {
    const subjects = INVITATION_LOCALES.map(
      (locale) => renderInvitation(locale, { name: 'A', email: 'a@example.com', link: LINK }).subject,
    );
    expect(new Set(subjects).size).toBe(INVITATION_LOCALES.length);
  });

  it('escapes names and emails from the identity provider in the HTML', () => {
    const message = renderInvitation('en', { name: '<script>x</script>', email: 'a"b@example.com', link: LINK });
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&lt;script&gt;');
    expect(message.html).toContain('a&quot;b@example.com');
  });
});
