import { Button, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useScimSecrets } from '../../hooks/useScimSecrets';
import { getTranslation } from '../../utils/getTranslation';
import { SectionCard } from '../common/SectionCard';
import { WithDisabledReason } from '../common/WithDisabledReason';
import type { SecretSummaryResponse } from '../../types';
import { secretName } from './secretNames';
import { RenameSecretDialog } from './RenameSecretDialog';
import { SecretDialog, type SecretFormValues } from './SecretDialog';
import { SecretsTable } from './SecretsTable';

interface SecretsSectionProps {
  /** Without the manage permission the API refuses even the list, so nothing is fetched. */
  canManage: boolean;
  disabledReason?: string;
  /** Set when the admin may not create users in Strapi: creating and copying secrets are then refused. */
  grantDisabledReason?: string;
  /** The allowSecretReveal option: off, secrets are shown once and no copy-again control is offered. */
  allowReveal: boolean;
  /** Called after a secret was created, rotated or deleted. */
  onChanged?: () => void;
}

export const SecretsSection = ({
  canManage,
  disabledReason,
  grantDisabledReason,
  allowReveal,
  onChanged,
}: SecretsSectionProps) => {
  const { formatMessage } = useIntl();
  const secretsApi = useScimSecrets(canManage);
  const { secrets, status, reload, rename, reveal } = secretsApi;
  /** Passes a change's result on, telling the page when it succeeded. */
  const reported = <T,>(result: T): T => {
    if (result) onChanged?.();
    return result;
  };
  const create = async (label: string, expiresAt: string | null) => reported(await secretsApi.create(label, expiresAt));
  const rotate = async (id: number, values: SecretFormValues) => reported(await secretsApi.rotate(id, values));
  const remove = async (id: number) => reported(await secretsApi.remove(id));
  const [addOpen, setAddOpen] = useState(false);
  const [rotating, setRotating] = useState<SecretSummaryResponse | null>(null);
  const [renaming, setRenaming] = useState<SecretSummaryResponse | null>(null);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });

  const addDisabledReason = disabledReason ?? grantDisabledReason;
  const addButton = (
    <WithDisabledReason reason={addDisabledReason}>
      <Button
        startIcon={<Plus />}
        disabled={!canManage || Boolean(grantDisabledReason)}
        onClick={() => setAddOpen(true)}
      >
        {t('secrets.add', 'Add Secret')}
      </Button>
    </WithDisabledReason>
  );

  return (
    <SectionCard
      title={t('secrets.title', 'Secrets')}
      description={t(
        'secrets.description',
        'The identity provider authenticates with one of these secrets (the Secret Token in Entra ID, the HTTP header in Okta).',
      )}
      action={addButton}
    >
      {canManage ? (
        <SecretsTable
          status={status}
          secrets={secrets}
          onRetry={() => void reload()}
          reveal={reveal}
          remove={remove}
          onOpenDialog={(dialog, secret) => (dialog === 'rename' ? setRenaming : setRotating)(secret)}
          allowReveal={allowReveal}
          grantDisabledReason={grantDisabledReason}
        />
      ) : (
        <Typography textColor="neutral600">{disabledReason}</Typography>
      )}
      <SecretDialog
        open={addOpen}
        onOpenChange={setAddOpen}
        submit={({ label, expiresAt }) => create(label, expiresAt)}
      />
      {rotating ? (
        <SecretDialog
          key={rotating.id}
          open
          onOpenChange={(open) => (open ? undefined : setRotating(null))}
          submit={(values) => rotate(rotating.id, values)}
          rotating={{ name: secretName(rotating), label: rotating.label }}
        />
      ) : null}
      {renaming ? (
        <RenameSecretDialog
          key={renaming.id}
          name={secretName(renaming)}
          label={renaming.label}
          onClose={() => setRenaming(null)}
          rename={(label) => rename(renaming.id, label)}
        />
      ) : null}
    </SectionCard>
  );
};
