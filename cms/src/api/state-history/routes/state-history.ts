import { scopedRouter } from '../../../utils/scoped-router';

export default scopedRouter('api::state-history.state-history', ['find', 'findOne']);
