import { readModelJson } from '../model/paths.js';

export interface MediaTopic {
  code: string;
  label: string;
  parent: string | null;
  level: number;
}

export const MEDTOP = 'medtop:';

/** The SIB-200 categories the model predicts, each mapped to an IPTC subject and a narrower topic. */
export const SIB_TO_IPTC: Record<string, { top: string; narrow?: string }> = {
  'science/technology': { top: '13000000' },
  travel: { top: '10000000', narrow: '20000563' },
  politics: { top: '11000000' },
  sports: { top: '15000000' },
  health: { top: '07000000' },
  entertainment: { top: '01000000', narrow: '20000002' },
  geography: { top: '13000000', narrow: '20000746' },
};

export class Taxonomy {
  private readonly byCode: Map<string, MediaTopic>;

  constructor(topics: MediaTopic[]) {
    this.byCode = new Map(topics.map((t) => [t.code, t]));
  }

  static load(): Taxonomy {
    return new Taxonomy(readModelJson<{ topics: MediaTopic[] }>('iptc-media-topics.json').topics);
  }

  get(code: string): MediaTopic | undefined {
    return this.byCode.get(code.replace(MEDTOP, ''));
  }

  label(code: string): string {
    return this.get(code)?.label ?? code;
  }

  all(): MediaTopic[] {
    return [...this.byCode.values()];
  }
}
