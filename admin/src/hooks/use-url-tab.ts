/** The active tab of a page kept in the address (`?tab=`), so that a 工作台 link opens the tab it counts. */
import { useSearchParams } from 'react-router';

export function useUrlTab<K extends string>(keys: readonly K[], fallback: K): [K, (k: string) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab = keys.includes(asked as K) ? (asked as K) : fallback;
  const setTab = (k: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('tab', k);
        return next;
      },
      { replace: true },
    );
  return [tab, setTab];
}
