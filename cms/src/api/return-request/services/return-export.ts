/** GET /api/order-returns/export: the return requests the list shows for the same filters, as .xlsx, streamed page by page. */
import type { Readable } from 'node:stream';
import { chinaDateTime, returnMachine, type ReturnRow, type ReturnStatus } from '../../../domain';
import type { Actor } from '../../../scope';
import { exportSheet, offsetPager, type Column } from '../../../utils/xlsx-export';
import type returnsService from './returns';

const returns = () => strapi.service('api::return-request.returns') as unknown as ReturnType<typeof returnsService>;
const CHUNK = 200;

const COLUMNS: Column<ReturnRow>[] = [
  { header: '订单编号', width: 24, value: (r) => (r.orderCode ? `${r.orderCode}-${r.lineNo}` : '') },
  { header: '医疗机构', width: 28, value: (r) => r.hospitalName },
  { header: '配送企业', width: 28, value: (r) => r.distributorName },
  { header: '产品名称', width: 28, value: (r) => r.productName },
  { header: '退货数量', width: 10, value: (r) => r.quantity },
  { header: '退货理由', width: 30, value: (r) => r.reason },
  { header: '处理结果', width: 12, value: (r) => returnMachine.label(r.status) },
  { header: '拒绝理由', width: 30, value: (r) => r.refuseReason },
  { header: '申请时间', width: 20, value: (r) => chinaDateTime(r.createdAt) },
  { header: '处理时间', width: 20, value: (r) => chinaDateTime(r.respondedAt) },
];

export default () => ({
  exportXlsx(actor: Actor, filters: { status?: ReturnStatus[]; q?: string }): Readable {
    return exportSheet({
      sheetName: '退货申请',
      columns: COLUMNS,
      nextRows: offsetPager(async (offset, limit) => (await returns().searchReturns(actor, filters, offset / CHUNK + 1, limit)).data, CHUNK),
    });
  },
});
