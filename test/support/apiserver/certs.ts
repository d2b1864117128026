// Throw-away certificates for one test run, made with the openssl command line: a server certificate
// for 127.0.0.1 (its PEM doubles as the kubeconfig's certificate authority) and a client key and
// certificate, so the kubeconfig carries real credentials the logging tests can look for.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificates {
  serverKey: string;
  serverCert: string;
  clientKey: string;
  clientCert: string;
}

export function createCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'eksnet-certs-'));
  const make = (name: string, subject: string, extension: string) =>
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        subject,
        '-addext',
        extension,
        '-keyout',
        join(dir, `${name}.key`),
        '-out',
        join(dir, `${name}.crt`),
      ],
      { stdio: 'ignore' },
    );
  make('server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1');
  make('client', '/CN=test-user', 'extendedKeyUsage=clientAuth');
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const certificates: TestCertificates = {
    serverKey: read('server.key'),
    serverCert: read('server.crt'),
    clientKey: read('client.key'),
    clientCert: read('client.crt'),
  };
  rmSync(dir, { recursive: true, force: true });
  return certificates;
}
