/** OpenAPI description of the regions' generic reads (省、市、区县 行政区划). */
import { coreReads, describeRoutes } from '../../utils/openapi';
import { OWNERSHIP_ERRORS } from '../../scope/ownership';

export default describeRoutes('行政区划', coreReads('regions', '行政区划（省、市、区县）', undefined, OWNERSHIP_ERRORS[0]!));
