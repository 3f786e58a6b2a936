// Account roles. Anyone not signed in is a reader too; a "reader" account can sign in
// but not change anything (e.g. an editor whose rights were withdrawn).
export const ROLES = ["admin", "editor", "reader"] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === "string" && (ROLES as readonly string[]).includes(value);

/** Editors and admins review, create and edit; readers only read. */
export const canEdit = (role: Role | null | undefined): boolean => role === "editor" || role === "admin";
