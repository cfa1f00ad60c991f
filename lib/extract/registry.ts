// The template registry: every profile, in the order ties are broken. Adding a template is adding a
// profile file in ./profiles/ and one line here (plus a fixture folder in tests/fixtures/pages/).
import type { Profile } from './profile';
import { founderClassic } from './profiles/founder-classic';
import { founderPc } from './profiles/founder-pc';
import { paperindex } from './profiles/paperindex';
import { peopleOld } from './profiles/people-old';
import { rmrbCurrent } from './profiles/rmrb-current';

export const PROFILES: readonly Profile[] = [rmrbCurrent, peopleOld, founderPc, founderClassic, paperindex];

/** Template ids that are not profiles: the fallbacks. */
export const GENERIC = 'generic';
export const TEXT_DUMP = 'text-dump';

export function profileById(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id);
}
