import { scopedRouter } from '../../../utils/scoped-router';

export default scopedRouter('api::product.product', ['find', 'findOne']);
