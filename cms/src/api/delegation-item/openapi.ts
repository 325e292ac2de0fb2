/** OpenAPI description of the delegation items' generic reads (the products of a 委托). */
import { coreReads, describeRoutes } from '../../utils/openapi';
import { OWNERSHIP_ERRORS } from '../../scope/ownership';

export default describeRoutes('生产配送关系', coreReads('delegation-items', '委托产品', 'GET /delegations/{documentId}/products', OWNERSHIP_ERRORS[0]!));
