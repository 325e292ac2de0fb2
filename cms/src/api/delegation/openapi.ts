/** OpenAPI descriptions of 生产配送关系 (委托配送, 下级配送) and 配送产品目录, from the schemas the services parse. */
import { DELEGATION_STATUS } from '../../domain';
import { coreReads, describeRoutes, pageExample, pagingQuery, type ErrorDoc } from '../../utils/openapi';
import { OWNERSHIP_ERRORS } from '../../scope/ownership';
import { createInput, delegationListQuery, productsQuery, respondInput, subInput } from './support/input';
import { optionsQuery } from './support/province-distributors';

const NO_PAGING = { pagination: true, page: true, pageSize: true } as const;
const listQuery = delegationListQuery.omit(NO_PAGING);
const delegation = {
  documentId: 'd1e2f3g4h5i6j7k8l9m0n1o2',
  level: 1,
  provinceCode: '11',
  provinceName: '北京市',
  delegatorName: '山东威高骨科材料股份有限公司',
  distributorName: '国药控股北京有限公司',
  productCount: 3,
  status: DELEGATION_STATUS.pending,
  createdAt: '2026-12-01T09:13:56.000+08:00',
  actions: ['withdraw'],
};
const product = {
  code: 'GK0001',
  name: '骨科螺钉',
  registrationNo: '国械注准20263130001',
  spec: 'Φ3.5×20mm',
  unit: '枚',
  priceFen: 12800,
  manufacturerName: '山东威高骨科材料股份有限公司',
};
const VALIDATION: ErrorDoc = { status: 400, code: 'VALIDATION_FAILED', message: '请选择配送企业' };
const CONCURRENT: ErrorDoc = { status: 409, code: 'CONCURRENT_CHANGE', message: '委托状态已被其他操作改变，请刷新后重试' };

