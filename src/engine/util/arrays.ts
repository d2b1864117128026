/**
 * Appends `items` to `target` one by one. `target.push(...items)` passes every item as an argument,
 * which overflows the stack once a list from a manifest holds a few hundred thousand entries.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
