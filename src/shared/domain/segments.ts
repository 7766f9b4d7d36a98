/**
 * Segmentations as the user reads and edits them: a scheme of ordered rules over named roles
 * (first match wins, then an "else" segment, inside a universe), the roles bound to a study's
 * variables, and what a segmentation or a k-means clustering reports. Plain data, so a scheme
 * can be written by hand, saved in a study and exported as a JSON file for another study.
 */
import type { TableResult } from './table';

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * A test on one role: against a number (`create_video >= 3`), against another role
 * (`energy_negative > energy_positive`) or against a list of codes (`online in [1]`).
 */
export type RoleTest =
  | { role: string; op: CompareOp; value: number | { role: string } }
  | { role: string; in: number[] };

/** A condition: a role test, or any / all / not of conditions. */
export type SegmentCondition =
  RoleTest | { any: SegmentCondition[] } | { all: SegmentCondition[] } | { not: SegmentCondition };

export interface SegmentRole {
  name: string;
  /** What the role stands for, in words the user can bind a variable to. */
  label: string;
}

export interface SegmentRule {
  code: number;
  label: string;
  when: SegmentCondition;
}

/** A published share to show beside the computed one (e.g. creators "under 5%"). */
export interface ReferenceShare {
  code: number;
  /** As published: "under 5%", "about 20%". */
  text: string;
  /** The share as a fraction, where the publication gives one number. */
  share?: number;
  /** Upper bound as a fraction, for "under x%". */
  below?: number;
}

export interface SegmentScheme {
  /** Lower-case words joined by hyphens: `customer-energy`. */
  name: string;
  title: string;
  description?: string;
  roles: SegmentRole[];
  /** Respondents outside it are missing, not a segment. Omitted: everyone. */
  universe?: SegmentCondition;
  /** In order: the first rule whose condition holds gives the segment. */
  rules: SegmentRule[];
  /** The segment of everyone in the universe whom no rule matched. */
  else: { code: number; label: string };
  /**
   * A comparison with a missing answer is `undecided` (the default: a respondent whose segment
   * depends on an unknown answer is missing) or `not-met` (a missing answer never meets a test).
   */
  missingAnswers?: 'undecided' | 'not-met';
  /** Where the scheme can split segments by the sign of energy (`split: 'valence'`). */
  valence?: {
    positive: SegmentRole;
    negative: SegmentRole;
    /** The codes of the rules to split. */
    split: number[];
  };
  reference?: { source: string; shares: ReferenceShare[] };
  /** The segment variable's name when the user gives none. */
  defaultName?: string;
}

/** Role name → study variable name. Roles left out are bound to the variable of their own name. */
export type SegmentBindings = Record<string, string>;

export interface SegmentCount {
  code: number;
  label: string;
  /** Respondents (unweighted). */
  count: number;
  /** Weighted count (= count when unweighted). */
  weighted: number;
  /** Share of the respondents given a segment, weighted when a weight is given. */
  share: number;
  reference?: ReferenceShare;
}

export interface SegmentGroupShares {
  /** The grouping variable: country, industry or wave. */
  variable: string;
  groups: Array<{
    code: number;
    label: string;
    /** Respondents given a segment in this group (unweighted). */
    base: number;
    segments: Array<{ code: number; share: number }>;
  }>;
}

export interface SegmentPreview {
  scheme: string;
  /** Every role and the variable it was bound to. */
  bindings: SegmentBindings;
  weight: string | null;
  rows: number;
  /** Respondents inside the universe (and the filter, if any). */
  universe: number;
  /** Inside the universe, but an answer the rules needed was missing. */
  undecided: number;
  segments: SegmentCount[];
  byGroup: SegmentGroupShares[];
}

export interface SavedSegmentation {
  name: string;
  label: string | null;
  method: 'rules' | 'kmeans';
  /** The definition kept with the variable: the scheme and bindings, or the k-means centres. */
  definition: SegmentationDefinition;
  segments: Array<{ code: number; label: string; count: number }>;
  /** Respondents with no segment. */
  missing: number;
}

export interface RulesDefinition {
  method: 'rules';
  scheme: SegmentScheme;
  bindings: SegmentBindings;
  split: 'valence' | null;
  /** The golden questions' typing tool, when the user saved one (cew segment --golden --save-typing-tool). */
  golden?: GoldenTypingModel;
}

