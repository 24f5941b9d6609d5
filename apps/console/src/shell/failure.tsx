import { describeFailure } from '../api.js';

/** A refusal or failure in plain words, with the contract's code for the curious. */
export function Failure({ error, prefix }: { error: unknown; prefix?: string }) {
  const { message, code } = describeFailure(error);
  return (
    <p role="alert" class="failure">
      {prefix ? `${prefix}: ` : ''}
      {message} <code>{code}</code>
    </p>
  );
}
