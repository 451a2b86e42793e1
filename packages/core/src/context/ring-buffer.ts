/** Keeps the most recent `max` items. */
export function createRingBuffer<T>(max: number) {
  let items: T[] = [];
  return {
    push(item: T) {
      if (max <= 0) return;
      items.push(item);
      if (items.length > max) items = items.slice(items.length - max);
    },
    values: (): T[] => [...items],
  };
}
