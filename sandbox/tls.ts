/**
 * The sandbox's TLS certificate: self-signed for 127.0.0.1 and localhost, made at start-up and
 * kept in memory only (no key is ever written to disk or committed).
 */
import { createHash, createPublicKey } from 'node:crypto';
import { generate } from 'selfsigned';

export interface SandboxCertificate {
  certPem: string;
  keyPem: string;
  /** base64 of the SHA-256 of the certificate's DER SubjectPublicKeyInfo. */
  spki: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** base64 SHA-256 of a certificate's SubjectPublicKeyInfo, the form Chromium's `--ignore-certificate-errors-spki-list` takes. */
export function spkiHash(certPem: string): string {
  const der = createPublicKey(certPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

export async function makeSandboxCertificate(): Promise<SandboxCertificate> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    // A minute back for clock skew; well under the 398 days browsers accept for a server certificate.
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + 30 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  return { certPem: pems.cert, keyPem: pems.private, spki: spkiHash(pems.cert) };
}
