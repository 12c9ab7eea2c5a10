/**
 * This desktop against the fleet: for each of its facts, the share of desktops with the same
 * value. A value below `outlierPercent` (or folded into "other": fewer than k desktops) is a
 * finding, told with the majority: "DNS 10.1.1.9 is used by 2 % of desktops; 97 % use 10.0.0.53".
 */
import type { BaselineDocument, FleetFinding } from '../../../shared/baseline.js';
import type { DesktopFacts } from './fleet-facts.js';

export function fleetFindings(baseline: BaselineDocument, facts: DesktopFacts, outlierPercent = 5): FleetFinding[] {
  const out: FleetFinding[] = [];
  for (const [fact, values] of facts) {
    const dist = baseline.facts[fact];
    if (!dist || dist.desktops === 0 || dist.values.length === 0) continue;
    const majority = dist.values[0]!;
    for (const value of values) {
      const known = dist.values.find((v) => v.value === value);
      const share = known?.share ?? 0;
      if (share * 100 >= outlierPercent) continue;
      // Unusual only against a clear habit: a fact with no common value says nothing.
      if (majority.share * 100 < outlierPercent || majority.value === value) continue;
      out.push({ fact, value, share, rare: !known, majority: { value: majority.value, share: majority.share } });
    }
  }
  return out;
}
