import { useState } from 'preact/hooks';
import { answer, type PorchlightClient } from '../api.js';
import { formatTime } from '../shell/clock-bar.js';
import { Failure } from '../shell/failure.js';
import { useAction } from '../shell/use-action.js';
import { useLoaded } from '../shell/use-loaded.js';
import { receiptVerifies } from './receipt-hash.js';

/** The owner's consent receipt: its fields, its seal, a check of the seal here, and withdrawal. */
export function ReceiptView({ client, consentId, onWithdrawn }: { client: PorchlightClient; consentId: string; onWithdrawn: () => void }) {
  const receipt = useLoaded(() => answer(client.GET('/api/consents/{id}/receipt', { params: { path: { id: consentId } } })), [client, consentId]);
  const [verdict, setVerdict] = useState<boolean | null>(null);
  const action = useAction();
  if (receipt.value === undefined) return receipt.state === 'failed' ? <Failure error={receipt.error} /> : <p>Loading the receipt…</p>;
  const value = receipt.value;
  const withdraw = async () => {
    await action.run(async () => {
      await answer(client.POST('/api/consents/{id}/withdraw', { params: { path: { id: consentId } } }));
      setVerdict(null);
      receipt.reload();
      onWithdrawn();
    });
  };
  const rows: [string, string][] = [
    ['Receipt', value.receiptId],
    ['Issued', formatTime(value.timestamp)],
    ['You, to the platform', value.principal],
    ['Recipient', value.recipient.name],
    ['Purpose', `${value.purpose.incidentType}, case ${value.purpose.caseNumber}`],
    ['Legal basis', value.legalBasis],
    ['Decision', value.decision],
    ['What police learn', value.dataCategories.join(', ')],
    ['Clips', String(value.recordingIds.length)],
    ['They may keep it', `${value.retention.days} days`],
    ['Policy', value.policy.profile],
    ...(value.withdrawnAt ? ([['Withdrawn', formatTime(value.withdrawnAt)]] as [string, string][]) : []),
  ];
  return (
    <section class="receipt" aria-label="Consent receipt">
      <h4>Consent receipt</h4>
      <dl>
        {rows.map(([name, text]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{text}</dd>
          </div>
        ))}
        <div>
          <dt>SHA-256</dt>
          <dd>
            <code class="hash">{value.hash}</code>
          </dd>
        </div>
      </dl>
      <p class="actions">
        <button type="button" onClick={async () => setVerdict(await receiptVerifies(value as never))}>
          Verify receipt
        </button>
        {value.withdrawal !== null && !value.withdrawnAt ? (
          <button type="button" onClick={withdraw}>
            Withdraw consent
          </button>
        ) : null}
      </p>
      {verdict !== null ? (
        <p role="status" class={verdict ? 'verified' : 'not-verified'}>
          {verdict ? '✓ Verified: recomputed here, the hash matches every field.' : '✗ Does not verify: the receipt was changed after it was sealed.'}
        </p>
      ) : null}
      {action.failure ? <Failure error={action.failure} /> : null}
    </section>
  );
}
