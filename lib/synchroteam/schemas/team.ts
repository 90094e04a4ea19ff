import { z } from 'zod';
import { ZApiDateTime } from './common';

export const ZTeam = z.looseObject({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  numTechs: z.number(),
  numManagers: z.number(),
  tags: z.array(z.string()),
  /** Deletion date, null while the team is active. */
  deleted: ZApiDateTime.nullable(),
});
export type Team = z.infer<typeof ZTeam>;
