import { describe, expect, it } from 'vitest';
import { extractOrganisations } from '../../src/ingest/index.js';

/** The generic rules, on invented organisations no list knows. */

describe('organisations the text defines', () => {
  it('merges an unseen "Long Form (ACRONYM)" pair and counts the long form elsewhere as the acronym', () => {
    const text =
      'La Fédération des cultivateurs de Vanoise (FCV) a manifesté. La FCV réclame des aides, comme la Fédération des cultivateurs de Vanoise l’an dernier.';
    expect(extractOrganisations(text)).toEqual(['FCV']);
  });

  it('reads the long form after the acronym too, and titlecase acronyms its initials spell', () => {
    expect(extractOrganisations('Les policiers de la BVX (Brigade de veille de Xertigny) sont intervenus. La BVX a bouclé le quartier.')).toEqual(['BVX']);
    expect(extractOrganisations("L'Office vanoisien des réfugiés et apatrides (Ovra) a statué. L'Ovra refuse.")).toEqual(['Ovra']);
  });

  it('does not take an acronym the text defines as a tax, a measure or a weapon', () => {
    const text =
      'La taxe sur les transactions locales (TTL) et le crédit d’impôt vert (CIV) sont critiqués. La TTL rapporte peu. Les véhicules blindés de la garde (VBG) et le Lanceur de balles souples (LBS) aussi.';
    expect(extractOrganisations(text)).toEqual([]);
  });
});

describe('acronyms need a confirming context', () => {
  it('takes an acronym after a class noun, a member, a source or before a verb of speech', () => {
    expect(extractOrganisations('Le syndicat SNPX a appelé à la grève.')).toEqual(['SNPX']);
    expect(extractOrganisations('La FTVB a dénoncé le projet.')).toEqual(['FTVB']);
    expect(extractOrganisations('Le secrétaire général de la CNTV est reçu.')).toEqual(['CNTV']);
    expect(extractOrganisations('Le député UPV a voté contre, selon le PRV.')).toEqual(['UPV', 'PRV']);
    expect(extractOrganisations('Il a travaillé chez KBX avant de partir.')).toEqual(['KBX']);
  });

  it("takes an acronym in parentheses after a person's full name as an affiliation", () => {
    expect(extractOrganisations('Selon Sylvie Marchand (UPV), le texte passera. Le UPV votera.')).toEqual(['UPV']);
    expect(extractOrganisations('un spectacle à Lausanne (VZ): «Les gens»')).toEqual([]);
  });

  it('counts every mention of an acronym confirmed once', () => {
    expect(extractOrganisations('Le QXZ hésite. Puis le QXZ annonce une liste.')).toEqual(['QXZ']);
  });

  it('leaves alone all-capital words nothing confirms: emphasis, notes, bylines, time zones', () => {
    const text = 'Les VRAIS manifestants. Le PQXR a toujours ses doutes. VOIR AUSSI REPLAY. (partouzeuse, NDLR) Vers 13 h 30 (7 h 30 HE). Dans le calme. (TDG)';
    expect(extractOrganisations(text)).toEqual([]);
  });

  it('finds nothing in advertising code', () => {
    expect(extractOrganisations("googletag.cmd.push(function() { googletag.display('div-gpt-ad-1538'); }); window.TDG_ADS = { slot: 'ATF' };")).toEqual([]);
  });
});

describe('institution names', () => {
  it('reads an institution word and its complement up to a natural stop', () => {
    expect(extractOrganisations('la Fédération des cultivateurs de Vanoise jeudi')).toEqual(['Fédération des cultivateurs de Vanoise']);
    expect(extractOrganisations("l'Union vanoisienne avait prévenu")).toEqual(['Union vanoisienne']);
    expect(extractOrganisations('le Rassemblement vanoisien Jean Dupont a parlé')).toEqual(['Rassemblement vanoisien']);
    expect(extractOrganisations("l'Office fédéral des routes et chemins a publié")).toEqual(['Office fédéral des routes et chemins']);
    expect(extractOrganisations("l'Agence pour la promotion des fromages alpins")).toEqual(['Agence pour la promotion des fromages alpins']);
  });

  it('keeps capitalised words right after the head, not after an adjective or a generic head', () => {
    expect(extractOrganisations('le Mouvement Six Lunes a gagné')).toEqual(['Mouvement Six Lunes']);
    expect(extractOrganisations('le Parti vanoisien Marc Durand')).toEqual(['Parti vanoisien']);
    expect(extractOrganisations('devant le Centre Vanoise')).toEqual([]);
  });

  it('takes lowercase heads only with a capitalised complement, and not a person', () => {
    expect(extractOrganisations('le ministère de la Transition numérique et la préfecture du Haut-Vallon')).toEqual([
      'ministère de la Transition numérique',
      'préfecture du Haut-Vallon',
    ]);
    expect(extractOrganisations('le ministère des finances publiques')).toEqual([]);
    expect(extractOrganisations('le ministère de Benjamin Dupont')).toEqual([]);
  });

  it('does not take a common phrase at a sentence start for a name', () => {
    expect(extractOrganisations('Association de malfaiteurs : il est condamné.')).toEqual([]);
    expect(extractOrganisations("Ils sont venus. Conseil des sages, disent-ils, pour l'Assemblée pour défendre la ville.")).toEqual([]);
  });
});

describe('names a class noun or a company suffix introduces', () => {
  it('takes the name after a class noun, one word after its adjectives', () => {
    expect(extractOrganisations('le groupe Zorblax, le réseau social Plimp et l’institut de sondage Verbatim')).toEqual(['Zorblax', 'Plimp', 'Verbatim']);
    expect(extractOrganisations('la présidente du groupe vanoisien Julie Martin')).toEqual([]);
    expect(extractOrganisations('la fondation Pierre Mercier')).toEqual(['Fondation Pierre Mercier']);
  });

  it('takes the name before a company suffix, without it', () => {
    expect(extractOrganisations('les avions de Vortal Aero SA et la société Krontel Inc. et Bexley Ltée')).toEqual(['Vortal Aero', 'Krontel', 'Bexley']);
  });
});

describe('known names used otherwise', () => {
  it('reads a one-word company after a first name as a surname', () => {
    expect(extractOrganisations('Martin Bouygues a parlé. Le groupe Bouygues aussi, comme la Banque de France.')).toEqual(['Bouygues', 'Banque de France']);
    expect(extractOrganisations('un tableau de Léonard de Vinci; Hier Facebook a annoncé')).toEqual(['Facebook']);
  });
});
