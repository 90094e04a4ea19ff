import { z } from 'zod';

/** The answer of message/send: the message and its recipients as {id, login}. */
export const ZMessage = z.looseObject({
  title: z.string().nullable(),
  message: z.string(),
  priority: z.enum(['medium', 'high']).nullable(),
  users: z.array(z.looseObject({ id: z.number(), login: z.string() })),
});
export type Message = z.infer<typeof ZMessage>;