export interface KMeansDefinition {
  method: 'kmeans';
  variables: string[];
  standardize: boolean;
  /** Per variable: the mean and sd subtracted and divided (sd 1 when not standardised). */
  scaling: Array<{ variable: string; mean: number; sd: number }>;
  /** One per cluster, in the scaled space, in cluster-id order. */
  centers: number[][];
  labels: string[];
  filter: string | null;
  seed: number;
  /** The golden questions' typing tool, when the user saved one (cew segment --golden --save-typing-tool). */
  golden?: GoldenTypingModel;
}

export type SegmentationDefinition = RulesDefinition | KMeansDefinition;

export interface SchemeInfo {
  scheme: SegmentScheme;
  builtIn: boolean;
}

export interface KMeansCluster {
  id: number;
  label: string;
  size: number;
  /** Sum of squared distances to the centre, in the clustering's (scaled) space. */
  withinSS: number;
  /** The centre in each variable's own units. */
  center: Record<string, number>;
}

export interface KMeansSolution {
  k: number;
  clusters: KMeansCluster[];
  /** Total within-cluster sum of squares in the clustering's space (standardised by default). */
  withinSS: number;
  totalSS: number;
  /** Mean silhouette width over the silhouette sample. */
  silhouette: number;
  iterations: number;
  converged: boolean;
}

export interface KMeansReport {
  variables: string[];
  standardize: boolean;
  scaling: Array<{ variable: string; mean: number; sd: number }>;
  seed: number;
  restarts: number;
  /** Respondents clustered. */
  included: number;
  /** Respondents in the base with a missing value on any input: not clustered. */
  excluded: number;
  /** Respondents the mean silhouette is computed over (a seeded sample of at most 10,000). */
  silhouetteSample: number;
  /** One solution per k, in increasing k. */
  solutions: KMeansSolution[];
  /** The segment variable saved from the (single) solution, when a name was given. */
  saved: string | null;
}

/** What saving a rule segmentation reports: the segment variable's name and its counts. */
export interface SegmentSaveResult extends SegmentPreview {
  name: string;
}

/**
 * Respondents by their actual segment (rows) and the segment a classifier gave them (columns),
 * in the segments' order; `unclassified` counts, per actual segment, those given none.
 */
export interface ConfusionMatrix {
  segments: Array<{ code: number; label: string }>;
  counts: number[][];
  unclassified: number[];
  /** Respondents counted. */
  n: number;
  /** Share on the diagonal: classified into their own segment. */
  accuracy: number;
  /**
   * The mean of the segments' recalls (segments with respondents only): every segment weighs the
   * same, so a small segment left unrecognised shows here though hardly in `accuracy`.
   */
  balancedAccuracy: number;
  /** Per segment: recall (of its respondents, the share classified into it) and precision. */
  bySegment: Array<{ code: number; n: number; recall: number; precision: number | null }>;
}

/** The seeded hold-out: 30% of every segment's respondents, drawn with the seed. */
export interface HoldOutSample {
  seed: number;
  /** The share held out (0.3). */
  share: number;
  train: number;
  test: number;
  /** Respondents with a segment left out of both (a missing answer the classifier needs). */
  excluded: number;
}

/** How well a segmentation's typing tool reproduces it on respondents it was not trained on. */
export interface HoldOutReport {
  segmentation: string;
  method: 'rules' | 'kmeans';
  sample: HoldOutSample;
  /** What was trained and how the hold-out was classified, in words. */
  procedure: string;
  accuracy: number;
  confusion: ConfusionMatrix;
  /** k-means: which refitted cluster stands for which saved one (matched on the training 70%). */
  matching?: Array<{ refitted: number; saved: number }>;
}

/**
 * What the golden questions must reach on the hold-out, and what picks each question on the
 * training respondents: `balanced` — balanced accuracy, the mean of the segments' recalls (the
 * default: every segment counts the same, so a 4% segment cannot be given up for the 75% one);
 * `every-segment` — the lowest segment recall, so every segment reaches the target; `overall` —
 * accuracy over all respondents, which the largest segment dominates.
 */
export type GoldenCriterion = 'balanced' | 'every-segment' | 'overall';

