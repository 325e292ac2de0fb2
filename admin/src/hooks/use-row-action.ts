/**
 * The one way a page performs an action on rows: a POST through Refine's `useCustomMutation`, the
 * success message, then every data query on screen refetched (lists, counts, to-dos). A refusal shows
 * the server's Chinese message and is rethrown, so a modal can keep its form open.
 */
import { useCustomMutation, useInvalidate } from '@refinedev/core';
import { App } from 'antd';
import { useCallback } from 'react';

export interface RowActionCall {
  /** Path under /api, e.g. `/order-lines/confirm`. */
  url: string;
  values?: Record<string, unknown>;
  /** The message shown on success (already translated). */
  success?: string;
}

export function useRowAction() {
  const { mutateAsync, mutation } = useCustomMutation();
  const invalidate = useInvalidate();
  const { message } = App.useApp();
  const run = useCallback(
    async <T = unknown>({ url, values = {}, success }: RowActionCall): Promise<T> => {
      try {
        const res = await mutateAsync({
          url: `/api${url.startsWith('/') ? url : `/${url}`}`,
          method: 'post',
          values,
          successNotification: false,
          errorNotification: false,
        });
        if (success) message.success(success);
        return res.data as T;
      } catch (e) {
        message.error((e as Error)?.message ?? String(e));
        throw e;
      } finally {
        await invalidate({ invalidates: ['all'] });
      }
    },
    [mutateAsync, invalidate, message],
  );
  return { run, running: mutation.isPending };
}
