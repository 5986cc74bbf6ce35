import { describe, expect, it } from 'vitest';
import { extractOrganisations } from '../../src/ingest/index.js';
import { describeCost, doublingCost } from '../helpers/linear-time.js';

/**
 * Hostile input: organisation extraction must cost time linear in the text,
 * whatever the text holds. Each adversarial pattern is repeated to a size n
 * (about a megabyte, where one run takes tens of milliseconds), then to 2n;
 * doubling the input must not triple the CPU time (doublingCost: the least
 * of several runs, so that a busy machine inflates neither side). A
 * quadratic rule would quadruple it.
 */

const PATTERNS: Record<string, string> = {
  'long runs of capitalised words': 'Union Conseil Parti Alpha Beta Gamma Delta Mouvement Cinq Étoiles Banque Fédération Omega ',
  '"Conseil de Conseil de"': 'Conseil de Conseil de la Fédération des Conseil du ministère de l’Conseil pour la ',
  'repeated acronyms': 'ABC DEF (GHI) JKL-MN la CGT a annoncé OTAN ONU (ABCD) AB (Alpha Beta Cinq Delta) ',
  'parenthesis runs': '((((( ))))) ((ABC)) (DEF, (Fédération des cultivateurs de Vanoise (FCV) ))) ( ( ( ) ',
  'long forms defining acronyms': 'la Fédération des cultivateurs de Vanoise (FCV) et la Ligue des éleveurs alpins (LEA) puis ',
  'class nouns and lowercase heads': 'le groupe Alpha Beta le syndicat CGT le ministère de l’Intérieur du Figaro au Monde le réseau social ',
};

describe('extractOrganisations on hostile input', () => {
  for (const [name, unit] of Object.entries(PATTERNS)) {
    it(`stays linear on ${name}`, () => {
      // about a megabyte: past the sizes where the young generation of the garbage collector fills up and
      // makes single steps look super-linear; doubled again on a machine fast enough to run it in under 20 ms
      const cost = doublingCost(extractOrganisations, (size) => unit.repeat(Math.ceil(size / unit.length)), { startSize: 1_000_000, floorMs: 20, maxSize: 2_000_000 });
      expect(cost.ratio, describeCost(cost)).toBeLessThan(3);
    }, 120_000);
  }
});
