export type RecentChanges = {
  add(position: number, tags: Set<string>): void;
  forgetBefore(position: number): void;
  changedSince(position: number, deps: Set<string>): boolean;
};
export function createRecentChanges(from: number): RecentChanges;
