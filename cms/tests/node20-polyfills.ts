// vitest 5 prints failures with Map.groupBy, which Node 20 lacks.
const M = Map as any;
if (!M.groupBy) {
  M.groupBy = (items: Iterable<any>, key: (item: any, i: number) => any) => {
    const map = new Map();
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      if (!map.has(k)) map.set(k, []);
      map.get(k).push(item);
    }
    return map;
  };
}
const O = Object as any;
if (!O.groupBy) O.groupBy = (items: Iterable<any>, key: (item: any, i: number) => any) => Object.fromEntries(M.groupBy(items, key));
export {};
