/** Behind a trusted auth proxy, a 401 means the proxy did not pass on who you are: no form can fix that here. */
export function ProxySignInNotice() {
  return (
    <div className="form" role="alert">
      <h1 className="login__title">Your sign-in proxy did not identify you</h1>
      <p>
        This watchdeck takes your identity from your organisation&rsquo;s sign-in proxy, and the proxy did not say who you
        are. Sign in through your organisation&rsquo;s sign-in page, then reload this page.
      </p>
      <p className="muted-text">If this keeps happening, ask whoever runs watchdeck to check the proxy configuration.</p>
      <button type="button" className="btn btn--primary login__submit" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
