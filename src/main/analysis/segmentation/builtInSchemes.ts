/**
 * The schemes every study has: Customer Energy and the two templates beside it. Their names are
 * reserved: a saved scheme cannot take one.
 */
import type { SegmentScheme } from '../../../shared/domain/segments';
import { customerEnergyScheme } from './customerEnergyScheme';
import { participationScheme } from './participationScheme';
import { socialTechnographicsScheme } from './socialTechnographicsScheme';

export const builtInSchemes: readonly SegmentScheme[] = [
  customerEnergyScheme,
  socialTechnographicsScheme,
  participationScheme,
];

export function builtInScheme(name: string): SegmentScheme | undefined {
  return builtInSchemes.find((scheme) => scheme.name === name.toLowerCase());
}
