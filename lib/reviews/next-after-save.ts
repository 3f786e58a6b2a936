/**
 * Where the queue goes after a save: the first claim that was below the saved one and is
 * still in the reloaded list (the saved claim may have left it, or moved within it).
 * Null when none is left below: the caller stays where it is. Pure.
 */
export function nextAfterSave(belowAtSave: readonly string[], reloaded: readonly string[]): string | null {
  const present = new Set(reloaded);
  return belowAtSave.find((id) => present.has(id)) ?? null;
}
