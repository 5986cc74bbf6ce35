import { describe, expect, it } from 'vitest';
import { extractOrganisations } from '../../src/ingest/index.js';

/** Sentences quoted from real French-language news (Québec and Swiss papers, 2018-2019). */

describe('organisations in real copy', () => {
  it('merges acronyms and long forms under the usual name', () => {
    expect(
      extractOrganisations(
        "Mardi, c'est un ex-candidat aux législatives du parti de la gauche radicale, La France insoumise (LFI), qui a été condamné. Marine Le Pen (RN) et Jean-Luc Mélenchon (LFI) ont plaidé de concert.",
      ),
    ).toEqual(['La France insoumise', 'Rassemblement national']);
    expect(extractOrganisations("moins de 70 millions $ d'impôts sur les bénéfices, selon une enquête de BFM TV. Interrogé sur BFMTV, puis sur BFM, il a répondu.")).toEqual(['BFMTV']);
    expect(extractOrganisations("selon l'arrêté signé par la maire de Paris (PS), Anne Hidalgo. Le Parti socialiste approuve.")).toEqual(['Parti socialiste']);
    expect(extractOrganisations('Le Front national (FN) de Marine Le Pen. Le FN est devenu le Rassemblement national.')).toEqual(['Front national', 'Rassemblement national']);
  });

  it('keeps a long form whole and merges it with its acronym', () => {
    const text = "écrit le vice-premier ministre Luigi Di Maio, chef de file du Mouvement Cinq Étoiles (M5S, antisystème), tandis que l'autre vice-premier ministre, Matteo Salvini. Le M5S a gagné.";
    expect(extractOrganisations(text)).toEqual(['M5S']);
  });

  it('ends names before dates, verbs and people', () => {
    expect(
      extractOrganisations(
        'Ces mesures doivent désormais être présentées en projet de loi mercredi en Conseil des ministres, avant de passer devant l’Assemblée nationale jeudi et le Sénat vendredi.',
      ),
    ).toEqual(['Conseil des ministres', 'Assemblée nationale', 'Sénat']);
    expect(extractOrganisations("Saisi d'une demande d'interdiction du LBD, le Conseil d'État avait estimé vendredi que le risque")).toEqual(["Conseil d'État"]);
    expect(extractOrganisations('taxé de naïveté par les chefs de file des Républicains Laurent Wauquiez et du Front national Marine Le Pen.')).toEqual([
      'Les Républicains',
      'Front national',
    ]);
    expect(extractOrganisations("a mis en garde le président du Sénat Gérard Larcher, alors que")).toEqual(['Sénat']);
  });

  it('takes no tax, measure or weapon', () => {
    const text =
      '« Rien pour améliorer les fins de mois, rien sur le Smic (le salaire minimum), rien sur les pensions, rien sur l’ISF », l’impôt sur la fortune. Il a aussi rappelé l’exemption de la hausse de la CSG pour les retraités. grâce aux 40 milliards de crédits d’impôt consentis aux entreprises (CICE). Nous avons trois lanceurs de balles de défense [LBD], une hausse du SMIC, et le référendum d’initiative citoyenne (RIC).';
    expect(extractOrganisations(text)).toEqual([]);
  });

  it('takes no chrome: links, editor notes, bylines', () => {
    expect(extractOrganisations('LIRE AUSSI: Macron et la difficile équation des «gilets jaunes» Environ 27')).toEqual([]);
    expect(extractOrganisations('«ça est une touseuse (partouzeuse, NDLR), dépêche».')).toEqual([]);
    expect(extractOrganisations('la foule se disperse aussitôt. Dans le calme. (TDG)')).toEqual([]);
    expect(extractOrganisations('Patricia Gallerneau envisage de porter plainte suite à cette mésaventure.. (Le Matin)')).toEqual([]);
  });

  it('counts a seat as an institution only when it acts', () => {
    expect(extractOrganisations("demandait vendredi que les «gilets jaunes» soient reçus à l’Élysée, sur un centre commercial d’Angers")).toEqual([]);
    expect(extractOrganisations("dans une tribune publiée par le Journal du dimanche, ont également été invités, a indiqué l'Élysée.")).toEqual(['JDD', 'Élysée']);
  });

  it('names an institution of a kind by its place, and leaves treaties named after a seat', () => {
    expect(extractOrganisations('Elle a été conduite aux urgences du CHU de Bordeaux, a rapporté Sud Ouest.')).toEqual(['CHU de Bordeaux', 'Sud Ouest']);
    expect(extractOrganisations('entamée avec les accords de Matignon en 1988.')).toEqual([]);
    expect(extractOrganisations('sous la présidence de Philippe Bas (LR), pour prendre connaissance du rapport')).toEqual(['Les Républicains']);
  });

  it('reads media titles after "au" and "du", and ministries with a capitalised complement', () => {
    expect(extractOrganisations('des déchets radioactifs», a-t-elle dit dans une interview jeudi soir au Figaro.')).toEqual(['Le Figaro']);
    expect(extractOrganisations('La veille, selon le ministère de l’Intérieur, près de 290 000 personnes')).toEqual(["ministère de l'Intérieur"]);
    expect(extractOrganisations('débat engagé mercredi à l’Assemblée pour défendre les mesures')).toEqual([]);
  });
});
