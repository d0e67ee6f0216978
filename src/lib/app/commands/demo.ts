/** Loading the demo workspace's records: one write (`demo/load.ts` makes them), so one undo. */
import type { DemoSize } from '$lib/demo/load';
import { run, type CommandResult, type WriteTarget } from './command';

export async function loadDemoData(ws: WriteTarget, size: DemoSize = { customers: 300 }): Promise<CommandResult> {
  // the generator is only needed here: keep it off the first page's JavaScript
  const { demoMutations } = await import('$lib/demo/load');
  return run(ws.writes, 'change.demo', () => demoMutations(size));
}
