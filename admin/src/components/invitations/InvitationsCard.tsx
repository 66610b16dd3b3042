import { Button, Flex, Td, Toggle, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useInvitations } from '../../hooks/useInvitations';
import type { PendingInvitation } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { CopyButton } from '../common/CopyButton';
import { DataTable } from '../common/DataTable';
import { Notice } from '../common/Notice';
import { SectionCard } from '../common/SectionCard';
import { DisabledReasonNote, WithDisabledReason } from '../common/WithDisabledReason';

interface InvitationsCardProps {
  enabled: boolean;
  /** The settings answer: a new one (another mode, the toggle) loads the card again. */
  version: unknown;
  disabledReason?: string;
  onChange: (invitationsEnabled: boolean) => Promise<boolean>;
}

const COLUMNS = [
  { id: 'invitations.column.user', defaultMessage: 'User' },
  { id: 'invitations.column.actions', defaultMessage: 'Actions', hidden: true },
];

/** Invitation emails to the admin users SCIM creates: provider, on/off, who has not registered yet, resend. */
export const InvitationsCard = ({ enabled, version, disabledReason, onChange }: InvitationsCardProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const { data, status, reload, resend, resending } = useInvitations(version);
  const title = t('invitations.title', 'Invitations');
  const label = t('invitations.toggle', 'Email an invitation to each new admin user');

  if (data?.target === 'users-permissions') {
    return (
      <SectionCard
        title={title}
        description={t(
          'invitations.usersPermissions',
          "Users of the Users & Permissions plugin confirm their account through that plugin's own email confirmation: SCIM sends no invitation.",
        )}
      />
    );
  }

  const provider = data?.emailProvider ?? null;
  const renderCells = (row: PendingInvitation) => (
    <>
      <Td>
        <Flex direction="column" alignItems="flex-start">
          <Typography textColor="neutral800">{row.userName}</Typography>
          {row.email !== row.userName ? (
            <Typography variant="pi" textColor="neutral600">
              {row.email}
            </Typography>
          ) : null}
        </Flex>
      </Td>
      <Td>
        <Flex gap={2} justifyContent="flex-end">
          {row.registrationLink ? (
            <CopyButton
              value={row.registrationLink}
              label={formatMessage(
                { id: getTranslation('invitations.copyLink'), defaultMessage: 'Copy the registration link of {user}' },
                { user: row.userName },
              )}
            />
          ) : null}
          {provider ? (
            <Button
              variant="secondary"
              onClick={() => void resend(row.scimId)}
              loading={resending === row.scimId}
              disabled={Boolean(disabledReason) || (resending !== null && resending !== row.scimId)}
              aria-label={formatMessage(
                { id: getTranslation('invitations.resendLabel'), defaultMessage: 'Resend the invitation to {user}' },
                { user: row.userName },
              )}
            >
              {t('invitations.resend', 'Resend')}
            </Button>
          ) : null}
        </Flex>
      </Td>
    </>
  );

  return (
    <SectionCard
      title={title}
      description={t(
        'invitations.description',
        "SCIM sends no password: each admin user it creates can get an email with Strapi's registration link, to choose one.",
      )}
    >
      {data && provider === null ? (
        <Notice
          variant="warning"
          title={{ id: 'invitations.noProvider.title', defaultMessage: 'No email provider is configured' }}
        >
          {t(
            'invitations.noProvider.body',
            "Strapi's email plugin has no provider (its default sendmail is not used), so no invitation is sent. Copy the registration links below and send them to the users yourself, or configure a provider such as nodemailer.",
          )}
        </Notice>
      ) : null}
      {provider ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            {
              id: getTranslation('invitations.provider'),
              defaultMessage: 'Emails are sent with the "{provider}" provider.',
            },
            { provider },
          )}
        </Typography>
      ) : null}
      <Flex direction="column" alignItems="stretch" gap={1}>
        <WithDisabledReason reason={disabledReason}>
          <Toggle
            name="invitationsEnabled"
            aria-label={label}
            checked={enabled}
            disabled={Boolean(disabledReason)}
            onLabel={t('invitations.on', 'On')}
            offLabel={t('invitations.off', 'Off')}
            onChange={(event) => void onChange(event.currentTarget.checked)}
          />
        </WithDisabledReason>
        <Typography variant="pi" textColor="neutral600">
          {label}
        </Typography>
        <DisabledReasonNote reason={disabledReason} />
      </Flex>
      <Typography variant="sigma" textColor="neutral600" tag="h3">
        {formatMessage(
          {
            id: getTranslation('invitations.pendingCount'),
            defaultMessage:
              '{total, plural, one {# provisioned admin user has not registered yet} other {# provisioned admin users have not registered yet}}',
          },
          { total: data?.total ?? 0 },
        )}
      </Typography>
      {data && data.total > data.pending.length ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            { id: getTranslation('invitations.firstShown'), defaultMessage: 'The first {shown} are listed.' },
            { shown: data.pending.length },
          )}
        </Typography>
      ) : null}
      {data && !data.linksShown && data.total > 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {t(
            'invitations.linksHidden',
            "Registration links are shown only to admins who may create admin users: a link sets that user's password.",
          )}
        </Typography>
      ) : null}
      <DataTable
        compact
        status={status}
        rows={data ? data.pending : null}
        columns={COLUMNS}
        rowKey={(row) => row.scimId}
        renderCells={renderCells}
        loadingLabel={t('invitations.loading', 'Loading the users who have not registered')}
        errorMessage={t('invitations.loadError', 'The invitations could not be loaded.')}
        onRetry={() => void reload()}
        empty={null}
      />
    </SectionCard>
  );
};
