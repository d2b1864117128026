// The Gateway API and AWS Gateway API Controller (VPC Lattice) schemas, generated from the CRDs by
// scripts/gen-lattice-schemas.mjs. scripts/gen-validators.mjs lists the same files in the same order.

import accesslogpolicyApplicationNetworkingK8sAwsV1alpha1 from '../../../schemas/accesslogpolicy-application-networking.k8s.aws-v1alpha1.json';
import gatewayGatewayNetworkingK8sIoV1 from '../../../schemas/gateway-gateway.networking.k8s.io-v1.json';
import gatewayGatewayNetworkingK8sIoV1beta1 from '../../../schemas/gateway-gateway.networking.k8s.io-v1beta1.json';
import gatewayclassGatewayNetworkingK8sIoV1 from '../../../schemas/gatewayclass-gateway.networking.k8s.io-v1.json';
import gatewayclassGatewayNetworkingK8sIoV1beta1 from '../../../schemas/gatewayclass-gateway.networking.k8s.io-v1beta1.json';
import grpcrouteGatewayNetworkingK8sIoV1 from '../../../schemas/grpcroute-gateway.networking.k8s.io-v1.json';
import httprouteGatewayNetworkingK8sIoV1 from '../../../schemas/httproute-gateway.networking.k8s.io-v1.json';
import httprouteGatewayNetworkingK8sIoV1beta1 from '../../../schemas/httproute-gateway.networking.k8s.io-v1beta1.json';
import iamauthpolicyApplicationNetworkingK8sAwsV1alpha1 from '../../../schemas/iamauthpolicy-application-networking.k8s.aws-v1alpha1.json';
import referencegrantGatewayNetworkingK8sIoV1 from '../../../schemas/referencegrant-gateway.networking.k8s.io-v1.json';
import referencegrantGatewayNetworkingK8sIoV1beta1 from '../../../schemas/referencegrant-gateway.networking.k8s.io-v1beta1.json';
import serviceexportApplicationNetworkingK8sAwsV1alpha1 from '../../../schemas/serviceexport-application-networking.k8s.aws-v1alpha1.json';
import serviceimportApplicationNetworkingK8sAwsV1alpha1 from '../../../schemas/serviceimport-application-networking.k8s.aws-v1alpha1.json';
import servicenetworkApplicationNetworkingK8sAwsV1alpha1 from '../../../schemas/servicenetwork-application-networking.k8s.aws-v1alpha1.json';
import targetgrouppolicyApplicationNetworkingK8sAwsV1alpha1 from '../../../schemas/targetgrouppolicy-application-networking.k8s.aws-v1alpha1.json';
import tlsrouteGatewayNetworkingK8sIoV1 from '../../../schemas/tlsroute-gateway.networking.k8s.io-v1.json';
import vpcassociationpolicyApplicationNetworkingK8sAwsV1alpha1 from '../../../schemas/vpcassociationpolicy-application-networking.k8s.aws-v1alpha1.json';

export const LATTICE_SCHEMAS: readonly object[] = [
  accesslogpolicyApplicationNetworkingK8sAwsV1alpha1,
  gatewayGatewayNetworkingK8sIoV1,
  gatewayGatewayNetworkingK8sIoV1beta1,
  gatewayclassGatewayNetworkingK8sIoV1,
  gatewayclassGatewayNetworkingK8sIoV1beta1,
  grpcrouteGatewayNetworkingK8sIoV1,
  httprouteGatewayNetworkingK8sIoV1,
  httprouteGatewayNetworkingK8sIoV1beta1,
  iamauthpolicyApplicationNetworkingK8sAwsV1alpha1,
  referencegrantGatewayNetworkingK8sIoV1,
  referencegrantGatewayNetworkingK8sIoV1beta1,
  serviceexportApplicationNetworkingK8sAwsV1alpha1,
  serviceimportApplicationNetworkingK8sAwsV1alpha1,
  servicenetworkApplicationNetworkingK8sAwsV1alpha1,
  targetgrouppolicyApplicationNetworkingK8sAwsV1alpha1,
  tlsrouteGatewayNetworkingK8sIoV1,
  vpcassociationpolicyApplicationNetworkingK8sAwsV1alpha1,
];
