import { dns1123SubdomainErrors } from '../../util/k8sNames';
import { isNameStandIn } from '../../util/placeholders';
import { asRecord } from '../../util/values';
import { defineRule } from '../types';
import { manifest } from '../example';

/** `us-west-2a`, `us-gov-west-1b`, `us-west-2-lax-1a` (Local Zone). */
const ZONE_NAME = /^[a-z]{2}(-[a-z]+)+-\d+([a-z]|-[a-z]+-\d+[a-z])$/;
/** `usw2-az1`, `use1-lax1-az1`. */
const ZONE_ID = /^[a-z]{2,4}\d+(-[a-z]+\d+)?-az\d+$/;

export default defineRule({
  code: 'ENI202',
  slug: 'name-not-zone',
  kinds: ['ENIConfig'],
  category: 'controller',
  defaultSeverity: 'info',
  summary: 'The name is neither an Availability Zone name (`us-west-2a`) nor a zone ID (`usw2-az1`).',
  why: 'With `ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone` each node picks the ENIConfig named after its zone, so other names are never picked automatically. That is fine when nodes are labelled or annotated with the ENIConfig name explicitly.',
  badExample: manifest`
    apiVersion: crd.k8s.amazonaws.com/v1alpha1
    kind: ENIConfig
    metadata:
      name: pod-subnet-a
    spec:
      subnet: subnet-0123456789abcdef0
      securityGroups:
        - sg-0123456789abcdef0
  `,
  goodExample: manifest`
    apiVersion: crd.k8s.amazonaws.com/v1alpha1
    kind: ENIConfig
    metadata:
      name: us-west-2a
    spec:
      subnet: subnet-0123456789abcdef0
      securityGroups:
        - sg-0123456789abcdef0
  `,
  docs: 'https://docs.aws.amazon.com/eks/latest/userguide/cni-custom-network-tutorial.html',
  check(ctx) {
    const name = asRecord(ctx.value.metadata).name;
    if (typeof name !== 'string' || name === '' || name === 'default' || isNameStandIn(name)) return;
    if (ZONE_NAME.test(name) || ZONE_ID.test(name)) return;
    if (dns1123SubdomainErrors(name).length > 0) return; // ENI103 reports an invalid name
    ctx.report({
      path: ['metadata', 'name'],
      bare: true,
      message: `ENIConfig "${name}" is not named after an Availability Zone: nodes pick it only if their ENIConfig label or annotation names it (with ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone they look for the zone name).`,
    });
  },
});
