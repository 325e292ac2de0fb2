import { scopedRouter } from '../../../utils/scoped-router';

export default scopedRouter('api::contract.contract', ['find', 'findOne']);
