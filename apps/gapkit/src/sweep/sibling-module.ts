/**
 * The URL of a module beside the caller with the caller's own extension: `.ts` when gapkit runs from
 * its sources (tsx), `.js` when it runs built — for `fork` and `new Worker`, which take a file.
 */
export function siblingModule(callerUrl: string, name: string): URL {
  const ext = /\.[cm]?[jt]s$/.exec(new URL(callerUrl).pathname)?.[0] ?? '.js';
  return new URL(`./${name}${ext}`, callerUrl);
}
