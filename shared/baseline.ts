/**
 * The fleet baseline (`diagcollect baseline build`): for each fact (DNS servers, proxy, gateway
 * network, OS version, browser and product versions, time zone, check outcomes) the share of
 * desktops per value. Distributions, not copies: a value seen on fewer than `k` desktops is
 * folded into `other` (k-anonymity), and no host name, user or single machine's address is in
 * it. Distributed to desktops by policy `baseline.file` / `baseline.url`, signed (Ed25519).
 */
import { z } from 'zod';

export const BASELINE_FORMAT = 'diagcollect-baseline/1';

/** Fact ids: `dns`, `proxy`, `gatewayPrefix`, `os`, `timeZone`, `browser:<name>`, `product:<name>`, `check:<id>`. */
export const FactIdSchema = z.string().regex(/^(dns|proxy|gatewayPrefix|os|timeZone|(browser|product|check):[\p{L}\p{N} ._-]{1,80})$/u);

export const FactDistributionSchema = z.object({
  /** Desktops that reported this fact at all. */
  desktops: z.number().int().nonnegative(),
  /** Values seen on at least k desktops, most common first. */
  values: z.array(z.object({ value: z.string().max(300), count: z.number().int().positive(), share: z.number().min(0).max(1) })).max(1000),
  /** Desktops whose value was seen on fewer than k desktops. */
  other: z.number().int().nonnegative(),
});
export type FactDistribution = z.infer<typeof FactDistributionSchema>;

export const BaselineDocumentSchema = z.object({
  format: z.literal(BASELINE_FORMAT),
  createdAt: z.string(),
  /** Distinct desktops counted (one archive per host). */
  desktops: z.number().int().nonnegative(),
  k: z.number().int().min(1),
  facts: z.record(FactIdSchema, FactDistributionSchema),
});
export type BaselineDocument = z.infer<typeof BaselineDocumentSchema>;

/** This desktop's value of a fact that is unusual in the fleet. */
export interface FleetFinding {
  fact: string;
  value: string;
  /** Share of desktops with this value (0 when it was folded into other). */
  share: number;
  /** The value was seen on fewer than k desktops. */
  rare: boolean;
  majority: { value: string; share: number };
}
