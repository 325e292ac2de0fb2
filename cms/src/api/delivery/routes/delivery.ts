import { scopedRouter } from '../../../utils/scoped-router';

export default scopedRouter('api::delivery.delivery', ['find', 'findOne']);
