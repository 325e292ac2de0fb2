/** OpenAPI descriptions of 挂网目录查看 (the catalogue), from the schema the service parses. */
import { coreReads, describeRoutes, pageExample, pagingQuery } from '../../utils/openapi';
import { OWNERSHIP_ERRORS } from '../../scope/ownership';
import { catalogueQuery } from './services/product';

const query = catalogueQuery.omit({ pagination: true, page: true, pageSize: true });
const product = {
  documentId: 'p1q2r3s4t5u6v7w8x9y0z1a2',
  code: 'GK0001',
  name: '骨科螺钉',
  registrationNo: '国械注准20263130001',
  registrationValidTo: '2029-06-30',
  light: 'green',
  spec: 'Φ3.5×20mm',
  model: 'GS-35',
  unit: '枚',
  priceFen: 12800,
  vbp: true,
  manufacturerName: '山东威高骨科材料股份有限公司',
};

export default describeRoutes('挂网目录', [
  {
    method: 'GET',
    path: '/catalogue',
    summary: '挂网目录查看',
    description:
      '挂网产品：按产品名称、注册证号、生产企业搜索，按分类、重点监控、带量采购、证书状态（红黄绿灯）筛选；生产企业 `own=true` 只看本企业的。价格单位为分（`priceFen`）。',
    query: query.extend(pagingQuery.shape),
    response: { description: '一页产品', example: pageExample(product) },
    errors: [
      { status: 400, code: 'QUERY_INVALID', message: '分类无效' },
      { status: 400, code: 'SORT_INVALID', message: '不支持的排序：x' },
    ],
  },
  {
    method: 'GET',
    path: '/catalogue/export',
    summary: '导出（挂网目录）',
    description: '与列表相同的筛选条件，导出全部符合条件的产品。',
    query,
    response: { description: '挂网目录.xlsx', file: true },
  },
  {
    method: 'GET',
    path: '/catalogue/:documentId',
    summary: '产品详情',
    response: { description: '产品', example: { data: product } },
    errors: [{ status: 404, code: 'NOT_FOUND', message: '产品不存在或未挂网' }],
  },
  ...coreReads('products', '产品', 'GET /catalogue', OWNERSHIP_ERRORS[0]!),
]);
