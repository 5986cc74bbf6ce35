import { describe, expect, it } from 'vitest';
import { extractOrganisations } from '../../src/ingest/index.js';
import { sampleText } from './helpers.js';

describe('extractOrganisations', () => {
  it('merges an acronym and its long form, whatever the case and the elision', () => {
    const text =
      "Le sommet de l'Organisation du traité de sécurité collective (OTSC) s'est tenu. L'OTSC a envoyé des troupes. Les Nations unies, les Nations Unies et l'ONU ont réagi.";
    expect(extractOrganisations(text)).toEqual(['OTSC', 'ONU']);
  });

  it('knows OCS by its long form alone', () => {
    expect(extractOrganisations("Nous devrions soutenir l'Organisation de coopération de Shanghai.")).toEqual(['OCS']);
    expect(extractOrganisations("l'Organisation de Coopération de Shanghai (OCS) et l'OCS")).toEqual(['OCS']);
  });

  it('learns unseen "Long Form (ACRONYM)" pairs', () => {
    const text = "L'Autorité intergouvernementale pour le développement (IGAD) s'est réunie. L'IGAD a publié un rapport. L'Autorité intergouvernementale pour le développement a conclu.";
    expect(extractOrganisations(text)).toEqual(['IGAD']);
    expect(extractOrganisations("L'Office régional des pêches du Sahel (ORPS) a siégé. L'Office régional des pêches du Sahel a voté, puis le Conseil régional du Sahel.")).toEqual([
      'ORPS',
      'Conseil régional du Sahel',
    ]);
  });

  it('reads institution names up to a natural stop, not into the next clause', () => {
    const text = 'En tant que membres permanents du Conseil de sécurité des Nations unies et voisins amis, ils agiront.';
    const found = extractOrganisations(text);
    expect(found).toContain("Conseil de sécurité de l'ONU");
    expect(found).toContain('ONU');
    expect(found.some((name) => name.includes('voisins'))).toBe(false);

    expect(extractOrganisations('La Fédération nationale des syndicats agricoles a manifesté à Paris.')).toEqual(['Fédération nationale des syndicats agricoles']);
    expect(extractOrganisations("Le Comité international olympique et l'Union soutient la Chine.")).toEqual(['CIO']);
  });

  it('ignores roman numerals, non-organisation capitals, places and shouted headlines', () => {
    const text = 'Le XXème Congrès du PCC. Les ministres des AE ont parlé du COVID-19 aux USA. LA CHINE VEUT TOUT.';
    expect(extractOrganisations(text)).toEqual(['PCC']);
  });

  it('counts the sample articles’ organisations', () => {
    expect(extractOrganisations(sampleText('000_f3dc22192a66a48d'))).toEqual(expect.arrayContaining(['OTSC', 'ONU', 'OCS']));
    expect(extractOrganisations(sampleText('002_7c4669d5fc0d68a3'))).toEqual(expect.arrayContaining(['OCS', 'ONU', 'BRICS']));
    expect(extractOrganisations(sampleText('003_3bc2539186bf695d'))).toContain('Union économique eurasiatique');
    const found004 = extractOrganisations(sampleText('004_5c2e808d7d0e501c'));
    expect(found004).toEqual(expect.arrayContaining(['PCC', 'OTAN', 'ONU']));
    expect(found004[0]).toBe('PCC'); // the most mentioned first
  });

  it('needs capitals where the alias has them: "le monde" is not Le Monde', () => {
    expect(extractOrganisations('La paix dans le monde est fragile, écrit Le Monde.')).toEqual(['Le Monde']);
  });
});
