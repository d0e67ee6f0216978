/** Loading the demo workspace's records: one write (`db/demo.ts` makes them), so one undo. */
import type { DemoSize } from '$lib/db/demo';
import { run, type CommandResult, type WriteTarget } from './command';

export async function loadDemoData(ws: WriteTarget, size: DemoSize = { customers: 300 }): Promise<CommandResult> {
  // the generator is only needed here: keep it off the first page's JavaScript
  const { demoMutations } = await import('$lib/db/demo');
  return run(ws.writes, 'change.demo', () => demoMutations(size));
}
