/**
 * What a searchable picker sends to the server: the typed text, trimmed, once typing pauses (250 ms).
 * Pickers search on the server (Select `showSearch` + `filterOption={false}`), so no list is capped.
 */
import { useEffect, useState } from 'react';

export function useDebouncedSearch(delayMs = 250): { q: string; onSearch: (typed: string) => void } {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), delayMs);
    return () => clearTimeout(timer);
  }, [typed, delayMs]);
  return { q, onSearch: setTyped };
}
