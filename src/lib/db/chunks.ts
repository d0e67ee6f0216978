/**
 * A table's rows in chunks by primary key, each chunk its own read: reading 50 000 rows at once is
 * one long task of deserialising on the page, a chunk of 5 000 a short one. Not a snapshot: a
 * write between two chunks may or may not be seen (callers follow later writes anyway).
 */
import type { Table } from 'dexie';

export async function* chunksOf<T extends { id: string }>(table: Table<T, string>, size: number, after?: string): AsyncGenerator<T[]> {
  let last = after;
  for (;;) {
    const query = last === undefined ? table.toCollection() : table.where(':id').above(last);
    const chunk = await query.limit(size).toArray();
    if (chunk.length) yield chunk;
    if (chunk.length < size) return;
    last = chunk[chunk.length - 1].id;
  }
}
