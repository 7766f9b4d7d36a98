/** The clustering form's typed text as a k-means request, or what is wrong with it in words. */
import type { Input } from '../../../../../shared/api/index';
import { i18n } from '../../../i18n';

/** Problems in the UI language at the time they are found. */
const tr = i18n.getFixedT(null, 'segments');

export interface ClusterForm {
  variables: string[];
  kFrom: string;
  kTo: string;
  seed: string;
  restarts: string;
  standardize: boolean;
}

/** A k-means request over a range of k (one k is a range of one). */
export type KMeansRangeRequest = Input<'segments.kmeans'> & { k: { from: number; to: number } };

const MAX_K = 50;
const MAX_SEED = 0xffffffff;
const MAX_RESTARTS = 1000;

function whole(text: string, min: number, max: number): number | null {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max
    ? value
    : null;
}

export function clusterRequest(
  form: ClusterForm,
): { request: KMeansRangeRequest; problem: null } | { request: null; problem: string } {
  const fail = (problem: string) => ({ request: null, problem });
  if (form.variables.length === 0) return fail(tr('problems.chooseVariables'));
  const from = whole(form.kFrom, 2, MAX_K);
  const to = whole(form.kTo, 2, MAX_K);
  if (from === null || to === null) return fail(tr('problems.kRange', { max: MAX_K }));
  if (from > to) return fail(tr('problems.kOrder'));
  const seed = whole(form.seed, 0, MAX_SEED);
  if (seed === null) return fail(tr('problems.seedRange', { max: MAX_SEED }));
  const restarts = whole(form.restarts, 1, MAX_RESTARTS);
  if (restarts === null) return fail(tr('problems.restartsRange', { max: MAX_RESTARTS }));
  return {
    request: {
      variables: form.variables,
      k: { from, to },
      seed,
      standardize: form.standardize,
      restarts,
    },
    problem: null,
  };
}
