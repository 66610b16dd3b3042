import { Link } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { GENERAL_PAGE_PATH } from '../../pagePaths';

export const GeneralPageLink = ({ children }: { children: ReactNode }) => (
  <Link tag={NavLink} to={GENERAL_PAGE_PATH}>
    {children}
  </Link>
);
