/** Loading the demo workspace's records: one write (`demo/load.ts` makes them), so one undo. */
import type { DemoSize } from '$lib/demo/load';
import { clock } from '../clock.svelte';
import { run, type CommandResult, type WriteTarget } from './command';

export async function loadDemoData(ws: WriteTarget, size: DemoSize = { customers: 300 }): Promise<CommandResult> {
  // the generator is only needed here: keep it off the first page's JavaScript
  const { demoMutations } = await import('$lib/demo/load');
  // the demo's credit steps are taken after the load, so after their applications exist
  return run(ws.writes, 'change.demo', () => demoMutations({ at: clock.now(), ...size }));
}
