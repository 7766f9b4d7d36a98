/** The data-quality check across countries and waves, run before weighting or tabulating. */
import { z } from 'zod';
import type { DataQualityReport } from '../domain/dataQuality';
import { method, result } from './apiTypes';

const threshold = z.number().int().min(1).max(1_000_000);

export const dataQualityInput = z.object({
  /** Respondents per country × wave below which a customer base is small (default 100). */
  smallBase: threshold.optional(),
  /** The same for executives, who are fewer by design (default 30). */
  smallExecutiveBase: threshold.optional(),
});

export const qualityMethods = {
  'study.dataQuality': method(dataQualityInput, result<DataQualityReport>()),
} as const;
