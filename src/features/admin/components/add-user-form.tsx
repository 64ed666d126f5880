import { useId, useRef, useState, type FormEvent } from 'react';
import { CreateUserRequestSchema, type Role } from '../../../contract/auth';
import { InlineError } from '../../../components/errors/inline-error';
import { isApiError } from '../../../lib/api-client';
import { useCreateUser } from '../api/use-create-user';
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../../lib/field-errors';
import { PasswordField } from './password-field';
import { ROLE_HINTS, RoleSelect } from './role-select';

/** Adds a local account: username, a first password (shared with the person out of band), and a role. */
export function AddUserForm() {
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [added, setAdded] = useState<string | null>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const serverErrors = serverFieldErrors(create.error);
  const conflict = isApiError(create.error) && create.error.status === 409;
  const errors: FieldErrors = {
    ...serverErrors,
    ...(conflict ? { username: create.error?.message } : {}),
    ...clientErrors,
  };
  // When the message sits next to a field, the form only announces it; otherwise it shows in full below.
  const fieldsExplainIt = conflict || ['username', 'password', 'role'].some((key) => serverErrors[key]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    const parsed = CreateUserRequestSchema.safeParse({ username, password, role });
    if (!parsed.success) {
      const found = zodFieldErrors(parsed.error);
      setClientErrors(found);
      (found.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setClientErrors({});
    create.mutate(parsed.data, {
      onSuccess: (user) => {
        setAdded(`Added ${user.username} (${user.role}).`);
        setUsername('');
        setPassword('');
        setRole('viewer');
        create.reset();
        usernameRef.current?.focus();
      },
      onError: (error) => {
        const fields = serverFieldErrors(error);
        if (isApiError(error) && (error.status === 409 || fields.username)) usernameRef.current?.focus();
        else if (fields.password) passwordRef.current?.focus();
      },
    });
  };

  return (
    <form className="form add-user" aria-labelledby={`${id}-title`} noValidate onSubmit={submit}>
      <h2 id={`${id}-title`}>Add user</h2>
      <div className="add-user__fields">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-username`}>
            Username
          </label>
          <input
            ref={usernameRef}
            id={`${id}-username`}
            className="input"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => {
              setUsername(e.target.value);
              setClientErrors(({ username: _drop, ...rest }) => rest);
            }}
            aria-invalid={errors.username ? true : undefined}
            aria-describedby={`${id}-username-hint${errors.username ? ` ${id}-username-error` : ''}`}
          />
          <p className="field__hint" id={`${id}-username-hint`}>
            Lower-case letters, digits, dot, dash or underscore.
          </p>
          {errors.username && (
            <p className="field__error" id={`${id}-username-error`}>
              {errors.username}
            </p>
          )}
        </div>
        <PasswordField
          label="Password"
          value={password}
          onChange={(value) => {
            setPassword(value);
            setClientErrors(({ password: _drop, ...rest }) => rest);
          }}
          error={errors.password}
          inputRef={passwordRef}
        />
        <div className="field">
          <label className="field__label" htmlFor={`${id}-role`}>
            Role
          </label>
          <RoleSelect id={`${id}-role`} value={role} onChange={setRole} aria-describedby={`${id}-role-hint`} />
          <p className="field__hint" id={`${id}-role-hint`}>
            {role === 'admin' ? 'An' : 'A'} {role} {ROLE_HINTS[role]}.
          </p>
          {errors.role && <p className="field__error">{errors.role}</p>}
        </div>
      </div>
      <div className="add-user__actions">
        <button type="submit" className="btn btn--primary" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add user'}
        </button>
        <p className="add-user__status" role="status">
          {added}
        </p>
      </div>
      {create.error && !fieldsExplainIt && <InlineError error={create.error} prefix="Couldn't add the user" />}
      {create.error && fieldsExplainIt && (
        <p className="visually-hidden" role="alert">
          Couldn&rsquo;t add the user: {create.error.message}
        </p>
      )}
    </form>
  );
}
