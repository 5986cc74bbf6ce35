/**
 * Words that tell what an organisation's name looks like in French copy,
 * compared folded (lowercase, no accents). They describe the grammar of a
 * name, not particular organisations: the gazetteer (organisations.json)
 * lists those.
 */

const set = (words: string) => new Set(words.trim().split(/\s+/));

/**
 * Common nouns that say the next name is an organisation: "le syndicat Unia",
 * "la chaîne BFMTV", "l'institut Elabe", "le groupe PSA".
 */
export const CLASS_NOUNS = set(`
  syndicat syndicats parti partis societe entreprise groupe association institut agence chaine journal quotidien
  hebdomadaire mensuel magazine radio television banque constructeur operateur federation mouvement organisation ong
  centrale formation fondation cabinet collectif club compagnie firme laboratoire universite assureur distributeur
  enseigne transporteur fabricant geant media site coalition confederation alliance ligue groupuscule milice
  organisme regie mutuelle cooperative consortium conglomerat holding filiale marque equipementier
  constructeurs institution think-tank reseau plateforme formation conference union commission comite conseil
  office ordre federations associations collectifs
`);

/**
 * Roles of people inside an organisation: "le secrétaire général de FO",
 * "le député LR", "les militants du NPA".
 */
export const MEMBER_NOUNS = set(`
  depute deputee deputes deputees eurodepute eurodeputes senateur senatrice senateurs elu elue elus elues maire maires
  candidat candidate candidats candidates militant militante militants militantes sympathisants adherent adherents
  membre membres dirigeant dirigeante dirigeants responsable responsables porte-parole president presidente secretaire
  patron patronne patrons chef cheffe leader leaders fondateur fondatrice directeur directrice representant
  representante representants delegue deleguee delegues syndicaliste syndicalistes cadre cadres numero tete
  conseiller conseillere conseillers parlementaire parlementaires ministre analyste economiste chercheur chercheuse
  chercheurs porte-paroles
`);

/** Verbs of will or speech after an organisation acting: "la CGT appelle", "FO a dénoncé". */
export const AGENT_VERBS = set(`
  annonce annoncent annonces appelle appellent appele appeles denonce denoncent denonces reclame reclament reclames
  exige exigent exiges estime estiment juge jugent condamne condamnent condamnes indique indiquent declare declarent
  publie publient precise precisent revendique revendiquent reagi regrette regrettent salue saluent souhaite
  souhaitent propose proposent soutient soutiennent soutenu previent previennent assure assurent rappelle rappellent
  organise organisent decide decident saisi depose deposent affirme affirment critique critiquent conteste contestent
  menace menacent accuse accusent refuse refusent negocie negocient signe signent recrute recrutent emploie
  emploient investit investissent souligne soulignent ajoute ajoutent explique expliquent confirme confirment informe
  recommande recommandent alerte alertent averti avertit promet promettent promis repond repondent repondu dement
  dementi reconnait reconnu felicite felicitent
`);

/** Participles of speech after which French copy puts the speaker: "», a indiqué la CGT". */
export const SPEECH_PARTICIPLES = set(`
  indique precise declare annonce explique souligne ajoute affirme estime denonce assure rappele confirme reagi
  reconnu regrette assure averti prevenu communique reclame demande fait
`);

/** Prepositions that introduce the source of a statement: "selon l'Insee", "d'après la CGT", "chez Renault". */
export const SOURCE_PREPOSITIONS = set('selon chez apres');

/**
 * Head nouns of things that are not organisations although they have
 * acronyms and capitals: taxes, laws, measures, weapons, diseases, events
 * ("Impôt de solidarité sur la fortune (ISF)", "Lanceur de balles de défense (LBD)").
 */
