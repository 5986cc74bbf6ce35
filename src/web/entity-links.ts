/** The URL of the page of a person or an organisation (src/web/entity-pages.ts): French path, folded slug. */
import { entitySlug, type EntityKind } from '../search/index.js';

export const ENTITY_PATHS: Record<EntityKind, string> = { speakers: 'intervenant', organisations: 'organisation' };

export function entityUrl(kind: EntityKind, name: string): string {
  return `/${ENTITY_PATHS[kind]}/${encodeURIComponent(entitySlug(name))}`;
}
