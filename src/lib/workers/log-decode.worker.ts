/**
 * The decode worker: inflates and decodes the elements of a shared log off the page's thread
 * (sync/decode.ts holds the rule and the requests; sync/decoder.ts is the page's side). Each
 * element is bounded (sync/entry.ts), and each answer carries one budgeted batch of entries, so
 * that the page receives them in short tasks.
 */
import { serve } from './rpc';
import { decodeHandlers } from '$lib/sync/decode';

serve(self as unknown as Parameters<typeof serve>[0], decodeHandlers());
