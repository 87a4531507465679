/**
 * npm run eval:classifier — language accuracy (sentences and titles <= 40 chars), topic accuracy
 * and macro-F1 per language on SIB-200 dev, places' agreement with the English translations of
 * SIB-200 dev (see eval/place-eval), and near-duplicate precision/recall on variants built
 * from SIB-200 dev+train. Reads SIB-200 from SIB_200_DIR or ../shared/datasets/sib-200.
 * Languages outside SIB-200's 44 are measured on the project's own sentences
 * (eval/other-languages), and lid.176 alone on SIB-200 dev as the quality bar.
 */
import { classifierFrom, loadServiceParts, topicAnchorsFor } from '../classify/classifier.js';
import { LanguageDetector } from '../language/detect.js';
import { Lid176 } from '../language/other-languages.js';
import { evaluateLanguage, type AccuracyReport, type LabelledText } from '../eval/language-eval.js';
import { OTHER_LANGUAGE_HELD_OUT, OTHER_LANGUAGE_SAMPLES } from '../eval/other-languages.js';
import { evaluateNearDuplicates } from '../eval/near-dup-eval.js';
import { evaluatePlaces } from '../eval/place-eval.js';
import { buildArticles, buildPairs } from '../eval/near-dup-set.js';
import { evaluateSubjects } from '../eval/subject-eval.js';
import { evaluateTopics } from '../eval/topic-eval.js';
import { topicSkeleton } from '../topics/features.js';
import { readSib, rng, shortTitle } from '../../training/lib/sib.js';

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

async function main(): Promise<void> {
  // lid.176 kept for its own figures; the models alone come from the same cached model files.
  const lid = await Lid176.load();
  const parts = await loadServiceParts(lid);
  const dev = readSib('dev');
  const sentences = evaluateLanguage(
    parts.language,
    dev.map((r) => ({ text: r.text, language: r.language, group: r.folder })),
  );
  const titles = evaluateLanguage(
    parts.language,
    dev.map((r) => ({ text: shortTitle(r.text), language: r.language, group: r.folder })),
  );
  // As classify() sees it: anchors from the places and entities found in the detected language.
  const predicted = dev.map((r) => {
    const language = parts.language.detect(r.text).code;
    return parts.topics.bestCategory(r.text, topicAnchorsFor(parts, r.text, language), language);
  });
  const topics = evaluateTopics(
    dev.map((r, i) => ({ group: r.folder, gold: r.category, predicted: predicted[i] })),
  );
  console.log(
    'SIB-200 dev, per language: lang(sentences) lang(titles<=40) topic-acc topic-macroF1',
  );
  const topicAcc = new Map<string, { ok: number; n: number }>();
  for (const [i, r] of dev.entries()) {
    const s = topicAcc.get(r.folder) ?? { ok: 0, n: 0 };
    s.n++;
    if (predicted[i] === r.category) s.ok++;
    topicAcc.set(r.folder, s);
  }
  for (const [folder, s] of sentences.perGroup) {
    const t = titles.perGroup.get(folder);
    const a = topicAcc.get(folder);
    console.log(
      `  ${folder.padEnd(9)} ${pct(s.correct / s.total).padStart(8)} ${pct((t?.correct ?? 0) / (t?.total ?? 1)).padStart(8)}` +
        ` ${pct((a?.ok ?? 0) / (a?.n ?? 1)).padStart(8)} ${(topics.macroF1ByGroup.get(folder) ?? 0).toFixed(3)}`,
    );
  }
  console.log(`language accuracy, sentences: ${pct(sentences.accuracy)} of ${sentences.total}`);
  console.log(`language accuracy, titles <= 40 chars: ${pct(titles.accuracy)} of ${titles.total}`);
  reportOtherLanguages(parts.language, LanguageDetector.load(), lid, dev);
  console.log(
    `topic accuracy: ${pct(topics.accuracy)}; macro-F1 averaged over languages: ${topics.meanMacroF1.toFixed(3)}`,
  );

  const places = evaluatePlaces(
    dev.map((r) => ({
      id: r.id,
      group: r.folder,
      language: r.language,
      places: parts.places.recognize('', r.text, r.language),
    })),
  );
  console.log(
    `places agreeing with the English translation: precision ${pct(places.precision)}, ` +
      `recall ${pct(places.recall)} (${places.counts.agreed} agreed, ${places.counts.extra} extra, ${places.counts.missed} missed)`,
  );
  console.log(
    `  ${[...places.perGroup].map(([group, r]) => `${group} ${(r.precision * 100).toFixed(0)}/${(r.recall * 100).toFixed(0)}`).join('  ')}`,
  );

  const cues = parts.topics.subjectCues;
  if (cues) {
    // Train and dev: the cue lists use no training, and dev alone holds a few dozen such sentences.
    const sib = [...readSib('train'), ...dev];
    const subjects = evaluateSubjects(
      sib.map((r) => ({
        id: r.id,
        group: r.folder,
        language: r.language,
        subjects: new Set(cues.subjects(topicSkeleton(r.text), r.language).map((s) => s.code)),
      })),
      new Set(cues.languages()),
    );
    console.log(
      `cue-word subjects (crime, economy, conflict, weather …) agreeing with the English translation, ` +
        `SIB-200 train and dev, ${cues.languages().length - 1} languages besides English: ` +
        `precision ${pct(subjects.precision)}, recall ${pct(subjects.recall)}`,
    );
    console.log(
      `  ${[...subjects.perGroup].map(([group, r]) => `${group} ${(r.precision * 100).toFixed(0)}/${(r.recall * 100).toFixed(0)}`).join('  ')}`,
    );
  }

  const articles = buildArticles([...readSib('train'), ...dev]);
  const pairs = buildPairs(articles, rng(2026));
  const report = evaluateNearDuplicates(classifierFrom(parts), pairs);
  console.log(
    `near-duplicates: precision ${pct(report.precision)}, recall ${pct(report.recall)} (${pairs.length} pairs)`,
  );
  console.log(`same-topic different-story pairs merged: ${pct(report.sameTopicMerged)}`);
  console.log(
    `translations linked (near-duplicate or same-story): ${pct(report.translationsLinked)}`,
  );
  for (const [kind, counts] of report.byKind) {
    console.log(`  ${kind.padEnd(12)} ${[...counts].map(([d, n]) => `${d}:${n}`).join(' ')}`);
  }
}

