import { Td, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { SettingsResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import type { DataTableColumn } from '../common/DataTable';
import { SectionCard } from '../common/SectionCard';
import { StaticTable } from '../common/StaticTable';

const COLUMNS: DataTableColumn[] = [
  { id: 'attributeMappings.column.path', defaultMessage: 'SCIM attribute' },
  { id: 'attributeMappings.column.field', defaultMessage: 'User field' },
];

type AttributeMapping = SettingsResponse['attributeMappings'][number];

/** The `attributeMappings` option, read-only: it is set in the plugin config and checked when Strapi starts. */
export const AttributeMappingsCard = ({ mappings }: { mappings: AttributeMapping[] }) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const description = t(
    'attributeMappings.description',
    'SCIM attributes copied onto fields of the Strapi user in production mode. Set in the plugin configuration (attributeMappings); Strapi checks them when it starts.',
  );
  return (
    <SectionCard title={t('attributeMappings.title', 'Attribute mappings')} description={description}>
      <StaticTable
        rows={mappings}
        columns={COLUMNS}
        rowKey={(mapping) => `${mapping.path}:${mapping.field}`}
        emptyMessage={t(
          'attributeMappings.empty',
          'No attribute is mapped: Strapi users get the names and email only.',
        )}
        renderCells={(mapping) => (
          <>
            <Td>
              <Typography textColor="neutral800" fontWeight="semiBold">
                {mapping.path}
              </Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{mapping.field}</Typography>
            </Td>
          </>
        )}
      />
    </SectionCard>
  );
};
