import { scopedRouter } from '../../../utils/scoped-router';

export default scopedRouter('api::delegation.delegation', ['find', 'findOne']);
