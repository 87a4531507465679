export interface TopicPrediction {
  group: string;
  gold: string;
  predicted: string | undefined;
}

export interface TopicReport {
  accuracy: number;
  macroF1ByGroup: Map<string, number>;
  meanMacroF1: number;
}

export function macroF1(pairs: { gold: string; predicted: string | undefined }[]): number {
  const labels = [...new Set(pairs.map((p) => p.gold))];
  let sum = 0;
  for (const label of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const p of pairs) {
      if (p.predicted === label && p.gold === label) tp++;
      else if (p.predicted === label) fp++;
      else if (p.gold === label) fn++;
    }
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return labels.length ? sum / labels.length : 0;
}

export function evaluateTopics(predictions: TopicPrediction[]): TopicReport {
  const groups = new Map<string, TopicPrediction[]>();
  for (const p of predictions) {
    const group = groups.get(p.group);
    if (group) group.push(p);
    else groups.set(p.group, [p]);
  }
  const macroF1ByGroup = new Map([...groups].map(([g, ps]) => [g, macroF1(ps)]));
  const values = [...macroF1ByGroup.values()];
  const correct = predictions.filter((p) => p.predicted === p.gold).length;
  return {
    accuracy: predictions.length ? correct / predictions.length : 0,
    macroF1ByGroup,
    meanMacroF1: values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0,
  };
}
