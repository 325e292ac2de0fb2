/** GET /api/hospital-relationships/export: the list with the same filters as .xlsx, streamed (every matching row). */
import type { Readable } from 'node:stream';
import { chinaDateTime, relationshipMachine, type RelationshipRow } from '../../../domain';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { exportSheet, offsetPager, type Column } from '../../../utils/xlsx-export';
import { parseListQuery } from '../support/input';
import { filteredList, presentRows, SELECT } from '../support/rows';

const COLUMNS: Column<RelationshipRow>[] = [
  { header: '医疗机构', width: 30, value: (r) => r.hospitalName },
  { header: '所在地区', width: 14, value: (r) => r.hospitalRegionName },
  { header: '配送企业', width: 30, value: (r) => r.distributorName },
  { header: '配送区域', width: 30, value: (r) => r.distributorAreas.map((a) => a.name).join('、') },
  { header: '状态', width: 10, value: (r) => relationshipMachine.label(r.status) },
  { header: '申请时间', width: 20, value: (r) => chinaDateTime(r.requestedAt) },
  { header: '处理时间', width: 20, value: (r) => chinaDateTime(r.respondedAt) },
  { header: '撤销申请时间', width: 20, value: (r) => chinaDateTime(r.revokeRequestedAt) },
  { header: '解约开始', width: 20, value: (r) => chinaDateTime(r.terminatingSince) },
  { header: '解约截止', width: 20, value: (r) => chinaDateTime(r.terminationEndsAt) },
  { header: '剩余天数', width: 8, value: (r) => r.daysLeft },
  { header: '可下单', width: 8, value: (r) => (r.orderable ? '是' : '否') },
  { header: '理由', width: 30, value: (r) => r.reason },
  { header: '撤销理由', width: 30, value: (r) => r.revokeReason },
];

export default () => ({
  exportXlsx(actor: Actor, rawQuery: unknown): Readable {
    const q = parseListQuery(rawQuery);
    const at = now();
    const qb = filteredList(actor, q, at);
    return exportSheet({
      sheetName: '医院配送关系',
      columns: COLUMNS,
      nextRows: offsetPager(async (offset, limit) => presentRows(await qb.clone().select(SELECT).limit(limit).offset(offset), at, actor)),
    });
  },
});
