/** OpenAPI description of the contract signatures' generic reads (三方合同的签名记录). */
import { coreReads, describeRoutes } from '../../utils/openapi';
import { OWNERSHIP_ERRORS } from '../../scope/ownership';

export default describeRoutes('三方合同', coreReads('contract-signatures', '合同签名记录', 'GET /contracts/{documentId}/detail', OWNERSHIP_ERRORS[0]!));
