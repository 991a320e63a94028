import { MAX_IMPORT_BYTES } from '@dispatch/domain';
import {
  Alert,
  Button,
  Code,
  FileInput,
  Group,
  List,
  Paper,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { apiErrorInfo } from '../../api/errors';
import { trpc } from '../../api/trpc';
import { DownloadCsvButton } from '../../components/download-csv-button';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/page-header';
import { formatCount, plural } from '../../lib/format';
import { useCan } from '../auth/use-me';
import { IMPORT_KINDS, type TImportKind } from './import-kinds';
import { ImportReport, type TImportReport } from './import-report';

/**
 * Admins import equipment or drivers from CSV in two steps: "Check file" runs the server's dry run
 * and lists every rejected row; "Import" commits the same text that was checked, all rows or none.
 */
export default function ImportPage() {
  const canAdminister = useCan('administer');
  const [kind, setKind] = useState<TImportKind>('equipment');
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<{ csv: string; report: TImportReport } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const equipment = trpc.imports.equipment.useMutation();
  const drivers = trpc.imports.drivers.useMutation();
  const mutation = kind === 'equipment' ? equipment : drivers;
  const spec = IMPORT_KINDS[kind];

  const reset = () => {
    setChecked(null);
    setProblem(null);
  };
  const run = async (csv: string, mode: 'dry_run' | 'commit') => {
    setProblem(null);
    try {
      const report = await mutation.mutateAsync({ csv, mode });
      setChecked({ csv, report });
      if (report.mode === 'commit' && report.committed) {
        notifySuccess(
          `Imported ${plural(report.rows, 'row', 'rows')}: ${formatCount(report.created)} created, ${formatCount(report.updated)} updated.`,
        );
        setFile(null);
      }
    } catch (error) {
      setChecked(null);
      setProblem(apiErrorInfo(error).message);
    }
  };
  const check = async () => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setProblem(
        `The file is larger than ${formatCount(MAX_IMPORT_BYTES / 1024 / 1024)} MB; split it into smaller files.`,
      );
      return;
    }
    const csv = await file.text();
    // File.text() decodes UTF-8 and replaces what is not with U+FFFD: a legacy "CSV" from Excel.
    if (csv.includes('\uFFFD')) {
      setProblem('The file is not UTF-8 text. In Excel, save it as "CSV UTF-8 (comma delimited)".');
      return;
    }
    await run(csv, 'dry_run');
  };

  if (!canAdminister) {
    return (
      <>
        <PageHeader title="Import" />
        <Alert color="gray">Only an admin can import equipment and drivers.</Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Import" />
      <Stack gap="md" maw={960}>
        <SegmentedControl
          aria-label="What to import"
          value={kind}
          onChange={(value) => {
            setKind(value === 'drivers' ? 'drivers' : 'equipment');
            setFile(null);
            reset();
          }}
          data={[
            { value: 'equipment', label: IMPORT_KINDS.equipment.label },
            { value: 'drivers', label: IMPORT_KINDS.drivers.label },
          ]}
        />
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text size="sm">
              A CSV file with a header line naming the columns{' '}
              <Code>{[...spec.columns.required, ...spec.columns.optional].join(',')}</Code> (any
              order; {spec.columns.optional.join(', ')} optional), at most 5,000 rows and 2 MB.
            </Text>
            <List size="sm">
              {spec.notes.map((note) => (
                <List.Item key={note}>{note}</List.Item>
              ))}
            </List>
            <Group>
              <DownloadCsvButton
                path={spec.exportPath}
                label={`Download current ${spec.label.toLowerCase()} (CSV)`}
                size="xs"
              />
              <Text size="xs" c="dimmed">
                The download is in this format: edit it and import it back.
              </Text>
            </Group>
          </Stack>
        </Paper>
        <Group align="flex-end">
          <FileInput
            label="CSV file"
            placeholder="Choose a .csv file"
            accept=".csv,text/csv"
            value={file}
            onChange={(next) => {
              setFile(next);
              reset();
            }}
            clearable
            w={360}
          />
          <Button
            onClick={() => void check()}
            disabled={!file || mutation.isPending}
            loading={mutation.isPending && !checked}
          >
            Check file
          </Button>
        </Group>
        {problem && (
          <Alert color="red" title="The file cannot be imported" role="alert">
            {problem}
          </Alert>
        )}
        {checked && (
          <ImportReport
            report={checked.report}
            keyLabel={spec.keyLabel}
            committing={mutation.isPending}
            onCommit={() => void run(checked.csv, 'commit')}
          />
        )}
      </Stack>
    </>
  );
}
