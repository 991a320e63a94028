import { trpc } from '../../api/trpc';
import { LiveStatus } from '../../components/live-status';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useCan } from '../auth/use-me';
import { AutoDispatchCard } from './auto-dispatch-card';
import { EquipmentTypesSection } from './equipment-types-section';

export default function SettingsPage() {
  const canAdminister = useCan('administer');
  const settings = trpc.settings.get.useQuery();
  const utils = trpc.useUtils();
  return (
    <>
      <PageHeader title="Settings">
        <LiveStatus
          updatedAt={settings.dataUpdatedAt}
          fetching={settings.isFetching}
          onRefresh={() => {
            void settings.refetch();
            void utils.equipmentTypes.list.invalidate();
          }}
        />
      </PageHeader>
      <QueryState loading={settings.isLoading} error={settings.error}>
        {settings.data && (
          <AutoDispatchCard settings={settings.data} canAdminister={canAdminister} />
        )}
      </QueryState>
      <EquipmentTypesSection canAdminister={canAdminister} />
    </>
  );
}
