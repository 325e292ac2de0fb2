/** 操作历史 of the caller's organisation: 企业信息 edits, contacts, operators, 初始密码 — who, when, what. */
import { Drawer, Empty, Spin, Timeline, Typography } from 'antd';
import { useCustom, useGetLocale, useTranslate } from '@refinedev/core';
import { chinaDateTime, ORG_HISTORY_ACTIONS } from '@domain';

interface Row {
  action: string;
  reason: string | null;
  actorName: string;
  at: string;
}

export function OrgHistoryDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslate();
  const k = useGetLocale()() === 'en-US' ? 'en' : 'zh';
  const { result, query } = useCustom<{ data: Row[] }>({
    url: '/api/organisations/mine/history',
    method: 'get',
    queryOptions: { enabled: open },
    errorNotification: false,
  });
  const rows = (result?.data as unknown as { data?: Row[] } | undefined)?.data ?? [];
  return (
    <Drawer open={open} onClose={onClose} title={t('organisation.info.history')} width={520}>
      {query.isLoading ? (
        <Spin />
      ) : rows.length ? (
        <Timeline
          items={[...rows].reverse().map((r, i) => ({
            key: i,
            children: (
              <>
                <Typography.Text strong>{ORG_HISTORY_ACTIONS[r.action]?.[k] ?? r.action}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {chinaDateTime(r.at)} · {r.actorName}
                  </Typography.Text>
                </div>
                {r.reason && <div>{r.reason}</div>}
              </>
            ),
          }))}
        />
      ) : (
        <Empty />
      )}
    </Drawer>
  );
}
