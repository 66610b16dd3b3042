import { Button, EmptyStateLayout, LinkButton } from '@strapi/design-system';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { GUIDE_PAGE_PATH } from '../../pagePaths';
import { getTranslation } from '../../utils/getTranslation';

interface ActivityEmptyStateProps {
  /** With filters set, "nothing matches" and a way to clear them; without, "nothing yet" and the guide. */
  filtered: boolean;
  onClearFilters: () => void;
}

export const ActivityEmptyState = ({ filtered, onClearFilters }: ActivityEmptyStateProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });

  if (filtered) {
    return (
      <EmptyStateLayout
        icon={<EmptyDocuments width="10rem" height="6rem" />}
        content={t('activity.empty.filtered', 'No entries match these filters.')}
        action={
          <Button variant="secondary" onClick={onClearFilters}>
            {t('activity.empty.clearFilters', 'Clear the filters')}
          </Button>
        }
      />
    );
  }
  return (
    <EmptyStateLayout
      icon={<EmptyDocuments width="10rem" height="6rem" />}
      content={t(
        'activity.empty.none',
        'No activity yet. Entries appear here when your identity provider provisions users and groups, and when someone changes these settings.',
      )}
      action={
        <LinkButton tag={NavLink} to={GUIDE_PAGE_PATH} variant="secondary">
          {t('activity.empty.guide', 'Connect your identity provider with the SCIM Guide')}
        </LinkButton>
      }
    />
  );
};
