/** OpenAPI descriptions of 医院配送关系 (委托配送申请, 接受/拒绝, 撤销), from the schemas the controller parses. */
import { RELATIONSHIP_STATUS, relationshipMachine } from '../../domain';
import { coreReads, describeRoutes, pageExample, pagingQuery, type ErrorDoc } from '../../utils/openapi';
import { OWNERSHIP_ERRORS } from '../../scope/ownership';
import { candidatesQuery, listSchema, orderableQuery, requestBodySchema, singleTransitionBody, transitionBody } from './support/input';

const ACTION_NAMES = relationshipMachine.transitionNames;
const actionParam = `操作：${ACTION_NAMES.map((a) => `\`${a}\` ${relationshipMachine.transitions[a].zh}`).join('、')}`;
const relationship = {
  documentId: 'r1s2t3u4v5w6x7y8z9a0b1c2',
  hospitalName: '北京积水潭医院',
  distributorName: '国药控股北京有限公司',
  status: RELATIONSHIP_STATUS.established,
  requestedAt: '2026-12-01T09:13:56.000+08:00',
  actions: ['requestRevoke'],
};
const TRANSITION_ERRORS: ErrorDoc[] = [
  { status: 400, code: 'REASON_REQUIRED', message: '拒绝委托须填写理由' },
  { status: 400, code: 'REASON_TOO_LONG', message: '理由不能超过500个字' },
  { status: 403, code: 'ROLE_NOT_ALLOWED', message: '仅配送企业可执行此操作' },
  { status: 409, code: 'INVALID_STATE', message: '当前状态为“已建立”，不能接受委托' },
  { status: 409, code: 'CONCURRENT_CHANGE', message: '该记录已被他人处理，请刷新后重试' },
];

export default describeRoutes('医院配送关系', [
  {
    method: 'GET',
    path: '/hospital-relationships/list',
    summary: '医院配送关系列表',
    description:
      '医疗机构看自己申请的配送关系，配送企业看向自己申请的，省级医保局看本省的。状态为实际状态：解约中满 30 天为已解除。每行的 `actions` 为可执行的操作。',
    query: listSchema.extend(pagingQuery.shape),
    response: { description: '一页配送关系', example: pageExample(relationship) },
    errors: [{ status: 400, code: 'INVALID_INPUT', message: '状态筛选值无效' }],
  },
  {
    method: 'GET',
    path: '/hospital-relationships/export',
    summary: '导出（医院配送关系）',
    query: listSchema,
    response: { description: '医院配送关系.xlsx', file: true },
  },
  {
    method: 'GET',
    path: '/hospital-relationships/counts',
    summary: '各状态的数量与待办',
    response: { description: '按实际状态计数', example: { data: { byStatus: { [RELATIONSHIP_STATUS.pending]: 2 }, todo: 2 } } },
  },
  {
    method: 'GET',
    path: '/hospital-relationships/detail/:documentId',
    summary: '配送关系详情',
    response: { description: '配送关系', example: { data: relationship } },
    errors: [OWNERSHIP_ERRORS[0]!],
  },
  {
    method: 'GET',
    path: '/hospital-relationships/candidates',
    summary: '委托配送申请：可选配送企业',
    description: '本省的配送企业，按名称在服务器上搜索。',
    query: candidatesQuery,
    response: { description: '配送企业', example: { data: [{ id: 7, name: '国药控股北京有限公司' }] } },
  },
  {
    method: 'GET',
    path: '/hospital-relationships/orderable',
    summary: '可下单的配送企业',
    description: '不带参数：医疗机构现在可以向其下单的配送企业（已建立配送关系）；带 `distributorOrgId`：检查该配送企业，不可下单时答复 409 及原因。',
    query: orderableQuery,
    response: { description: '配送企业 id 列表，或对一个配送企业的答复', example: { data: { distributorOrgId: 7, mayOrder: true } } },
    errors: [{ status: 409, code: 'RELATIONSHIP_NOT_ORDERABLE', message: '只能选择已建立配送关系的配送企业' }],
  },
  {
    method: 'POST',
    path: '/hospital-relationships/request',
    summary: '委托配送申请',
    description: '医疗机构向本省的配送企业申请建立配送关系（待确认）。',
    body: requestBodySchema,
    response: { description: '新的配送关系（201）', example: { data: { ...relationship, status: RELATIONSHIP_STATUS.pending, actions: ['withdraw'] } } },
    errors: [
      { status: 400, code: 'INVALID_INPUT', message: '请选择配送企业' },
      { status: 400, code: 'DISTRIBUTOR_OTHER_PROVINCE', message: '只能向本省的配送企业申请委托配送' },
      { status: 404, code: 'DISTRIBUTOR_NOT_FOUND', message: '配送企业不存在' },
      { status: 409, code: 'RELATIONSHIP_EXISTS', message: '与该配送企业已有“待确认”的配送关系' },
      { status: 409, code: 'DISTRIBUTOR_DISABLED', message: '该配送企业已停用，不能申请委托配送' },
    ],
  },
  {
    method: 'POST',
    path: '/hospital-relationships/:action',
    summary: '批量处理配送关系',
    description: `对勾选的多条配送关系执行同一操作；全部处理或全部不处理。${actionParam}。拒绝委托、拒绝撤销须填写理由。`,
    body: transitionBody,
    response: { description: '处理结果', example: { data: { count: 1 } } },
    errors: [{ status: 400, code: 'INVALID_INPUT', message: '请选择要处理的记录' }, ...TRANSITION_ERRORS, OWNERSHIP_ERRORS[0]!],
  },
  {
    method: 'POST',
    path: '/hospital-relationships/:documentId/:action',
    summary: '处理一条配送关系',
    description: `${actionParam}。医疗机构：撤回申请、撤销申请；配送企业：接受委托、拒绝委托、接受撤销（进入解约中，30 天后为已解除）、拒绝撤销。`,
    body: singleTransitionBody.extend({ reason: singleTransitionBody.shape.reason.meta({ description: '理由（拒绝时必填）', example: '暂不覆盖该区域' }) }),
    response: { description: '处理后的配送关系', example: { data: relationship } },
    errors: [...TRANSITION_ERRORS, ...OWNERSHIP_ERRORS],
  },
  ...coreReads('hospital-relationships', '医院配送关系', 'GET /hospital-relationships/list', OWNERSHIP_ERRORS[0]!),
]);
