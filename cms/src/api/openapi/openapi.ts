/** OpenAPI description of the document itself. */
import { describeRoutes } from '../../utils/openapi';

export default describeRoutes('接口说明', [
  {
    method: 'GET',
    path: '/openapi.json',
    summary: '接口说明（OpenAPI 3.0）',
    description: '本文档：每个业务接口的参数、请求体、答复示例和错误代码；`/documentation` 以 Swagger UI 展示同一文档。',
    response: { description: 'OpenAPI 3.0 文档', example: { openapi: '3.0.3', info: { title: '医用耗材采购配送平台 REST API', version: '1.0.0' }, paths: {} } },
  },
]);
