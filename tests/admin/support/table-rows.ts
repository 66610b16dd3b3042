import { within } from '@testing-library/react';

/** The rows of the table in `container` (the header row excluded), each as the text of its first `cells` cells. */
export const tableRows = (container: HTMLElement, cells = 2) =>
  within(container)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('gridcell')
        .slice(0, cells)
        .map((cell) => cell.textContent),
    );
