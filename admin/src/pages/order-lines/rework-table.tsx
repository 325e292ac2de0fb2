/** 撤回修改 (distributor): deliveries whose invoice is missing or failed; 撤回 and 修改 as the server allows. */
import { useTranslate } from '@refinedev/core';
import { RowActions } from '../../components/row-actions';
import { useRowAction } from '../../hooks/use-row-action';
import { DeliveryList } from './delivery-list';
import type { DeliveryRow } from './types';

/** 修改 covers 补填 here: a row offering both shows one button. */
const reworkActions = (actions: readonly string[] | undefined) => (actions?.includes('modify') ? actions.filter((a) => a !== 'fill') : actions);

export function ReworkTable({ onInvoice }: { onInvoice: (d: DeliveryRow, title: string) => void }) {
  const t = useTranslate();
  const { fire } = useRowAction();
  return (
    <DeliveryList
      role="distributor"
      filter={{ rework: 1 }}
      emptyHint={t('panel.empty.rework')}
      fileName={t('orders.tabs.rework')}
      renderActions={(d) => (
        <RowActions
          actions={reworkActions(d.actions)}
          specs={{
            withdraw: {
              label: t('orders.actions.withdraw'),
              confirm: t('orders.confirm.withdraw'),
              onClick: () => fire({ url: `/order-deliveries/${d.documentId}/withdraw`, success: t('orders.msg.done') }),
            },
            modify: { label: t('orders.actions.modify'), onClick: () => onInvoice(d, t('orders.actions.modify')) },
            fill: { label: t('orders.actions.fillInvoice'), onClick: () => onInvoice(d, t('orders.actions.fillInvoice')) },
          }}
        />
      )}
    />
  );
}
