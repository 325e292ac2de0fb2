/** OpenAPI description of the regions' generic reads (省、市、区县 行政区划). */
import { coreReads, describeRoutes } from '../../utils/openapi';

export default describeRoutes('行政区划', coreReads('regions', '行政区划（省、市、区县）'));
