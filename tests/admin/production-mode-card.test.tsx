import { screen } from '@testing-library/react';
import { ProductionModeCard } from '../../admin/src/components/general/ProductionModeCard';
import { renderWithProviders } from './support/render';

describe('ProductionModeCard', () => {
  it('names how many users and groups will be applied when a count is passed', async () => {
    const onChange = jest.fn().mockResolvedValue(true);
    const { user } = renderWithProviders(
      <ProductionModeCard productionMode={false} onChange={onChange} provisioned={{ users: 12, groups: 1 }} />,
    );

    await user.click(screen.getByRole('checkbox', { name: 'Production mode' }));
    expect(await screen.findByRole('alertdialog')).toHaveTextContent(
      '12 provisioned users and 1 group will be applied to Strapi',
    );
    expect(onChange).not.toHaveBeenCalled();
  });
});
