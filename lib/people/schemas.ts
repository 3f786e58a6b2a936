import { z } from "zod";

export const createPersonInput = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/).optional(),
  name: z.string().trim().min(1).max(200),
  aliases: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  description: z.string().trim().min(1).max(1_000).nullish(),
});
export type CreatePersonInput = z.input<typeof createPersonInput>;
