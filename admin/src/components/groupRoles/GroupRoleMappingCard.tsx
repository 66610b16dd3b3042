import { Link, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { useGroupDirectory } from '../../hooks/useGroupDirectory';
import { GUIDE_PAGE_PATH } from '../../pagePaths';
import type { GroupRoleMapping, ProvisionedGroupResponse, RoleOption } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { SectionCard } from '../common/SectionCard';
import { AddMappingForm } from './AddMappingForm';
import { MappingTable } from './MappingTable';

interface GroupRoleMappingCardProps {
  mappings: GroupRoleMapping[];
  roles: RoleOption[];
  disabledReason?: string;
  /** Saves the whole list (PUT) and reports the outcome as a notification. */
  onSave: (mappings: GroupRoleMapping[], successMessage: string) => Promise<boolean>;
}

/** Provisioned group -> role rows, with remove buttons, and a form to add one. */
export const GroupRoleMappingCard = ({ mappings, roles, disabledReason, onSave }: GroupRoleMappingCardProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const directory = useGroupDirectory(mappings.map((mapping) => mapping.groupId));
  const [formKey, setFormKey] = useState(0);

  // The API refuses unknown groups, so mappings of deleted groups are dropped whenever the list is saved.
  const save = (next: GroupRoleMapping[], successMessage: string) =>
    onSave(
      next.filter((mapping) => directory.lookup(mapping.groupId).state !== 'deleted'),
      successMessage,
    );

  const add = async (group: ProvisionedGroupResponse, roleId: number) => {
    directory.remember(group);
    const saved = await save(
      [...mappings, { groupId: group.id, roleId }],
      t('groupRoles.notification.added', 'Mapping added'),
    );
    if (saved) setFormKey((key) => key + 1);
    return saved;
  };

  const remove = (index: number) =>
    save(
      mappings.filter((_, position) => position !== index),
      t('groupRoles.notification.removed', 'Mapping removed'),
    );

  return (
    <SectionCard
      title={t('groupRoles.title', 'Group role mapping')}
      description={t(
        'groupRoles.description',
        'Members of a provisioned group get its role in addition to the default role; in production mode roles are recomputed whenever membership or this mapping changes.',
      )}
    >
      <MappingTable
        status={directory.status}
        onRetry={() => void directory.reload()}
        mappings={mappings}
        roles={roles}
        lookup={directory.lookup}
        disabledReason={disabledReason}
        onRemove={remove}
      />
      {directory.status === 'ready' &&
        (directory.total === 0 ? (
          <Typography textColor="neutral600">
            {formatMessage(
              {
                id: getTranslation('groupRoles.noGroups'),
                defaultMessage:
                  'No group has been provisioned yet. Assign groups to the app in your identity provider: see the <guidePage>SCIM Guide</guidePage>.',
              },
              {
                guidePage: (chunks: ReactNode[]) => (
                  <Link tag={NavLink} to={GUIDE_PAGE_PATH}>
                    {chunks}
                  </Link>
                ),
              },
            )}
          </Typography>
        ) : (
          <AddMappingForm key={formKey} roles={roles} mappings={mappings} disabledReason={disabledReason} onAdd={add} />
        ))}
    </SectionCard>
  );
};
