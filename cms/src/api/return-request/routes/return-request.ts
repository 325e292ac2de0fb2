import { scopedRouter } from '../../../utils/scoped-router';

export default scopedRouter('api::return-request.return-request', ['find', 'findOne']);
