import { schema } from '@dispatch/db';
import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import { viewerProcedure } from '../../procedures';
import { ZEquipmentTypeOutput } from '../../read/shapes';

const { equipmentTypes, equipment, driverQualifications } = schema;

export const listEquipmentTypes = viewerProcedure
  .output(z.array(ZEquipmentTypeOutput))
  .query(({ ctx }) =>
    ctx.db
      .select({
        id: equipmentTypes.id,
        name: equipmentTypes.name,
        createdAt: equipmentTypes.createdAt,
        equipmentCount: sql<number>`(select count(*)::int from ${equipment} where ${equipment.typeId} = ${equipmentTypes.id})`,
        qualifiedDriverCount: sql<number>`(select count(*)::int from ${driverQualifications} where ${driverQualifications.equipmentTypeId} = ${equipmentTypes.id})`,
      })
      .from(equipmentTypes)
      .orderBy(asc(equipmentTypes.name)),
  );
