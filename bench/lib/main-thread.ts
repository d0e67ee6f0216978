/**
 * For benchmark pages: watch the main thread while work runs elsewhere (a worker) — long-task
 * entries, and the longest gap between two turns of a ping loop (which long-task entries miss
 * when a task is split). Call the returned function to stop and read the figures.
 */
export function watchMainThread() {
  let longest = 0;
  const tasks: { at: number; ms: number }[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      longest = Math.max(longest, e.duration);
      tasks.push({ at: e.startTime, ms: e.duration });
    }
  });
  obs.observe({ type: 'longtask', buffered: false });
  let maxGap = 0;
  let last = performance.now();
  let running = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    if (running) setTimeout(() => channel.port2.postMessage(0), 0);
  };
  channel.port2.postMessage(0);
  return () => {
    running = false;
    obs.disconnect();
    return { longTask: longest, maxGap, tasks };
  };
}
