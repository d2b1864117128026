// The VPC Lattice rules (Gateway API resources handled by the AWS Gateway API Controller, and the
// controller's own kinds), in code order. docs/lattice-design.md has the code table.

import type { AnyRule } from '../types';
import LAT001 from './LAT001-gateway-api-v1beta1';
import LAT003 from './LAT003-invalid-metadata';
import LAT101 from './LAT101-unknown-controller-name';
import LAT110 from './LAT110-service-network-name';
import LAT111 from './LAT111-unsupported-listener-protocol';
import LAT112 from './LAT112-tls-listener-not-passthrough';
import LAT113 from './LAT113-unsupported-route-kind';
import LAT114 from './LAT114-certificate-refs-ignored';
import LAT115 from './LAT115-invalid-certificate-arn';
import LAT117 from './LAT117-ignored-gateway-fields';
import LAT118 from './LAT118-invalid-standalone-annotation';
import LAT119 from './LAT119-unknown-lattice-annotation';
import LAT120 from './LAT120-controller-written-annotation';
import LAT121 from './LAT121-one-vpc-association';
import LAT122 from './LAT122-gateway-name-shared';
import LAT201 from './LAT201-parent-not-found';
import LAT202 from './LAT202-parent-not-a-gateway';
import LAT203 from './LAT203-parent-namespace-carried-over';
import LAT204 from './LAT204-no-matching-listener';
import LAT205 from './LAT205-route-kind-not-allowed';
import LAT206 from './LAT206-namespace-not-allowed';
import LAT207 from './LAT207-hostname-not-allowed';
import LAT208 from './LAT208-several-lattice-gateways';
import LAT209 from './LAT209-too-many-listeners';
import LAT210 from './LAT210-unsupported-backend-kind';
import LAT211 from './LAT211-backend-not-found';
import LAT212 from './LAT212-backend-port-not-service-port';
import LAT213 from './LAT213-dual-stack-backend';
import LAT214 from './LAT214-externalname-or-headless-backend';
import LAT215 from './LAT215-serviceimport-port-ignored';
import LAT216 from './LAT216-cross-namespace-backend';
import LAT217 from './LAT217-weight-above-lattice-max';
import LAT218 from './LAT218-service-name-collision';
import LAT219 from './LAT219-generated-service-name-invalid';
import LAT220 from './LAT220-invalid-service-name-override';
import LAT221 from './LAT221-only-first-hostname';
import LAT222 from './LAT222-invalid-tags-annotation';
import LAT223 from './LAT223-invalid-allow-takeover-from';
import LAT230 from './LAT230-reference-grant-ignored';
import LAT301 from './LAT301-multiple-matches';
import LAT302 from './LAT302-regex-path-match';
import LAT303 from './LAT303-query-param-match';
import LAT304 from './LAT304-regex-header-match';
import LAT305 from './LAT305-too-many-header-matches';
import LAT306 from './LAT306-ignored-route-fields';
import LAT307 from './LAT307-too-many-rules';
import LAT308 from './LAT308-invalid-rule-priority';
import LAT309 from './LAT309-shadowed-rule';
import LAT320 from './LAT320-grpc-method-without-service';
import LAT321 from './LAT321-grpc-regex-method';
import LAT322 from './LAT322-grpc-match-without-method';
import LAT401 from './LAT401-policy-target-kind';
import LAT402 from './LAT402-policy-target-namespace';
import LAT403 from './LAT403-alp-target-namespace-default';
import LAT404 from './LAT404-policy-target-not-found';
import LAT405 from './LAT405-policy-conflict';
import LAT406 from './LAT406-auth-policy-json';
import LAT407 from './LAT407-auth-policy-action';
import LAT410 from './LAT410-tgp-protocol-values';
import LAT411 from './LAT411-tgp-tcp-protocol-version';
import LAT412 from './LAT412-tgp-health-check';
import LAT420 from './LAT420-alp-destination';
import LAT421 from './LAT421-alp-duplicate-destination-type';
import LAT430 from './LAT430-vap-security-groups';
import LAT431 from './LAT431-vap-disassociates';
import LAT501 from './LAT501-serviceexport-federation';
import LAT502 from './LAT502-export-service-not-found';
import LAT503 from './LAT503-export-port-not-service-port';
import LAT504 from './LAT504-serviceimport-annotations';

export const LATTICE_RULES: readonly AnyRule[] = [
  LAT001,
  LAT003,
  LAT101,
  LAT110,
  LAT111,
  LAT112,
  LAT113,
  LAT114,
  LAT115,
  LAT117,
  LAT118,
  LAT119,
  LAT120,
  LAT121,
  LAT122,
  LAT201,
  LAT202,
  LAT203,
  LAT204,
  LAT205,
  LAT206,
  LAT207,
  LAT208,
  LAT209,
  LAT210,
  LAT211,
  LAT212,
  LAT213,
  LAT214,
  LAT215,
  LAT216,
  LAT217,
  LAT218,
  LAT219,
  LAT220,
  LAT221,
  LAT222,
  LAT223,
  LAT230,
  LAT301,
  LAT302,
  LAT303,
  LAT304,
  LAT305,
  LAT306,
  LAT307,
  LAT308,
  LAT309,
  LAT320,
  LAT321,
  LAT322,
  LAT401,
  LAT402,
  LAT403,
  LAT404,
  LAT405,
  LAT406,
  LAT407,
  LAT410,
  LAT411,
  LAT412,
  LAT420,
  LAT421,
  LAT430,
  LAT431,
  LAT501,
  LAT502,
  LAT503,
  LAT504,
];
