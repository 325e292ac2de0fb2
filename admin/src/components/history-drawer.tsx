/**
 * 操作历史: the timeline of one record (`GET /api/history/<entity>/<documentId>`), each entry labelled
 * by the record's state machine, in China time. The one history drawer of the panel.
 */
import { useCustom, useGetLocale, useTranslate } from '@refinedev/core';
import { Drawer, Empty, Spin, Timeline, Typography } from 'antd';
import { chinaDateTime, describeHistoryEntry, historyLabeller, type HistoryTimeline } from '@domain';
import { isLang } from '../providers/i18n-provider';

interface HistoryRow {
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  actorName: string;
  at: string;
}

export interface HistoryDrawerProps {
  /** The history entity of the API path, e.g. `order-line`, `delegation`, `relationship`. */
  entity: string;
  /** The timeline that labels the states and steps: a machine's name, or `account`. */
  machine: HistoryTimeline;
  /** The record; the drawer is open while it is set. */
  documentId: string | null | undefined;
  title?: string;
  onClose: () => void;
}

export function HistoryDrawer({ entity, machine, documentId, title, onClose }: HistoryDrawerProps) {
  const t = useTranslate();
  const locale = useGetLocale()();
  const lang = isLang(locale) ? locale : 'zh-CN';
  const { result, query } = useCustom<{ data: HistoryRow[] }>({
    url: `/api/history/${entity}/${documentId ?? ''}`,
    method: 'get',
    queryOptions: { enabled: !!documentId },
    errorNotification: false,
  });
  const rows = (result?.data as unknown as { data?: HistoryRow[] } | undefined)?.data ?? [];
  return (
    <Drawer open={!!documentId} title={title ?? t('history.title')} onClose={onClose} width={480} destroyOnHidden>
      {query.isLoading ? (
        <Spin />
      ) : rows.length === 0 ? (
        <Empty description={t('history.empty')} />
      ) : (
        <Timeline
          items={rows.map((r) => ({
            children: (
              <div>
                <Typography.Text strong>
                  {describeHistoryEntry({ action: r.action, from: r.fromState, to: r.toState, reason: r.reason }, historyLabeller(machine), lang)}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {chinaDateTime(r.at)} · {r.actorName}
                  </Typography.Text>
                </div>
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
