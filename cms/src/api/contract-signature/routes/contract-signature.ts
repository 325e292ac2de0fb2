import { scopedRouter } from '../../../utils/scoped-router';

export default scopedRouter('api::contract-signature.contract-signature', ['find', 'findOne']);