export const NON_ORGANISATION_HEADS = set(`
  impot impots taxe taxes contribution credit salaire revenu revenus allocation allocations prime primes indemnite loi
  lois projet proposition referendum lanceur lanceurs vehicule vehicules balle balles grenade grenades arme armes
  plan reforme regime code droit produit indice taux prix syndrome virus maladie certificat diplome brevet permis
  carte zone zones journee journees coupe championnat jeux festival salon traite accord accords pacte programme
  reglement directive decret ordonnance mandat statut titre fichier systeme procedure dispositif mesure
  baccalaureat examen concours conference sommet semaine mois accord forfait cotisation prestation aide aides
  obligation quotient seuil bonus malus
`);

/** Words that end a name at once: calendar words and time adverbs ("l'Assemblée nationale jeudi"). */
export const TIME_WORDS = set(`
  lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin juillet aout septembre
  octobre novembre decembre hier demain aujourd'hui aujourd matin soir midi nuit semaine mois an annee annees jour jours
  fois heure heures debut fin veille lendemain alors puis ensuite maintenant desormais encore deja toujours jamais
  bientot recemment actuellement
`);

/**
 * Lowercase words that follow a name without belonging to it although they
 * look like adjectives: "les élus du Parti socialiste présents", "le Sénat
 * tout entier".
 */
export const TRAILING_NON_NAME_WORDS = set(`
  present presente presents presentes actuel actuelle actuels actuelles dernier derniere derniers dernieres prochain
  prochaine prochains prochaines meme memes seul seule seuls seules entier entiere entiers entieres precedent
  precedente ancien ancienne anciens anciennes lui-meme elle-meme eux-memes concerne concernee concernes suite
  indique explique critique applique revendique communique implique replique fabrique appelle rappelle interpelle
  quand pendant avant devant durant cependant maintenant pourtant tant autant souvent dont selon ensemble
`);

/**
 * Lowercase adjective endings: after an institution word only such words
 * continue the name ("Parti socialiste", "Conseil constitutionnel", "Office
 * fédéral"), so that a verb ("l'Union soutient", "le Conseil d'État avait")
 * ends it. Participles in -é are left out on purpose ("chargé", "fondé").
 */
const ADJECTIVE_ENDING =
  /(?:al|ale|ales|aux|el|elle|els|elles|ien|ienne|iens|iennes|ais|aise|aises|ois|oise|oises|ique|iques|if|ive|ifs|ives|aire|aires|ain|aine|ains|aines|iste|istes|ieur|ieure|ieurs|ieures|ier|iere|iers|ieres|ant|ante|ants|antes|ent|ente|ents|entes|in|ine|ins|ines|an|ane|ans|anes|eme|eux|euse|euses|ite|ites|ise|ises|ile|iles|ible|ibles|able|ables|ate|ates|unie|unies|uni|unis|ul|ule|ules|ol|ols|ole|oles|ere|eres|oire|oires|een|eens|eenne|eennes|enne|ennes|and|ande|ands|andes)$/;
const ADJECTIVE_WORDS = set(`
  vert verte verts vertes libre libres populaire populaires democrate democrates grand grande grands grandes haut haute
  hauts hautes nouveau nouvelle nouveaux nouvelles jeune jeunes rouge rouges noir noire bleu bleue blanc blanche
  jaune jaunes neuf large rose roses arabe arabes juif juive juifs juives slave slaves basque basques kurde kurdes
  turc turque russe russes chinois tchèque serbe serbes croate croates grec grecque belge suisse centre
  republicain republicaine souverainiste insoumise insoumis solidaire solidaires paysanne paysan ouvriere ouvrier
  supreme olympique mondial mondiale unifie unifiee uni unie unis unies reforme reformee arme armee armees
  armes canadien royal royale federal federale etranger etrangers etrangere etrangeres
`);
/** Adverbs in -ment look like adjectives in -ent: "radicalement" never continues a name. */
const ADVERB = /ment$/;

export function isAdjectiveLike(key: string): boolean {
  if (ADJECTIVE_WORDS.has(key)) return true;
  if (key.length < 4 || ADVERB.test(key) || TRAILING_NON_NAME_WORDS.has(key) || TIME_WORDS.has(key)) return false;
  return ADJECTIVE_ENDING.test(key);
}
