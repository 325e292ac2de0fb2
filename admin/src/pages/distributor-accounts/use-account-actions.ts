/** The row actions of 配送企业管理: each asks to confirm, then calls the server through the one action hook. */
import { useCustomMutation, useInvalidate, useTranslate } from '@refinedev/core';
import { App } from 'antd';
import type { AccountAction } from '@domain';
import { useRowAction } from '../../hooks/use-row-action';
import { MANAGE, type AccountRow } from './types';

interface Handlers {
  onView: (r: AccountRow) => void;
  onEdit: (r: AccountRow) => void;
  onDone: () => void;
  /** 发放 / 重置密码 by a bureau that had no initial password: the one generated, to show once. */
  onGenerated: (password: string) => void;
}

export function useAccountActions({ onView, onEdit, onDone, onGenerated }: Handlers) {
  const t = useTranslate();
  const { message, modal } = App.useApp();
  const { run } = useRowAction();
  const { mutateAsync } = useCustomMutation();
  const invalidate = useInvalidate();

  const confirm = (title: string, onOk: () => Promise<unknown>) =>
    modal.confirm({ title, okText: t('accounts.confirm.ok'), cancelText: t('accounts.confirm.cancel'), onOk: () => onOk().then(onDone, () => undefined) });
  const post = (url: string, values: Record<string, unknown>, success: string) => () =>
    run<{ data?: { initialPassword?: string } }>({ url: `/${MANAGE}${url}`, values, success }).then((answer) => {
      if (answer?.data?.initialPassword) onGenerated(answer.data.initialPassword);
    });

  /** 删除 is the one DELETE; the hook posts, so it goes through Refine's mutation directly. */
  const remove = async (r: AccountRow) => {
    try {
      await mutateAsync({ url: `/api/${MANAGE}/${r.documentId}`, method: 'delete', values: {}, successNotification: false, errorNotification: false });
      message.success(t('accounts.done.deleted'));
    } catch (e) {
      message.error((e as Error)?.message ?? String(e));
      throw e;
    } finally {
      await invalidate({ invalidates: ['all'] });
    }
  };

  const runAction = (r: AccountRow, a: AccountAction) => {
    const u = { username: r.username };
    const id = r.documentId;
    switch (a) {
      case 'view':
        return onView(r);
      case 'edit':
        return onEdit(r);
      case 'issue':
        return confirm(t('accounts.confirm.issue', u), post('/issue', { documentIds: [id] }, t('accounts.done.issued', { count: 1 })));
      case 'delete':
        return confirm(t('accounts.confirm.delete', u), () => remove(r));
      case 'enable':
        return confirm(t('accounts.confirm.enable', u), post(`/${id}/enable`, {}, t('accounts.done.enabled')));
      case 'disable':
        return confirm(t('accounts.confirm.disable', u), post(`/${id}/disable`, {}, t('accounts.done.disabled')));
      case 'resetPassword':
        return confirm(t('accounts.confirm.resetPassword', u), post(`/${id}/reset-password`, {}, t('accounts.done.resetPassword')));
      case 'unlock':
        return confirm(t('sessions.unlock.confirm', u), post(`/${id}/unlock`, {}, t('sessions.unlock.done')));
    }
  };

  const issueMany = (ids: string[]) => {
    if (ids.length === 0) {
      message.warning(t('accounts.list.selectFirst'));
      return;
    }
    confirm(t('accounts.confirm.issueMany', { count: ids.length }), post('/issue', { documentIds: ids }, t('accounts.done.issued', { count: ids.length })));
  };

  return { runAction, issueMany };
}
