/** What an empty list shows: that nothing is there and what would fill it (antd Empty with the hint as its text). */
import { Empty } from 'antd';

export function EmptyHint({ hint }: { hint: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={hint} />;
}

/** `locale` of an antd Table whose empty state says what would fill it. */
export const emptyLocale = (hint: string) => ({ emptyText: <EmptyHint hint={hint} /> });