export interface GoldenStep {
  /** The question added at this step. */
  variable: string;
  /** Overall accuracy on the training 70% (resubstitution). */
  trainAccuracy: number;
  /** Overall accuracy on the hold-out 30% of a model on every question chosen so far. */
  holdOutAccuracy: number;
  /** The criterion on the training 70%: the value that chose this question. */
  trainScore: number;
  /** The criterion on the hold-out 30%: the value that decides when to stop. */
  holdOutScore: number;
  /** Each segment's recall on the hold-out, in the segments' order (0 for one with nobody). */
  holdOutRecall: number[];
}

export interface GoldenQuestionsReport {
  segmentation: string;
  /** The classifier, named: linear discriminant analysis with its priors. */
  classifier: string;
  /** What the steps are judged by; `target` applies to it. */
  criterion: GoldenCriterion;
  /** The criterion in words, as the CLI prints it. */
  criterionText: string;
  target: number;
  candidates: string[];
  /**
   * How each candidate enters the classifier: `levels`, its answers among the training
   * respondents, gives one 0/1 term "at or above" each level but the lowest (coded questions, and
   * numbers with at most 11 values); null, one linear term.
   */
  coding: Array<{ variable: string; levels: number[] | null }>;
  /** Candidates that cannot enter a model (one answer from everyone, or collinear). */
  skipped: Array<{ variable: string; reason: string }>;
  sample: HoldOutSample;
  /** In the order chosen; the last is where the target was reached (or every candidate). */
  steps: GoldenStep[];
  chosen: string[];
  reached: boolean;
  /** The final model's classification of the hold-out. */
  confusion: ConfusionMatrix;
  /**
   * The typing tool the questions give: the model refitted on every respondent with a segment who
   * answered the chosen questions (null when none was chosen).
   */
  model: GoldenTypingModel | null;
  /** The segmentation the model was saved with (`save`), else null. */
  saved: string | null;
}

/**
 * One term of a golden model: the 0/1 indicator "`variable` at or above `atOrAbove`", or the
 * answer itself (`atOrAbove` null) for a question that enters as one linear term.
 */
export interface GoldenTerm {
  variable: string;
  atOrAbove: number | null;
}

/**
 * The golden questions' classifier in plain terms, so anyone can apply it with a calculator: a
 * respondent's score for a segment is its constant plus the sum of coefficient × term over the
 * terms, and the respondent goes to the segment with the highest score (the first of equals). A
 * respondent who did not answer every question is not classified.
 */
export interface GoldenTypingModel {
  /** The questions asked, in the order chosen, with the levels their indicators stand on (null: linear). */
  questions: Array<{ variable: string; levels: number[] | null }>;
  /** Every term, question by question, in the order of each segment's coefficients. */
  terms: GoldenTerm[];
  /** In the segmentation's order; constant null: no respondent had it when fitted, never given. */
  segments: Array<{ code: number; label: string; constant: number | null; coefficients: number[] }>;
  /** Linear discriminant analysis, with its priors and ridge, in words. */
  classifier: string;
  priors: 'equal' | 'proportional';
  ridge: number;
  /** Who the model was fitted on: every respondent with a segment who answered the questions. */
  fittedOn: {
    respondents: number;
    /** Respondents with a segment left out: no answer to a chosen question. */
    withoutAnswer: number;
    description: string;
  };
  /** How often the model gives the respondents it was fitted on their own segment. */
  inSample: { accuracy: number; balancedAccuracy: number; recall: number[] };
  /** The search that chose the questions. */
  search: {
    criterion: GoldenCriterion;
    target: number;
    seed: number;
    reached: boolean;
    /** The criterion on the hold-out with the questions chosen (a model on the training 70%). */
    holdOutScore: number;
    holdOutAccuracy: number;
  };
}

/** What classifying a new file into a saved segmentation wrote and found. */
export interface ClassificationReport {
  segmentation: string;
  method: 'rules' | 'kmeans';
  /** Classified by the golden questions' typing tool saved with the segmentation, not its own. */
  golden: boolean;
  file: string;
  /** The CSV written: one row per respondent (id, code, segment, reason). */
  out: string;
  rows: number;
  classified: number;
  unclassified: number;
  segments: Array<{ code: number; label: string; count: number }>;
  /** Why respondents got no segment, most frequent first. */
  reasons: Array<{ reason: string; count: number }>;
  /** The file's respondent ID: named, guessed as an import guesses it, or the row number. */
  respondentId: { variable: string | null; how: 'named' | 'guessed' | 'row-number' };
  /** Variables taken as one value for the whole file (the file has no such column). */
  constants: Array<{ variable: string; value: string; how: 'given' | 'file name' }>;
  warnings: string[];
}

