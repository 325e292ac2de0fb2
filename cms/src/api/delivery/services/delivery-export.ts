/** GET /api/order-deliveries/export: the deliveries the list shows for the same filters, as .xlsx, streamed page by page. */
import type { Readable } from 'node:stream';
import { chinaDateTime, deliveryMachine, invoiceMachine, type DeliveryRow } from '../../../domain';
import type { Actor } from '../../../scope';
import { exportSheet, offsetPager, type Column } from '../../../utils/xlsx-export';
import type deliveriesService from './deliveries';
import type { DeliveryFilters } from './deliveries';

const deliveries = () => strapi.service('api::delivery.deliveries') as unknown as ReturnType<typeof deliveriesService>;
/** The list's page size limit: the export reads the list page by page. */
const CHUNK = 200;

const COLUMNS: Column<DeliveryRow>[] = [
  { header: '订单编号', width: 24, value: (d) => (d.orderCode ? `${d.orderCode}-${d.lineNo}` : '') },
  { header: '医疗机构', width: 28, value: (d) => d.hospitalName },
  { header: '配送企业', width: 28, value: (d) => d.distributorName },
  { header: '产品名称', width: 28, value: (d) => d.productName },
  { header: '批次', width: 6, value: (d) => d.seq },
  { header: '配送数量', width: 10, value: (d) => d.quantity },
  { header: '生产批号', width: 16, value: (d) => d.batchNo },
  { header: '生产日期', width: 12, value: (d) => d.productionDate },
  { header: '有效期', width: 12, value: (d) => d.expiryDate },
  { header: '发票代码', width: 14, value: (d) => d.invoiceCode },
  { header: '发票号码', width: 22, value: (d) => d.invoiceNo },
  { header: '发票状态', width: 10, value: (d) => invoiceMachine.label(d.invoiceStatus) },
  { header: '查验理由', width: 24, value: (d) => d.invoiceReason },
  { header: '收货状态', width: 10, value: (d) => deliveryMachine.label(d.status) },
  { header: '配送时间', width: 20, value: (d) => chinaDateTime(d.deliveredAt) },
  { header: '收货时间', width: 20, value: (d) => chinaDateTime(d.receivedAt) },
];

export default () => ({
  exportXlsx(actor: Actor, filters: DeliveryFilters): Readable {
    return exportSheet({
      sheetName: '配送记录',
      columns: COLUMNS,
      nextRows: offsetPager(async (offset, limit) => (await deliveries().searchDeliveries(actor, filters, offset / CHUNK + 1, limit)).data, CHUNK),
    });
  },
});
