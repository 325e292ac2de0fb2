import { winston } from '@strapi/logger';
import { currentRequest } from '../src/utils/request-context';

// Strapi's console logger at LOG_LEVEL (default `http`: one line per request; `info` drops those, for
// benchmarks and servers behind their own access log). LOG_FORMAT=json writes one JSON object per line
// (time, level, message, and the request id of the request it happened in) for log collectors.
const withTimeAndRequestId = winston.format((info) => {
  info.timestamp = new Date().toISOString();
  const requestId = currentRequest()?.requestId;
  if (requestId) info.requestId = requestId;
  return info;
});

export default ({ env }) => ({
  level: env('LOG_LEVEL', 'http'),
  ...(env('LOG_FORMAT', 'pretty') === 'json' ? { format: winston.format.combine(withTimeAndRequestId(), winston.format.json()) } : {}),
});
