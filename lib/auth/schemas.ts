import { z } from "zod";
import { ROLES } from "./roles";

export const email = z.string().trim().toLowerCase().pipe(z.email({ message: "must be an email address" }));

export const createUserInput = z.strictObject({
  email,
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES),
  password: z.string().min(10, "must be at least 10 characters").max(256),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const signInInput = z.strictObject({
  email,
  password: z.string().min(1, "is required").max(256),
});

export const createTokenInput = z.strictObject({ name: z.string().trim().min(1).max(100).default("API token") });
