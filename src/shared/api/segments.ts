/**
 * Segmentation: rule schemes (built-in, templates and the user's own), a live preview of their
 * counts, saving a segmentation as a segment variable, and k-means clustering as a job.
 */
import { z } from 'zod';
import type {
  ClassificationReport,
  GoldenCriterion,
  SegmentProfile,
  TypingToolExport,
  SavedSegmentation,
  SchemeInfo,
  SegmentCondition,
  SegmentPreview,
  SegmentSaveResult,
} from '../domain/segments';
import { method, result } from './apiTypes';

const roleName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_.]{0,63}$/, 'a role is a name such as create_video');
const variableName = z.string().min(1).max(128);
const label = z.string().trim().min(1).max(200);
const code = z.number().int();

const roleTest = z.union([
  z.strictObject({
    role: roleName,
    op: z.enum(['=', '!=', '<', '<=', '>', '>=']),
    value: z.union([z.number().finite(), z.strictObject({ role: roleName })]),
  }),
  z.strictObject({ role: roleName, in: z.array(z.number().finite()).min(1).max(1000) }),
]);

/** A condition: a role test, or { any: [...] }, { all: [...] }, { not: ... } of conditions. */
export const conditionSchema: z.ZodType<SegmentCondition> = z.lazy(() =>
  z.union([
    roleTest,
    z.strictObject({ any: z.array(conditionSchema).min(1).max(500) }),
    z.strictObject({ all: z.array(conditionSchema).min(1).max(500) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

const role = z.strictObject({ name: roleName, label: z.string().max(500) });

/** A scheme as saved in a study or written to a file for another study. */
export const schemeSchema = z.strictObject({
  name: z
    .string()
    .max(64)
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      'a scheme name is lower-case words joined by hyphens, e.g. my-energy',
    ),
  title: label,
  description: z.string().max(2000).optional(),
  roles: z.array(role).min(1).max(500),
  universe: conditionSchema.optional(),
  rules: z
    .array(z.strictObject({ code, label, when: conditionSchema }))
    .min(1)
    .max(100),
  else: z.strictObject({ code, label }),
  missingAnswers: z.enum(['undecided', 'not-met']).optional(),
  valence: z
    .strictObject({ positive: role, negative: role, split: z.array(code).min(1).max(100) })
    .optional(),
  reference: z
    .strictObject({
      source: z.string().max(1000),
      shares: z
        .array(
          z.strictObject({
            code,
            text: z.string().max(100),
            share: z.number().min(0).max(1).optional(),
            below: z.number().min(0).max(1).optional(),
          }),
        )
        .max(100),
    })
    .optional(),
  defaultName: z.string().max(64).optional(),
});

const ruleSegmentation = {
  /** A built-in or saved scheme's name, or a whole scheme (the live rule builder's draft). */
  scheme: z.union([z.string().min(1).max(64), schemeSchema]),
  /** Role → variable; a role left out binds to the variable of its own name. */
  bindings: z.record(roleName, variableName).default({}),
  split: z.enum(['valence']).optional(),
};

export const previewInput = z.object({
  ...ruleSegmentation,
  weight: variableName.optional(),
  /** A condition in the expression language, or a saved filter's name. */
  filter: z.string().min(1).max(10_000).optional(),
  /** Grouping variables for shares side by side; default country, industry and wave where present. */
  by: z.array(variableName).max(10).optional(),
});

export const saveSegmentationInput = z.object({
  ...ruleSegmentation,
  /** The segment variable's name; default the scheme's (`energy` for Customer Energy). */
  name: variableName.optional(),
  label: z.string().max(500).optional(),
  weight: variableName.optional(),
});

const clusterCount = z.number().int().min(2).max(50);

export const kmeansInput = z
  .object({
    variables: z.array(variableName).min(1).max(500),
    /** One k, or a range to compare (within-cluster SS and silhouette per k). */
    k: z.union([
      clusterCount,
      z
        .object({ from: clusterCount, to: clusterCount })
        .refine((range) => range.from <= range.to, 'k: from must not exceed to'),
    ]),
    seed: z.number().int().min(0).max(0xffffffff).default(1),
    standardize: z.boolean().default(true),
    restarts: z.number().int().min(1).max(1000).default(10),
    maxIterations: z.number().int().min(1).max(10_000).default(100),
    filter: z.string().min(1).max(10_000).optional(),
    /** Saves the clustering as this segment variable (one k only). */
    name: variableName.optional(),
    label: z.string().max(500).optional(),
    /** Cluster names, in cluster-id order. */
    labels: z.array(label).max(50).optional(),
  })
  .refine(
    (input) => input.name === undefined || typeof input.k === 'number',
    'name: only one k can be saved; give k as a number',
  );

/** Classifies a file's respondents into a saved segmentation and writes them to a CSV file. */
export const classifyInput = z.object({
  /** The segment variable's name. */
  segmentation: variableName,
  path: z.string().min(1, 'a file to classify is required'),
  out: z.string().min(1, 'an output file is required'),
  encoding: z.string().min(1).optional(),
  /** The file's respondent ID; default guessed as an import guesses it, else the row number. */
  idVariable: z.string().min(1).optional(),
  /** The language of the file's answer labels, tried first when matching them to the study's. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
  /** Types the respondents with the golden questions' typing tool saved with the segmentation. */
  golden: z.boolean().default(false),
  /** Study variable → the file's variable, where the file names it otherwise (`rate` → `rate_brands`). */
  map: z.record(variableName, variableName).default({}),
  /** For a file without these columns: one value for all its respondents (default from its name). */
  respondentType: z.enum(['customer', 'executive']).optional(),
  country: z.string().min(1).max(16).optional(),
  wave: z.string().min(1).max(64).optional(),
  sheet: z.string().min(1).optional(),
});

const seed = z.number().int().min(0).max(0xffffffff).default(1);

/** The typing tool's accuracy on a seeded 30% hold-out of the segmentation's respondents. */
export const holdOutInput = z.object({ segmentation: variableName, seed });

const goldenCriteria = [
  'balanced',
  'every-segment',
  'overall',
] as const satisfies readonly GoldenCriterion[];

/** The shortest list of questions that tells the segments apart with the stated accuracy. */
export const goldenInput = z.object({
  segmentation: variableName,
  /** Questions to choose from; default the variables the rules test, or the clustering's inputs. */
  candidates: z.array(variableName).min(1).max(500).optional(),
  /** The hold-out accuracy to reach, 0–1, by the criterion. */
  accuracy: z.number().gt(0).max(1).default(0.9),
  /** What `accuracy` applies to (GoldenCriterion): balanced accuracy unless said. */
  criterion: z.enum(goldenCriteria).default('balanced'),
  seed,
  /** Saves the model on the chosen questions with the segmentation, as its golden typing tool. */
  save: z.boolean().default(false),
});

/** A segment profile: the chosen variables by segment, shares by group, movement between waves. */
export const profileInput = z.object({
  /** The segment variable (a saved segmentation). */
  segment: variableName,
  /** Coded variables (column %) and numeric ones (means), in the order to show them. */
  variables: z.array(variableName).min(1).max(500),
  /** Coded variables to show as means as well (a 1–5 scale). */
  means: z.array(variableName).max(100).optional(),
  weight: variableName.optional(),
  /** A condition in the expression language, or a saved filter's name. */
  filter: z.string().min(1).max(10_000).optional(),
});

/** Writes a segmentation's typing tool: JSON (the definition) or an Excel workbook of formulas. */
export const typingToolInput = z.object({
  segmentation: variableName,
  out: z.string().min(1, 'an output file is required'),
  /** Default from the file's extension: .json, else xlsx. */
  format: z.enum(['json', 'xlsx']).optional(),
  /** Excel: respondent rows ready to type into. */
  rows: z.number().int().min(1).max(10_000).default(200),
  /** The golden questions' typing tool alone (saved with the segmentation), not the segmentation's own. */
  golden: z.boolean().default(false),
});

export const segmentMethods = {
  /** Built-in schemes, templates and the schemes saved in the study. */
  'segments.schemes': method(z.object({}), result<SchemeInfo[]>()),
  /** Saves a user's scheme in the study (replacing one of the same name). */
  'segments.saveScheme': method(z.object({ scheme: schemeSchema }), result<SchemeInfo>()),
  /** Counts and shares per segment, without saving: for a live rule builder. */
  'segments.preview': method(previewInput, result<SegmentPreview>()),
  /** Saves a rule segmentation as a segment variable, recomputed when sources change. */
  'segments.save': method(saveSegmentationInput, result<SegmentSaveResult>()),
  /** The study's segment variables with their definitions and counts. */
  'segments.list': method(z.object({}), result<SavedSegmentation[]>()),
  /** Starts a k-means job; the KMeansReport arrives with job.finished. */
  'segments.kmeans': method(kmeansInput, result<{ jobId: string }>()),
  /** Classifies a new file's respondents (rules, or nearest centre) and writes a CSV of them. */
  'segments.classify': method(classifyInput, result<ClassificationReport>()),
  /** Every chosen variable by segment with index and letters, shares by group, wave movement. */
  'segments.profile': method(profileInput, result<SegmentProfile>()),
  /** Writes the typing tool of a saved segmentation as JSON or as an Excel workbook. */
  'segments.typingTool': method(typingToolInput, result<TypingToolExport>()),
  /** Starts a hold-out accuracy job; the HoldOutReport arrives with job.finished. */
  'segments.holdOut': method(holdOutInput, result<{ jobId: string }>()),
  /** Starts a golden-questions job; the GoldenQuestionsReport arrives with job.finished. */
  'segments.golden': method(goldenInput, result<{ jobId: string }>()),
} as const;
