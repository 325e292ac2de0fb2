import { scopedRouter } from '../../../utils/scoped-router';

export default scopedRouter('api::delegation-item.delegation-item', ['find', 'findOne']);
