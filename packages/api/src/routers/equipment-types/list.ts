import { ZNoInputSchema } from '@dispatch/domain';
import { schema } from '@dispatch/db';
import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import { viewerProcedure } from '../../procedures';
import { ZEquipmentTypeOutput } from '../../read/shapes';

const { equipmentTypes, equipment, driverQualifications } = schema;

export const listEquipmentTypes = viewerProcedure
  .input(ZNoInputSchema)
  .output(z.array(ZEquipmentTypeOutput))
  .query(({ ctx }) =>
    ctx.db
      .select({
        id: equipmentTypes.id,
        name: equipmentTypes.name,
        createdAt: equipmentTypes.createdAt,
        // Qualified by hand: inside the subquery a bare "id" would bind to the inner table.
        equipmentCount: sql<number>`(select count(*)::int from ${equipment} e where e.type_id = ${equipmentTypes}.id)`,
        qualifiedDriverCount: sql<number>`(select count(*)::int from ${driverQualifications} q where q.equipment_type_id = ${equipmentTypes}.id)`,
      })
      .from(equipmentTypes)
      .orderBy(asc(equipmentTypes.name)),
  );