export default describeRoutes('生产配送关系', [
  {
    method: 'GET',
    path: '/delegation-list',
    summary: '生产配送关系列表',
    description:
      '生产企业看自己发起的委托；配送企业看委托给自己的（`box=incoming`）和自己设置的下级配送（`box=outgoing`）；省级医保局看本省的。每行的 `actions` 为可执行的操作。',
    query: listQuery.extend(pagingQuery.shape),
    response: { description: '一页委托', example: pageExample(delegation) },
    errors: [
      { status: 400, code: 'INVALID_INPUT', message: '状态筛选值无效' },
      { status: 400, code: 'SORT_INVALID', message: '不支持的排序：x' },
    ],
  },
  {
    method: 'GET',
    path: '/delegation-list/export',
    summary: '导出（生产配送关系）',
    description: '与列表相同的筛选条件，导出全部符合条件的委托。',
    query: listQuery,
    response: { description: '生产配送关系.xlsx', file: true },
  },
  {
    method: 'GET',
    path: '/delegations/:documentId/detail',
    summary: '委托详情',
    response: { description: '委托及其上级委托', example: { data: delegation } },
    errors: [OWNERSHIP_ERRORS[0]!],
  },
  {
    method: 'GET',
    path: '/delegations/:documentId/products',
    summary: '委托的产品',
    query: productsQuery.omit(NO_PAGING).pick({ q: true }).extend(pagingQuery.shape),
    response: { description: '一页产品', example: pageExample(product) },
    errors: [OWNERSHIP_ERRORS[0]!],
  },
  {
    method: 'GET',
    path: '/delegations/distributor-options',
    summary: '申请委托配送：可选配送企业',
    description: '所选省份的省级医保局已发放账号的配送企业（配送企业管理），按名称或用户名在服务器上搜索，不设上限（分页），每个带其配送区域。',
    query: optionsQuery.omit(NO_PAGING).extend(pagingQuery.shape),
    response: {
      description: '一页配送企业',
      example: pageExample({ id: 7, name: '国药控股北京有限公司', username: 'P11PS0001', areas: ['东城区', '西城区'] }),
    },
    errors: [{ status: 400, code: 'INVALID_INPUT', message: '请选择省份' }],
  },
  {
    method: 'POST',
    path: '/delegations/create',
    summary: '申请委托配送',
    description: '生产企业把本企业已挂网的产品委托给一个配送企业在一个省份配送；该配送企业须为该省已发放账号的配送企业。',
    body: createInput,
    response: { description: '新委托（待确认）', example: { data: delegation } },
    errors: [
      VALIDATION,
      { status: 400, code: 'PRODUCT_NOT_OWN', message: '只能委托本企业的产品：…' },
      { status: 400, code: 'PRODUCT_NOT_LISTED', message: '产品未挂网，不能委托：…' },
      { status: 400, code: 'DISTRIBUTOR_NOT_IN_PROVINCE', message: '该配送企业不是所选省份已发放账号的配送企业，不能委托其在该省配送' },
      { status: 409, code: 'PRODUCT_ALREADY_DELEGATED', message: '以下产品已委托该配送企业（待确认或已确认）：…' },
      { status: 409, code: 'DISTRIBUTOR_DISABLED', message: '该配送企业已停用，不能申请委托配送' },
    ],
  },
  {
    method: 'POST',
    path: '/delegations/respond',
    summary: '确认 / 拒绝委托',
    description: '被委托的配送企业一次确认（`accept`）或拒绝（`reject`，须填写理由）多条委托；全部处理或全部不处理。',
    body: respondInput,
    response: { description: '处理后的委托', example: { data: [{ ...delegation, status: DELEGATION_STATUS.accepted, actions: [] }] } },
    errors: [
      VALIDATION,
      { status: 400, code: 'REASON_REQUIRED', message: '请填写拒绝理由' },
      { status: 409, code: 'BATCH_REFUSED', message: '1条委托无法确认，全部未处理：…' },
      { status: 403, code: 'NOT_ADDRESSED', message: '只有被委托的配送企业可以处理该委托' },
      CONCURRENT,
    ],
  },
  {
    method: 'POST',
    path: '/delegations/:documentId/sub-delegate',
    summary: '设置下级配送',
    description: '配送企业把已确认的委托（全部或部分产品）再委托给一个下级配送企业（最多一级）。',
    body: subInput,
    response: { description: '新的下级委托（待确认）', example: { data: { ...delegation, level: 2 } } },
    errors: [
      VALIDATION,
      ...OWNERSHIP_ERRORS,
      { status: 403, code: 'NOT_ADDRESSED', message: '只有接受该委托的配送企业可以设置下级配送' },
      { status: 409, code: 'SUB_DELEGATION_NOT_ACCEPTED', message: '只有已确认的委托才能设置下级配送' },
      { status: 409, code: 'SUB_DELEGATION_EXISTS', message: '该委托已设置下级配送企业（待确认或已确认），不能重复设置' },
      { status: 409, code: 'SUB_DELEGATION_TOO_DEEP', message: '下级配送企业不能再委托配送（最多一级下级配送）' },
      { status: 400, code: 'SUB_DELEGATION_SELF', message: '不能委托给本企业' },
      { status: 400, code: 'PRODUCT_NOT_IN_DELEGATION', message: '下级配送只能包含本委托中的产品' },
    ],
  },
  {
    method: 'POST',
    path: '/delegations/:documentId/withdraw',
    summary: '撤回委托',
    description: '发起委托的企业撤回待确认的委托。',
    response: { description: '撤回后的委托', example: { data: { ...delegation, status: DELEGATION_STATUS.withdrawn, actions: [] } } },
    errors: [
      ...OWNERSHIP_ERRORS,
      { status: 403, code: 'NOT_DELEGATOR', message: '只有发起委托的企业可以撤回' },
      { status: 409, code: 'INVALID_TRANSITION', message: '当前状态为“已确认”，不能执行“撤回”操作' },
      CONCURRENT,
    ],
  },
  {
    method: 'GET',
    path: '/delegated-products',
    summary: '配送产品目录',
    description: '配送企业获委托配送的产品（已确认的委托），及委托企业、配送省份和配送层级。',
    query: productsQuery.omit(NO_PAGING).extend(pagingQuery.shape),
    response: { description: '一页产品', example: pageExample({ ...product, delegatorName: product.manufacturerName, provinceName: '北京市', level: 1 }) },
  },
  {
    method: 'GET',
    path: '/delegated-products/export',
    summary: '导出（配送产品目录）',
    query: productsQuery.omit(NO_PAGING),
    response: { description: '配送产品目录.xlsx', file: true },
  },
  ...coreReads('delegations', '委托', 'GET /delegation-list', OWNERSHIP_ERRORS[0]!),
]);
