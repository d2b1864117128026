// Doctor checks of VPC Lattice (AWS Gateway API Controller), run only on clusters that use it. Each
// is one part of `eksnet lattice status` (src/cluster/lattice/checks.ts) on the facts read once.

import { awsResults, controllerResults, crdResults, gatewayResults, routeResults } from '../lattice/checks';
import { usesLattice, type LatticeFacts } from '../lattice/facts';
import { skipped } from './cniChecks';
import type { CheckResult, DoctorCheckDefinition, DoctorFacts } from './types';

/** The first Lattice check: it alone says "no Lattice" or why the facts could not be read. */
const FIRST = 'lattice-controller';

const NO_LATTICE: CheckResult = {
  title: 'VPC Lattice',
  status: 'info',
  detail:
    'No Lattice resources (no AWS Gateway API Controller, Lattice GatewayClass, Gateway or controller CRD): Lattice checks skipped.',
};

/** Runs `judge` on the Lattice facts, or nothing when the cluster does not use Lattice. */
function latticeCheck(
  id: string,
  title: string,
  judge: (facts: LatticeFacts, doctor: DoctorFacts) => CheckResult[] | Promise<CheckResult[]>,
): DoctorCheckDefinition {
  return {
    id,
    run: async (doctor) => {
      let facts: LatticeFacts | undefined;
      try {
        facts = await doctor.lattice();
      } catch (error) {
        // Said once, by the first Lattice check; the others stay quiet.
        return id === FIRST ? skipped(title, error) : [];
      }
      if (!facts || !usesLattice(facts)) return id === FIRST ? [NO_LATTICE] : [];
      try {
        return await judge(facts, doctor);
      } catch (error) {
        return skipped(title, error);
      }
    },
  };
}

export const latticeControllerCheck: DoctorCheckDefinition = latticeCheck(
  FIRST,
  'AWS Gateway API Controller',
  (facts) => [...controllerResults(facts), ...facts.problems],
);

export const latticeCrdCheck = latticeCheck('lattice-crds', 'Gateway API CRDs', crdResults);

export const latticeGatewayCheck = latticeCheck('lattice-gateways', 'Lattice Gateways', gatewayResults);

export const latticeRouteCheck = latticeCheck('lattice-routes', 'Lattice routes and policies', routeResults);

export const latticeAwsCheck = latticeCheck('lattice-aws', 'Lattice prefix list', (facts, doctor) =>
  doctor.aws ? awsResults(facts, doctor.aws, doctor.kubectl.target) : [],
);

export const LATTICE_CHECKS: readonly DoctorCheckDefinition[] = [
  latticeControllerCheck,
  latticeCrdCheck,
  latticeGatewayCheck,
  latticeRouteCheck,
  latticeAwsCheck,
];
