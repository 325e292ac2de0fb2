/** GET /api/delegation-list/export: 生产配送关系 as the list shows them for the same filters, as .xlsx, streamed page by page. */
import type { Readable } from 'node:stream';
import { chinaDateTime, DELEGATION_LEVEL_LABELS, delegationMachine, type DelegationRow } from '../../../domain';
import type { Actor } from '../../../scope';
import { exportSheet, offsetPager, type Column } from '../../../utils/xlsx-export';
import type readsService from './delegation';
import { parseListQuery } from '../support/input';

const reads = () => strapi.service('api::delegation.delegation') as unknown as ReturnType<typeof readsService>;
/** The list's page size limit: the export reads the list page by page. */
const CHUNK = 200;

const COLUMNS: Column<DelegationRow>[] = [
  { header: '生产企业', width: 30, value: (r) => r.manufacturerName },
  { header: '委托方', width: 30, value: (r) => r.delegatorName },
  { header: '配送企业', width: 30, value: (r) => r.distributorName },
  { header: '省份', width: 10, value: (r) => r.provinceName },
  { header: '级别', width: 10, value: (r) => DELEGATION_LEVEL_LABELS[r.level].zh },
  { header: '产品数', width: 8, value: (r) => r.productCount },
  { header: '状态', width: 10, value: (r) => delegationMachine.label(r.status) },
  { header: '理由', width: 30, value: (r) => r.reason },
  { header: '委托时间', width: 20, value: (r) => chinaDateTime(r.createdAt) },
  { header: '处理时间', width: 20, value: (r) => chinaDateTime(r.respondedAt) },
];

export default () => ({
  exportXlsx(actor: Actor, rawQuery: Record<string, unknown>): Readable {
    const query = { ...rawQuery };
    delete query.pagination;
    delete query.lang;
    parseListQuery(query); // bad filters answer 400 before the workbook starts
    return exportSheet({
      sheetName: '生产配送关系',
      columns: COLUMNS,
      nextRows: offsetPager(async (offset) => (await reads().list(actor, { ...query, pagination: { page: offset / CHUNK + 1, pageSize: CHUNK } })).data, CHUNK),
    });
  },
});
