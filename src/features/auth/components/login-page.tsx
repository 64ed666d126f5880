import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { appConfigQueryOptions } from '../../../lib/app-config-query';
import { safeReturnTo } from '../../../lib/return-to';
import { LoginForm } from './login-form';
import { ProxySignInNotice } from './proxy-sign-in-notice';

/**
 * The sign-in page. With local accounts: the form, then back to `?returnTo`
 * if it is a path on this site. Behind an auth proxy there is no form: the
 * proxy did not identify the user, and only the proxy can.
 */
export function LoginPage() {
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnTo(searchParams.get('returnTo'));
  const { data: config } = useQuery(appConfigQueryOptions);
  const proxy = config?.authMode === 'proxy';
  return (
    <main className="login" id="content">
      <div className="login__brand">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        watchdeck
      </div>
      <section className="login__card">{proxy ? <ProxySignInNotice /> : <LoginForm returnTo={returnTo} />}</section>
    </main>
  );
}
