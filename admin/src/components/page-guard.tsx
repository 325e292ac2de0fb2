import type { ReactNode } from 'react';
import { CanAccess } from '@refinedev/core';
import { Forbidden } from './forbidden';

/** Renders the page only when the caller's role may open `resource`; otherwise the 403 result. */
export function PageGuard({ resource, action = 'list', children }: { resource: string; action?: string; children: ReactNode }) {
  return (
    <CanAccess resource={resource} action={action} fallback={<Forbidden />}>
      {children}
    </CanAccess>
  );
}
