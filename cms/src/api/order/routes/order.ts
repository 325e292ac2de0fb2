import { scopedRouter } from '../../../utils/scoped-router';

export default scopedRouter('api::order.order', ['find', 'findOne']);
