import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { InlineError } from '../../../components/errors/inline-error';
import { isApiError } from '../../../lib/api-client';
import { useNow } from '../../../lib/use-now';
import { useLogin } from '../api/use-login';

interface LoginFormProps {
  /** A same-origin path (already checked with safeReturnTo) to go to once signed in. */
  returnTo: string;
}

type FieldErrors = { username?: string; password?: string };

/** Username and password; wrong credentials and throttling are explained inline, focus goes back to the password. */
export function LoginForm({ returnTo }: LoginFormProps) {
  const login = useLogin();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const now = useNow(1000);
  const throttled = retryAt !== null && now < retryAt;

  const error = login.error;
  const wrongCredentials = isApiError(error) && error.status === 401;
  const rateLimited = isApiError(error) && error.status === 429;
  const retryAfter = isApiError(error) ? (error.retryAfter ?? 60) : 60;

  useEffect(() => {
    usernameRef.current?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (login.isPending || throttled) return;
    const errors: FieldErrors = {};
    if (!username.trim()) errors.username = 'Enter your username';
    if (!password) errors.password = 'Enter your password';
    setFieldErrors(errors);
    if (errors.username || errors.password) {
      (errors.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: () => void navigate(returnTo, { replace: true }),
        onError: (e) => {
          if (isApiError(e) && e.status === 429) setRetryAt(Date.now() + (e.retryAfter ?? 60) * 1000);
          passwordRef.current?.focus();
          passwordRef.current?.select();
        },
      },
    );
  };

  const errorId = `${id}-error`;
  return (
    <form className="form" aria-labelledby={`${id}-title`} noValidate onSubmit={submit} aria-busy={login.isPending}>
      <h1 id={`${id}-title`} className="login__title">
        Sign in to watchdeck
      </h1>
      {wrongCredentials && (
        <p className="inline-error" role="alert" id={errorId}>
          Wrong username or password
        </p>
      )}
      {rateLimited && (
        <p className="inline-error" role="alert" id={errorId}>
          Too many attempts, try again in {retryAfter} s
        </p>
      )}
      {error && !wrongCredentials && !rateLimited && <InlineError error={error} prefix="Couldn't sign in" id={errorId} />}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-username`}>
          Username
        </label>
        <input
          ref={usernameRef}
          id={`${id}-username`}
          name="username"
          className="input"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          aria-invalid={fieldErrors.username ? true : undefined}
          aria-describedby={fieldErrors.username ? `${id}-username-error` : undefined}
        />
        {fieldErrors.username && (
          <p className="field__error" id={`${id}-username-error`}>
            {fieldErrors.username}
          </p>
        )}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-password`}>
          Password
        </label>
        <input
          ref={passwordRef}
          id={`${id}-password`}
          name="password"
          type="password"
          className="input"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={fieldErrors.password || wrongCredentials ? true : undefined}
          aria-describedby={
            fieldErrors.password ? `${id}-password-error` : wrongCredentials || rateLimited ? errorId : undefined
          }
        />
        {fieldErrors.password && (
          <p className="field__error" id={`${id}-password-error`}>
            {fieldErrors.password}
          </p>
        )}
      </div>
      <button type="submit" className="btn btn--primary login__submit" disabled={login.isPending || throttled}>
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
