/**
 * A write of any method (PUT, DELETE, POST) through Refine's `useCustomMutation`, its success message,
 * then every query on screen refetched. A refusal is rethrown so a modal can show it by its form.
 */
import { useCustomMutation, useInvalidate } from '@refinedev/core';
import { App } from 'antd';
import { useCallback } from 'react';

export function useApiWrite() {
  const { mutateAsync, mutation } = useCustomMutation();
  const invalidate = useInvalidate();
  const { message } = App.useApp();
  const write = useCallback(
    async <T = unknown>(method: 'post' | 'put' | 'delete', url: string, values: Record<string, unknown> = {}, success?: string): Promise<T> => {
      try {
        const res = await mutateAsync({ url: `/api${url}`, method, values, successNotification: false, errorNotification: false });
        if (success) message.success(success);
        return (res.data as { data?: T })?.data as T;
      } finally {
        await invalidate({ invalidates: ['all'] });
      }
    },
    [mutateAsync, invalidate, message],
  );
  /** `write` for a button: the refusal is shown as a message, nothing rethrown. */
  const fire = useCallback(
    (method: 'post' | 'put' | 'delete', url: string, success?: string) =>
      void write(method, url, {}, success).catch((e: unknown) => message.error((e as Error)?.message ?? String(e))),
    [write, message],
  );
  return { write, fire, saving: mutation.isPending };
}
