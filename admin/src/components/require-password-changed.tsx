import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useGetIdentity } from '@refinedev/core';
import { Spin } from 'antd';
import type { Me } from '../providers/session';
import { CHANGE_PASSWORD_PATH } from '../providers/auth-provider';

/** Blocks every page while the signed-in user still has to change the initial password. */
export function RequirePasswordChanged({ children }: { children: ReactNode }) {
  const { data: me, isLoading } = useGetIdentity<Me>();
  if (isLoading) {
    return <Spin fullscreen />;
  }
  if (me?.mustChangePassword) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return <>{children}</>;
}
