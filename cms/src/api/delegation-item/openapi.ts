/** OpenAPI description of the delegation items' generic reads (the products of a 委托). */
import { coreReads, describeRoutes } from '../../utils/openapi';

export default describeRoutes('生产配送关系', coreReads('delegation-items', '委托产品', 'GET /delegations/{documentId}/products'));
