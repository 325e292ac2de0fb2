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
  /** The caller shows a refusal itself (a modal's form): no error message here. */
  quiet?: boolean;
}

export function useRowAction() {
  const { mutateAsync, mutation } = useCustomMutation();
  const invalidate = useInvalidate();
  const { message } = App.useApp();
  const run = useCallback(
    async <T = unknown>({ url, values = {}, success, quiet }: RowActionCall): Promise<T> => {
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
        if (!quiet) message.error((e as Error)?.message ?? String(e));
        throw e;
      } finally {
        await invalidate({ invalidates: ['all'] });
      }
    },
    [mutateAsync, invalidate, message],
  );
  /** `run` for a button: the refusal is shown, nothing is rethrown. */
  const fire = useCallback((call: RowActionCall) => void run(call).catch(() => undefined), [run]);
  return { run, fire, running: mutation.isPending };
}