/**
 * Languages no model here was trained on, with and without lid.176's help; and lid.176 alone on
 * SIB-200 dev, the quality bar the models are measured against.
 */
function reportOtherLanguages(
  detector: LanguageDetector,
  modelsOnly: LanguageDetector,
  lid: Lid176,
  dev: ReturnType<typeof readSib>,
): void {
  const undetermined = (report: AccuracyReport) =>
    [...report.confusions].filter(([key]) => key.endsWith('->und')).reduce((n, [, k]) => n + k, 0);
  for (const [name, samples] of [
    ['the sentences the rule was chosen on', OTHER_LANGUAGE_SAMPLES],
    ['held out', OTHER_LANGUAGE_HELD_OUT],
  ] as const) {
    const others: LabelledText[] = samples.map((s) => ({
      text: s.text,
      language: s.language,
      group: s.language,
    }));
    const withLid = evaluateLanguage(detector, others);
    const modelsAlone = evaluateLanguage(modelsOnly, others);
    console.log(
      `language accuracy, ${withLid.perGroup.size} languages outside SIB-200, ${name} (${others.length} news sentences): ` +
        `${pct(withLid.accuracy)} (und ${undetermined(withLid)}); the models alone ${pct(modelsAlone.accuracy)} (und ${undetermined(modelsAlone)})`,
    );
    console.log(
      `  ${[...withLid.perGroup].map(([group, r]) => `${group} ${r.correct}/${r.total}`).join('  ')}`,
    );
  }
  const lidAlone = {
    detect: (text: string) => ({ code: lid.identify(text)?.code ?? 'und', confidence: 0 }),
  };
  const lidSentences = evaluateLanguage(
    lidAlone,
    dev.map((r) => ({ text: r.text, language: r.language, group: r.folder })),
  );
  const lidTitles = evaluateLanguage(
    lidAlone,
    dev.map((r) => ({ text: shortTitle(r.text), language: r.language, group: r.folder })),
  );
  console.log(
    `lid.176 alone (quality bar), SIB-200 dev: sentences ${pct(lidSentences.accuracy)}, titles <= 40 chars ${pct(lidTitles.accuracy)}`,
  );
}

await main();
