import { scopedRouter } from '../../../utils/scoped-router';

export default scopedRouter('api::distributor-account.distributor-account', ['find', 'findOne']);
