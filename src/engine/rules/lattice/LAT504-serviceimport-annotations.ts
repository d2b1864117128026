import { isPlaceholder } from '../../util/placeholders';
import { renderValue } from '../../util/strings';
import { defineRule } from '../types';
import { annotationPath, annotationValue, CONTROLLER_DOCS } from './common';

const TAG_DISCOVERY = ['export-name', 'aws-vpc', 'aws-eks-cluster-name'];
const TARGET_GROUP_ARN = /^arn:aws[a-z-]*:vpc-lattice:[a-z0-9-]+:\d{12}:targetgroup\/tg-[0-9a-z]{17}$/;

const IMPORT = (annotations: string) =>
  `apiVersion: application-networking.k8s.aws/v1alpha1\nkind: ServiceImport\nmetadata:\n  name: inventory-ver2\n  namespace: hotel\n  annotations:\n${annotations}spec:\n  type: ClusterSetIP\n  ports:\n    - port: 80\n      protocol: TCP`;

export default defineRule({
  code: 'LAT504',
  slug: 'serviceimport-annotations',
  kinds: ['ServiceImport'],
  category: 'controller',
  defaultSeverity: 'error',
  summary:
    'A ServiceImport combines `target-group-arn` with the tag-discovery annotations, or its `target-group-arn` is not a Lattice target group ARN.',
  why: 'A ServiceImport finds its target group one way: by the ServiceExport of the same name, narrowed by `export-name`, `aws-vpc` and `aws-eks-cluster-name`; or directly by `target-group-arn`. With both, the routes using it are `ResolvedRefs=False` (`ConflictingServiceImportAnnotations`). The ARN must be `arn:aws:vpc-lattice:<region>:<account>:targetgroup/tg-<17 characters>` (`InvalidExternalTargetGroup` otherwise).',
  badExample: IMPORT(
    '    application-networking.k8s.aws/target-group-arn: arn:aws:vpc-lattice:us-west-2:111122223333:targetgroup/tg-0a1b2c3d4e5f67890\n    application-networking.k8s.aws/aws-eks-cluster-name: cluster-a\n',
  ),
  goodExample: IMPORT(
    '    application-networking.k8s.aws/target-group-arn: arn:aws:vpc-lattice:us-west-2:111122223333:targetgroup/tg-0a1b2c3d4e5f67890\n',
  ),
  docs: `${CONTROLLER_DOCS}api-types/service-import/`,
  check(ctx) {
    const arn = annotationValue(ctx.value, 'target-group-arn');
    if (arn === undefined) return;
    const conflicting = TAG_DISCOVERY.filter((key) => annotationValue(ctx.value, key) !== undefined);
    for (const key of conflicting) {
      ctx.report({
        path: annotationPath(key),
        target: 'key',
        bare: true,
        message: `${key} together with target-group-arn: a ServiceImport uses one or the other, and routes to it are ResolvedRefs=False (ConflictingServiceImportAnnotations)`,
      });
    }
    if (typeof arn === 'string' && !isPlaceholder(arn) && !TARGET_GROUP_ARN.test(arn.trim())) {
      ctx.report({
        path: annotationPath('target-group-arn'),
        bare: true,
        message: `${renderValue(arn)} is not a VPC Lattice target group ARN (arn:aws:vpc-lattice:<region>:<account>:targetgroup/tg-<17 characters>): routes to this import are ResolvedRefs=False (InvalidExternalTargetGroup)`,
      });
    }
  },
});
