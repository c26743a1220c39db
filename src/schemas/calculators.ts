/**
 * Props of the calculator components guides use in MDX: every prop optional, defaults giving the
 * worked example, ranges taken from the same field definitions the browser validates with.
 * A wrong prop written as a literal is refused by the content check (content-tools/check/mdx-props.ts);
 * one computed in the guide fails the render with `<Component> on /guides/x/: prop: expected …, found …`.
 */
import { z } from 'astro/zod';
import { WINDOW_DEFAULTS, windowFields, type WindowField } from '../lib/calculators/carbon-window';
import type { NumberField } from '../lib/calculators/fields';
import { formatNumber } from '../lib/calculators/format';
import { GRID_REGIONS } from '../lib/calculators/grid-intensity';
import { PAGE_DEFAULTS, PAGE_FIELDS, type PageField } from '../lib/calculators/page-emissions';
import { TRAINING_DEFAULTS, TRAINING_FIELDS, type TrainingField } from '../lib/calculators/training-emissions';
import { issuesToDiagnostics } from './errors';

function numberProp<Name extends string>(fields: readonly NumberField<Name>[], name: Name) {
  const field = fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`No calculator field named ${name}`);
  const expected = `${field.step === 1 ? 'a whole number' : 'a number'} from ${formatNumber(field.min, 4)} to ${formatNumber(field.max, 4)}`;
  const number = z.number({ error: expected }).min(field.min, { error: expected }).max(field.max, { error: expected });
  return field.step === 1 ? number.int({ error: expected }) : number;
}

/** Tells two calculators of one kind on one page apart; also the prefix of their element ids. */
const idProp = (fallback: string) =>
  z
    .string({ error: 'lower-case letters, digits and hyphens, starting with a letter' })
    .regex(/^[a-z][a-z0-9-]*$/, { error: 'lower-case letters, digits and hyphens, starting with a letter' })
    .default(fallback);

const training = (name: TrainingField) => numberProp(TRAINING_FIELDS, name).default(TRAINING_DEFAULTS[name]);
const regionIds = GRID_REGIONS.map((region) => region.id) as [string, ...string[]];

export const trainingCalculatorProps = z.strictObject({
  id: idProp('training-calculator'),
  accelerators: training('accelerators'),
  powerWatts: training('powerWatts'),
  hours: training('hours'),
  utilisationPercent: training('utilisationPercent'),
  pue: training('pue'),
  /** A preset region from src/lib/calculators/grid-intensity.ts; its intensity is used unless `intensity` is given. */
  region: z.enum(regionIds, { error: `one of ${regionIds.join(', ')}` }).default('world'),
  /** A custom intensity in gCO2e/kWh, overriding the region's. */
  intensity: numberProp(TRAINING_FIELDS, 'intensity').optional(),
});

const page = (name: PageField) => numberProp(PAGE_FIELDS, name).default(PAGE_DEFAULTS[name]);

export const pageEstimatorProps = z.strictObject({
  id: idProp('page-estimator'),
  kilobytes: page('kilobytes'),
  viewsPerMonth: page('viewsPerMonth'),
  green: z.boolean({ error: 'true or false' }).default(PAGE_DEFAULTS.green),
});

const timeline = (name: WindowField) => numberProp(windowFields(), name).default(WINDOW_DEFAULTS[name]);

export const carbonTimelineProps = z
  .strictObject({
    id: idProp('carbon-timeline'),
    hours: timeline('hours'),
    start: timeline('start'),
    powerKw: timeline('powerKw'),
  })
  .refine((props) => props.start + props.hours <= 24, {
    error: 'a start and a length that end by 24:00',
    path: ['start'],
  });

/** The calculators guides import from src/components/mdx/, by file name, with their props' schema. */
export const CALCULATOR_PROPS: Record<string, z.ZodType> = {
  TrainingEmissionsCalculator: trainingCalculatorProps,
  PageEmissionsEstimator: pageEstimatorProps,
  CarbonAwareTimeline: carbonTimelineProps,
};

/**
 * Every problem of a component's props, one `prop: expected …, found …` each; none when they
 * parse. The render (parseProps) and the content check (for props written as literals) both
 * ask here, so a guide's author reads the same words from either.
 */
export function propProblems(schema: z.ZodType, props: unknown): string[] {
  const result = schema.safeParse(props);
  if (result.success) return [];
  const raw = (props && typeof props === 'object' ? props : {}) as Record<string, unknown>;
  return issuesToDiagnostics(result.error.issues, raw, '', () => ({ line: 0, column: 0 })).map(
    // The shared formatter names an issue without a field after front matter; here it is the props.
    (d) => d.message.replace(/^\(front matter\): /, 'props: '),
  );
}

/** Parses a component's props, failing the build with every problem named. */
export function parseProps<Schema extends z.ZodType>(
  schema: Schema,
  props: unknown,
  component: string,
  page: string,
): z.infer<Schema> {
  const result = schema.safeParse(props);
  if (result.success) return result.data;
  const where = `<${component}> on ${page}`;
  throw new Error(
    propProblems(schema, props)
      .map((problem) => `${where}: ${problem}`)
      .join('\n'),
  );
}