/** Segment shares wave by wave in one group of respondents, and each wave's change from the last. */
export interface SegmentMovement {
  /** "All respondents", or the country (or other outer group) the waves are within. */
  group: string;
  waves: Array<{ code: number; label: string; base: number }>;
  segments: Array<{
    code: number;
    label: string;
    /** Column % per wave (0–100), null where the wave has no respondents. */
    shares: Array<number | null>;
    /** Each wave against the previous wave with respondents. */
    changes: Array<{
      from: string;
      to: string;
      /** Percentage points, later minus earlier. */
      points: number;
      /** The test's p-value, adjusted as the table adjusts; null when it was not tested. */
      p: number | null;
      adjustedP: number | null;
      significant: boolean | null;
    }>;
  }>;
}

/** A segment profile: the chosen variables by segment, the shares by group, movement over waves. */
export interface SegmentProfile {
  segmentation: string;
  label: string;
  weight: string | null;
  filter: string | null;
  /** Every chosen variable by segment: column % or means, index vs total, significance letters. */
  variables: TableResult;
  /** The segment variable by country, industry and wave side by side (where the study has them). */
  shares: TableResult | null;
  movement: {
    /** The test of a change, in words. */
    test: string;
    /** Confidence level a change must reach to be called significant. */
    level: number;
    overall: SegmentMovement | null;
    byCountry: SegmentMovement[];
  };
}

/** A question the typing tool asks: the study variable, its answer codes and what counts as none. */
export interface TypingToolInput {
  variable: string;
  label: string | null;
  /** The roles of the rules bound to it (rules only). */
  roles: string[];
  values: Array<{ code: number; label: string }>;
  /** Codes (or ranges) that count as no answer, such as 99 "don't know". */
  missing: Array<number | { low: number | null; high: number | null }>;
}

interface TypingToolBase {
  format: 'cew-typing-tool';
  version: 1;
  segmentation: string;
  label: string;
  segments: Array<{ code: number; label: string }>;
  inputs: TypingToolInput[];
  /** The golden questions' typing tool saved with the segmentation, with its questions described. */
  golden?: GoldenTypingTool;
}

/** A golden model with the questions it asks: their codes and what counts as no answer. */
export interface GoldenTypingTool extends GoldenTypingModel {
  inputs: TypingToolInput[];
}

/** A rule segmentation's typing tool: the rules as applied (split by valence when saved so). */
export interface RulesTypingTool extends TypingToolBase {
  method: 'rules';
  scheme: SegmentScheme;
  /** Role → the variable (input) it reads. */
  bindings: SegmentBindings;
  missingAnswers: 'undecided' | 'not-met';
  /** The universe and each rule in words, with the variables' names. */
  universe: string | null;
  rules: Array<{ code: number; label: string; when: string }>;
  else: { code: number; label: string };
}

/** A clustering's typing tool: standardise with the means and sds, go to the nearest centre. */
export interface KMeansTypingTool extends TypingToolBase {
  method: 'kmeans';
  standardize: boolean;
  scaling: Array<{ variable: string; mean: number; sd: number }>;
  /** One per cluster (code 1, 2, …), standardised, in the order of `scaling`. */
  centers: number[][];
  /** The same centres in the answers' own units. */
  centersInUnits: Array<Record<string, number>>;
  /** Who the clustering was run on (an expression), or null for everyone. */
  filter: string | null;
}

export type TypingTool = RulesTypingTool | KMeansTypingTool;

export interface TypingToolExport {
  segmentation: string;
  method: 'rules' | 'kmeans';
  format: 'json' | 'xlsx';
  out: string;
  inputs: string[];
  /** Excel: the respondent rows the input area has. */
  rows: number | null;
  /** The golden questions the export includes (saved with the segmentation), else null. */
  golden: string[] | null;
}
