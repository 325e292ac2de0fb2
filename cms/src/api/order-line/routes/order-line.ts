import { scopedRouter } from '../../../utils/scoped-router';

export default scopedRouter('api::order-line.order-line', ['find', 'findOne']);
