import { Text } from '@mantine/core';
import { ReportSection } from './report-section';
import type { TUtilizationReport } from './report-types';
import { UtilisationChart } from './utilisation-chart';
import { UtilisationFormula } from './utilisation-formula';
import { CHART_TOP_N, byUtilisation } from './utilisation-order';
import { EquipmentUtilisationTable } from './utilisation-tables';

/** The formula with the fleet's numbers, the busiest units as bars, then every unit. */
export function UtilisationSection(props: {
  query: { data: TUtilizationReport | undefined; isLoading: boolean; error: unknown };
}) {
  const report = props.query.data;
  const sorted = report ? byUtilisation(report.equipment) : [];
  return (
    <ReportSection
      title="Utilisation by equipment"
      note={`The ${CHART_TOP_N} busiest units; the table lists every unit`}
      loading={props.query.isLoading}
      error={props.query.error}
      testId="section-utilisation"
    >
      {report &&
        (report.window.hours === 0 ? (
          <Text c="dimmed">These days have not started yet.</Text>
        ) : sorted.length === 0 ? (
          <Text c="dimmed">No equipment existed on these days.</Text>
        ) : (
          <>
            <UtilisationFormula report={report} />
            <UtilisationChart sorted={sorted} />
            <EquipmentUtilisationTable sorted={sorted} />
          </>
        ))}
    </ReportSection>
  );
}
