// The inputs of the Add/Edit host dialog: the common ones, then the connection settings of the chosen
// transport, exactly the fields of the contract's connection schema for it.
import { TRANSPORTS, type Transport, WINRM_AUTHENTICATIONS } from '@shared/contract/hosts';
import { FormField } from './FormField';
import { FIELD_PATHS, type FieldErrors, type HostForm, type WinrmAuthentication } from './host-form';

const TRANSPORT_LABELS: Record<Transport, string> = {
  winrm: 'WinRM (Windows remoting)',
  ssh: 'SSH (PowerShell 7 remoting)',
  local: 'This workstation (local Hyper-V)',
  lab: 'Lab (simulated host)',
};

const AUTH_LABELS: Record<WinrmAuthentication, string> = {
  negotiate: 'Negotiate',
  kerberos: 'Kerberos',
  credssp: 'CredSSP',
  basic: 'Basic (HTTPS only)',
};

export interface HostFormFieldsProps {
  form: HostForm;
  errors: FieldErrors;
  onChange(patch: Partial<HostForm>): void;
  /** Edit: the transport cannot move to or from the lab, and a stored password may be kept or forgotten. */
  mode: 'add' | 'edit';
  hasSecret: boolean;
  /** Add: a lab host exists already, so the lab is not offered again. */
  labTaken: boolean;
}

export function HostFormFields({ form, errors, onChange, mode, hasSecret, labTaken }: HostFormFieldsProps) {
  const err = (key: keyof typeof FIELD_PATHS) => errors[FIELD_PATHS[key]];
  const isLab = form.transport === 'lab';
  const transportChoices = TRANSPORTS.filter((t) => {
    if (mode === 'edit') return isLab ? t === 'lab' : t !== 'lab';
    return t !== 'lab' || !labTaken;
  });
  return (
    <>
      <FormField label="Name" error={err('displayName')} hint="How this host is shown in the app.">
        <input
          name="displayName"
          value={form.displayName}
          autoComplete="off"
          onChange={(e) => onChange({ displayName: e.target.value })}
        />
      </FormField>
      <FormField label="Transport" error={err('transport')}>
        <select
          name="transport"
          value={form.transport}
          disabled={transportChoices.length < 2}
          onChange={(e) => onChange({ transport: e.target.value as Transport })}
        >
          {transportChoices.map((t) => (
            <option key={t} value={t}>
              {TRANSPORT_LABELS[t]}
            </option>
          ))}
        </select>
      </FormField>
      {isLab ? (
        <p className="form-note">
          The lab host is a simulated Hyper-V host on this computer, with sample VMs in a sandbox folder. Nothing
          outside that folder is touched.
        </p>
      ) : (
        <FormField
          label="Address"
          error={err('address')}
          hint={form.transport === 'local' ? 'Usually localhost.' : 'Host name, FQDN or IP address.'}
        >
          <input
            name="address"
            value={form.address}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onChange({ address: e.target.value })}
          />
        </FormField>
      )}
      {form.transport === 'winrm' && <WinrmFields {...{ form, errors, onChange, hasSecret, mode }} />}
      {form.transport === 'ssh' && <SshFields {...{ form, errors, onChange }} />}
    </>
  );
}

type SubProps = Pick<HostFormFieldsProps, 'form' | 'errors' | 'onChange'>;

function PortField({ form, errors, onChange, defaultPort }: SubProps & { defaultPort: string }) {
  return (
    <FormField label="Port" error={errors[FIELD_PATHS.port]} hint={`Empty: ${defaultPort}.`}>
      <input name="port" inputMode="numeric" value={form.port} onChange={(e) => onChange({ port: e.target.value })} />
    </FormField>
  );
}

function WinrmFields({
  form,
  errors,
  onChange,
  hasSecret,
  mode,
}: SubProps & Pick<HostFormFieldsProps, 'hasSecret' | 'mode'>) {
  const storedSecret = mode === 'edit' && hasSecret;
  return (
    <fieldset className="form-group">
      <legend>WinRM connection</legend>
      <div className="form-field form-field--checkbox">
        <label>
          <input
            type="checkbox"
            name="useSsl"
            checked={form.useSsl}
            onChange={(e) => onChange({ useSsl: e.target.checked })}
          />
          Use HTTPS
        </label>
      </div>
      <PortField {...{ form, errors, onChange }} defaultPort={form.useSsl ? '5986' : '5985'} />
      <FormField label="Authentication" error={errors[FIELD_PATHS.authentication]}>
        <select
          name="authentication"
          value={form.authentication}
          onChange={(e) => onChange({ authentication: e.target.value as WinrmAuthentication | '' })}
        >
          <option value="">Default (Negotiate)</option>
          {WINRM_AUTHENTICATIONS.map((a) => (
            <option key={a} value={a}>
              {AUTH_LABELS[a]}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        label="User name"
        error={errors[FIELD_PATHS.username]}
        hint="Empty: your own Windows sign-in. Otherwise DOMAIN\user or user@domain."
      >
        <input
          name="username"
          value={form.username}
          autoComplete="off"
          onChange={(e) => onChange({ username: e.target.value })}
        />
      </FormField>
      <FormField
        label="Password"
        error={errors[FIELD_PATHS.password]}
        hint={
          storedSecret
            ? 'A password is stored. Leave empty to keep it.'
            : 'Needed with a user name. Stored encrypted by the OS; never shown again.'
        }
      >
        <input
          name="password"
          type="password"
          value={form.password}
          autoComplete="new-password"
          onChange={(e) => onChange({ password: e.target.value })}
        />
      </FormField>
      {storedSecret && (
        <div className="form-field form-field--checkbox">
          <label>
            <input
              type="checkbox"
              name="clearSecret"
              checked={form.clearSecret}
              disabled={form.password !== ''}
              onChange={(e) => onChange({ clearSecret: e.target.checked })}
            />
            Forget the stored password
          </label>
        </div>
      )}
    </fieldset>
  );
}

function SshFields({ form, errors, onChange }: SubProps) {
  return (
    <fieldset className="form-group">
      <legend>SSH connection</legend>
      <FormField label="User name" error={errors[FIELD_PATHS.username]}>
        <input
          name="username"
          value={form.username}
          autoComplete="off"
          onChange={(e) => onChange({ username: e.target.value })}
        />
      </FormField>
      <FormField
        label="Key file"
        error={errors[FIELD_PATHS.keyPath]}
        hint="Path of a private key on this workstation. Empty: ssh's defaults. A key with a passphrase must be loaded into ssh-agent."
      >
        <input
          name="keyPath"
          value={form.keyPath}
          spellCheck={false}
          onChange={(e) => onChange({ keyPath: e.target.value })}
        />
      </FormField>
      <PortField {...{ form, errors, onChange }} defaultPort="22" />
    </fieldset>
  );
}
