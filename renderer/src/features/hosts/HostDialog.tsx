// Add or edit a host (C1): the form is checked with the contract's schema before anything is sent, "Test
// connection" tries the draft as typed, Save adds or updates. Errors from main are shown beside their fields
// (validation_failed issues) or as a notice (anything else), in the admin's terms.
import * as Dialog from '@radix-ui/react-dialog';
import type { AppError } from '@shared/contract/errors';
import type { HostInfo, HostTestResult } from '@shared/contract/hosts';
import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../../lib/ErrorNotice';
import { fieldIssues } from '../../lib/errors';
import { useReturnFocus } from '../../lib/use-return-focus';
import { useAppStores, useStoreOf } from '../../stores/app-stores';
import { HostFormFields } from './HostFormFields';
import {
  draftOf,
  emptyHostForm,
  FIELD_PATHS,
  type FieldErrors,
  formOfHost,
  type HostForm,
  updateOf,
} from './host-form';
import { TestResultView } from './TestResultView';

export interface HostDialogProps {
  /** The host being edited; absent = add a new one. */
  host?: HostInfo | undefined;
  onClose(): void;
}

const KNOWN_PATHS = new Set<string>(Object.values(FIELD_PATHS));

export function HostDialog({ host, onClose }: HostDialogProps) {
  const stores = useAppStores();
  const returnFocus = useReturnFocus();
  const labTaken = useStoreOf('hosts', (s) => s.hosts.some((h) => h.connection.transport === 'lab'));
  const mode = host ? 'edit' : 'add';
  const [form, setForm] = useState<HostForm>(() => (host ? formOfHost(host) : emptyHostForm()));
  const [showErrors, setShowErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<AppError | null>(null);
  const [testResult, setTestResult] = useState<HostTestResult | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);

  const checked = host ? updateOf(host.id, form) : draftOf(form);
  const clientErrors = showErrors && !checked.ok ? checked.errors : {};
  const errors = { ...serverErrors, ...clientErrors };

  const change = (patch: Partial<HostForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setServerErrors({});
    setTestResult(null);
  };

  const showFailure = (error: AppError) => {
    setFailure(error);
    setServerErrors(error.code === 'validation_failed' ? fieldIssues(error) : {});
  };

  const test = async () => {
    setShowErrors(true);
    setFailure(null);
    const draft = draftOf(form);
    if (!draft.ok) return;
    const keepStored = host?.hasSecret === true && form.password === '' && !form.clearSecret;
    setBusy('test');
    const result = await stores.hosts.getState().test({
      kind: 'draft',
      host: draft.value,
      ...(host && keepStored ? { useSecretOf: host.id } : {}),
    });
    setBusy(null);
    if (result.ok) setTestResult(result.value);
    else showFailure(result.error);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    setFailure(null);
    const state = stores.hosts.getState();
    setBusy('save');
    const result = host
      ? (() => {
          const update = updateOf(host.id, form);
          return update.ok ? state.update(update.value) : null;
        })()
      : (() => {
          const draft = draftOf(form);
          return draft.ok ? state.add(draft.value) : null;
        })();
    const outcome = result ? await result : null;
    setBusy(null);
    if (outcome === null) return;
    if (!outcome.ok) return showFailure(outcome.error);
    if (!host) stores.ui.getState().selectHost(outcome.value.id);
    stores.ui.getState().pushToast({
      kind: 'success',
      title: host ? 'Host saved' : 'Host added',
      body: `${outcome.value.displayName} ${host ? 'was updated' : 'was added; its VMs are being read'}.`,
      jobId: null,
    });
    onClose();
  };

  const unknownIssues = (failure?.details?.issues ?? []).some((issue) => !KNOWN_PATHS.has(issue.path));
  const title = host ? `Edit ${host.displayName}` : 'Add a host';

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content onCloseAutoFocus={returnFocus} className="dialog" data-testid="host-dialog">
          <Dialog.Title className="dialog__title">{title}</Dialog.Title>
          <Dialog.Description className="dialog__description">
            How the app reaches this Hyper-V host. Test the connection before saving to see what it finds.
          </Dialog.Description>
          <form className="dialog__form" noValidate onSubmit={save}>
            <HostFormFields
              form={form}
              errors={errors}
              onChange={change}
              mode={mode}
              hasSecret={host?.hasSecret === true}
              labTaken={labTaken}
            />
            {failure && (
              <ErrorNotice error={failure} hostName={form.displayName || 'this host'} showIssues={unknownIssues} />
            )}
            {testResult && <TestResultView result={testResult} hostName={form.displayName} />}
            <div className="dialog__buttons">
              <button type="button" data-testid="host-test-button" disabled={busy !== null} onClick={test}>
                {busy === 'test' ? 'Testing…' : 'Test connection'}
              </button>
              <span className="spacer" />
              <Dialog.Close asChild>
                <button type="button">Cancel</button>
              </Dialog.Close>
              <button type="submit" className="primary" data-testid="host-save-button" disabled={busy !== null}>
                {busy === 'save' ? 'Saving…' : host ? 'Save' : 'Add host'}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
