import { schema } from '@dispatch/db';
import { CAPABILITIES, ROLES, hasCapability, ZNoInputSchema } from '@dispatch/domain';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { authedProcedure } from '../../procedures';

export const getMe = authedProcedure
  .input(ZNoInputSchema)
  .output(
    z.object({
      subject: z.string(),
      name: z.string(),
      roles: z.array(z.enum(ROLES)),
      capabilities: z.array(z.enum(CAPABILITIES)),
      driverId: z.string().nullable(),
    }),
  )
  .query(async ({ ctx }) => {
    const { principal } = ctx;
    const [driver] = await ctx.db
      .select({ id: schema.drivers.id })
      .from(schema.drivers)
      .where(eq(schema.drivers.subject, principal.subject));
    return {
      subject: principal.subject,
      name: principal.name,
      roles: ROLES.filter((role) => principal.roles.includes(role)),
      capabilities: CAPABILITIES.filter((c) => hasCapability(principal.roles, c)),
      driverId: driver?.id ?? null,
    };
  });
