import { EntityRecognizer, namedEntities, type Entity } from '../entities/entities.js';
import { minhash } from '../fingerprint/minhash.js';
import { shingleHashes } from '../fingerprint/shingles.js';
import { simhash } from '../fingerprint/simhash.js';
import { LanguageDetector } from '../language/detect.js';
import { declaredCode, pickLanguage } from '../language/declared-language.js';
import { Lid176 } from '../language/other-languages.js';
import { PlaceRecognizer } from '../places/places.js';
import { nameWordsOf } from '../stories/name-words.js';
import { distinctiveNumbers } from '../stories/numbers.js';
import { cleanText } from '../text/normalize.js';
import { topicAnchors } from '../topics/features.js';
import { TopicClassifier } from '../topics/topic-classifier.js';

export interface ArticleText {
  title: string;
  text: string;
  feedLanguage?: string;
  /** The feed entry's categories: those that are section names tell the subject. */
  categories?: readonly string[];
}

export interface Classification {
  language: { code: string; confidence: number };
  topics: { code: string; label: string; score: number }[];
  places: {
    countries: { code: string; name: string; score: number }[];
    cities: { geonameId: number; name: string; countryCode: string; score: number }[];
  };
  entities: { name: string; type: 'person' | 'organisation' | 'other'; canonical?: string }[];
  /** Figures that can tell one event from another (see distinctiveNumbers): story anchors. */
  numbers: string[];
  /** Skeletons of words in scripts without capital letters (nameWordsOf): story anchors. */
  nameWords: string[];
  simhash: string;
  minhash: number[];
  classifierVersion: string;
}

export interface Classifier {
  classify(a: ArticleText): Classification;
}

/** Bump when a model or rule changes so history can be reclassified. */
export const CLASSIFIER_VERSION = 'clf-2026.12.04';

/** Characters of body text the topic and entity stages read; the fingerprint reads more. */
const BODY_CHARS = 3000;
const FINGERPRINT_CHARS = 20_000;
/** Language evidence saturates long before this; the rest of the body only costs time. */
const LANGUAGE_CHARS = 700;

export interface ClassifierParts {
  language: LanguageDetector;
  topics: TopicClassifier;
  places: PlaceRecognizer;
  entities: EntityRecognizer;
}

export function loadClassifierParts(): ClassifierParts {
  const entities = EntityRecognizer.load();
  return {
    language: LanguageDetector.load(),
    topics: TopicClassifier.load(),
    places: PlaceRecognizer.load().ignoreInside(entities),
    entities,
  };
}

/**
 * loadClassifierParts, its language detector also asking lid.176 (`lid`, or loaded here) about
 * other languages.
 */
export async function loadServiceParts(lid?: Lid176): Promise<ClassifierParts> {
  const parts = loadClassifierParts();
  return { ...parts, language: parts.language.withOthers(lid ?? (await Lid176.load())) };
}

export async function createClassifier(): Promise<Classifier> {
  return classifierFrom(await loadServiceParts());
}

export function classifierFrom(parts: ClassifierParts): Classifier {
  return {
    classify: (article) => {
      try {
        return classifyWith(parts, article);
      } catch {
        // A model bug must not stall a partition: report "nothing known" instead.
        return emptyClassification(article);
      }
    },
  };
}

function classifyWith(parts: ClassifierParts, article: ArticleText): Classification {
  const title = cleanText(article?.title, 1000);
  const body = cleanText(article?.text, FINGERPRINT_CHARS);
  const head = body.slice(0, BODY_CHARS);
  const joined = title && head ? `${title}. ${head}` : title || head;
  const language = pickLanguage(
    parts.language.detect(joined.slice(0, LANGUAGE_CHARS), declaredCode(article?.feedLanguage)),
    article?.feedLanguage,
  );
  const placeSpans: { start: number; end: number }[] = [];
  const places = parts.places.recognize(title, joined, language.code, placeSpans);
  const candidates: Entity[] = parts.entities.recognize(joined, language.code, {
    exclude: placeSpans,
  });
  const shingles = shingleHashes(title && body ? `${title} ${body}` : title || body);
  return {
    language,
    topics: joined
      ? parts.topics.topics(
          joined,
          topicAnchors(places, candidates),
          language.code,
          title,
          Array.isArray(article?.categories) ? article.categories : [],
        )
      : [],
    places,
    entities: namedEntities(candidates, language.code),
    numbers: figuresOf(article),
    nameWords: nameWordsOf(joined),
    simhash: simhash(shingles),
    minhash: minhash(shingles),
    classifierVersion: CLASSIFIER_VERSION,
  };
}

/**
 * Figures are read from the text as given: cleaning folds the no-break and thin spaces that
 * group thousands ("78 297") into ordinary ones, which separate figures.
 */
function figuresOf(article: ArticleText): string[] {
  const asGiven = (value: unknown, chars: number) =>
    typeof value === 'string' ? value.slice(0, chars) : '';
  return distinctiveNumbers(
    `${asGiven(article?.title, 1000)}\n${asGiven(article?.text, BODY_CHARS)}`,
  );
}

/** What the topic model sees of a text besides its words, as classify() computes it. */
export function topicAnchorsFor(parts: ClassifierParts, text: string, language: string): string[] {
  const spans: { start: number; end: number }[] = [];
  const places = parts.places.recognize('', text, language, spans);
  return topicAnchors(places, parts.entities.recognize(text, language, { exclude: spans }));
}

export function emptyClassification(article?: Partial<ArticleText>): Classification {
  const shingles = shingleHashes(cleanText(`${article?.title ?? ''} ${article?.text ?? ''}`, 2000));
  return {
    language: { code: 'und', confidence: 0 },
    topics: [],
    places: { countries: [], cities: [] },
    entities: [],
    numbers: [],
    nameWords: [],
    simhash: simhash(shingles),
    minhash: minhash(shingles),
    classifierVersion: CLASSIFIER_VERSION,
  };
}
