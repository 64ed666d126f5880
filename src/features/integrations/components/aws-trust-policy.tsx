import { useEffect, useId, useRef } from 'react';
import { awsTrustPolicy, type AwsCreateResponse } from '../../../contract/integrations';
import { CopyButton } from './copy-button';

/**
 * After an AWS account is added: the external id Datadog generated and the IAM
 * trust policy to create the role with, ready to copy, and what to do next.
 * Datadog collects nothing until that role exists.
 */
export function AwsTrustPolicy({ created, onDone }: { created: AwsCreateResponse; onDone: () => void }) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const policy = awsTrustPolicy(created.externalId);
  const { accountId, roleName } = created.account;

  useEffect(() => {
    headingRef.current?.focus();
  }, [created.externalId]);

  return (
    <section className="card card--padded int-next-step" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        Next step: create the role in AWS
      </h2>
      <p>
        AWS account <code>{accountId}</code> is added. Datadog collects from it once the IAM role <code>{roleName}</code> exists there with
        this trust policy, which lets Datadog assume the role with your external ID.
      </p>
      <div className="int-next-step__external">
        <span>External ID</span>
        <code id={`${id}-external`}>{created.externalId}</code>
        <CopyButton text={created.externalId} label="Copy external ID" />
      </div>
      <ol className="int-next-step__steps">
        <li>In the AWS console for account {accountId}, open IAM, then Roles, then Create role.</li>
        <li>Choose &ldquo;Custom trust policy&rdquo; and paste the policy below.</li>
        <li>
          Attach the Datadog permissions policy and name the role <code>{roleName}</code>.
        </li>
      </ol>
      <pre className="int-code" aria-label="IAM trust policy" tabIndex={0}>
        {policy}
      </pre>
      <div className="int-next-step__actions">
        <CopyButton text={policy}>Copy trust policy</CopyButton>
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  );
}
