import canonicalize from 'canonicalize';

/**
 * Recomputes a consent receipt's seal in the browser, as the api makes it: SHA-256 (hex) of the
 * RFC 8785 canonical JSON of every field but `hash`. A class sees the owner's proof checked
 * without trusting the server that issued it.
 */
export async function receiptDigest(receipt: { hash: string } & Record<string, unknown>): Promise<string> {
  const { hash: _sealed, ...fields } = receipt;
  const canonical = canonicalize(fields);
  if (canonical === undefined) throw new Error('The receipt cannot be put in canonical form');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function receiptVerifies(receipt: { hash: string } & Record<string, unknown>): Promise<boolean> {
  return (await receiptDigest(receipt)) === receipt.hash;
}
