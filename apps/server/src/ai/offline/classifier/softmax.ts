/**
 * A small multinomial logistic regression over sparse binary features, trained with plain SGD in a
 * fixed order so that the same training file always gives the same model (and the same answers).
 */

export type TTrainingExample = { features: string[]; label: string };

export type TPrediction = { label: string; probability: number; probabilities: Record<string, number> };

export type TSoftmaxModel = {
  labels: readonly string[];
  predict(features: string[]): TPrediction;
};

export type TTrainOptions = { epochs: number; learningRate: number; l2: number };

const DEFAULT_OPTIONS: TTrainOptions = { epochs: 25, learningRate: 0.3, l2: 1e-4 };

/** Unigrams and bigrams of the tokens, plus a bias feature every message has. */
export function ngramFeatures(tokens: string[]): string[] {
  const features = new Set<string>(["_bias_"]);
  for (const [index, token] of tokens.entries()) {
    features.add(token);
    const next = tokens[index + 1];
    if (next !== undefined) features.add(`${token} ${next}`);
  }
  if (tokens.length <= 2) features.add("_short_");
  return [...features];
}

export function trainSoftmax(
  examples: TTrainingExample[],
  labels: readonly string[],
  options: Partial<TTrainOptions> = {},
): TSoftmaxModel {
  const { epochs, learningRate, l2 } = { ...DEFAULT_OPTIONS, ...options };
  const labelIndex = new Map(labels.map((label, index) => [label, index]));
  const weights = new Map<string, Float64Array>();
  const row = (feature: string): Float64Array => {
    let found = weights.get(feature);
    if (!found) {
      found = new Float64Array(labels.length);
      weights.set(feature, found);
    }
    return found;
  };
  const scores = new Float64Array(labels.length);
  // Interleave the classes with a fixed stride so SGD does not see one label in a long run.
  const order = examples.map((_, index) => index).sort((a, b) => ((a * 7919) % 1009) - ((b * 7919) % 1009));

  for (let epoch = 0; epoch < epochs; epoch++) {
    const rate = learningRate / (1 + epoch * 0.05);
    for (const exampleIndex of order) {
      const example = examples[exampleIndex] as TTrainingExample;
      const target = labelIndex.get(example.label);
      if (target === undefined) throw new Error(`Unknown label "${example.label}" in training data`);
      const rows = example.features.map(row);
      softmaxInto(rows, scores);
      for (const weightsOfFeature of rows) {
        for (let k = 0; k < labels.length; k++) {
          const gradient = (scores[k] as number) - (k === target ? 1 : 0);
          weightsOfFeature[k] = (weightsOfFeature[k] as number) * (1 - rate * l2) - rate * gradient;
        }
      }
    }
  }

  return {
    labels,
    predict(features) {
      const rows = features.flatMap((feature) => weights.get(feature) ?? []);
      const probabilities = new Float64Array(labels.length);
      softmaxInto(rows, probabilities);
      let best = 0;
      for (let k = 1; k < labels.length; k++)
        if ((probabilities[k] as number) > (probabilities[best] as number)) best = k;
      return {
        label: labels[best] as string,
        probability: probabilities[best] as number,
        probabilities: Object.fromEntries(labels.map((label, k) => [label, probabilities[k] as number])),
      };
    },
  };
}

function softmaxInto(rows: Float64Array[], out: Float64Array): void {
  out.fill(0);
  for (const weightsOfFeature of rows)
    for (let k = 0; k < out.length; k++) out[k] = (out[k] as number) + (weightsOfFeature[k] as number);
  let max = Number.NEGATIVE_INFINITY;
  for (const value of out) max = Math.max(max, value);
  let sum = 0;
  for (let k = 0; k < out.length; k++) {
    out[k] = Math.exp((out[k] as number) - max);
    sum += out[k] as number;
  }
  for (let k = 0; k < out.length; k++) out[k] = (out[k] as number) / sum;
}
