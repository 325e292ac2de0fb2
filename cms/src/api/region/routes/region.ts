import { scopedRouter } from '../../../utils/scoped-router';

export default scopedRouter('api::region.region', ['find', 'findOne']);
