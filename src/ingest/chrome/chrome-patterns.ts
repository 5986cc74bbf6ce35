/**
 * Web page furniture ("chrome") found in scraped news text, as data.
 * Each list is compiled once into one regular expression; add a line to
 * extend it. Patterns are matched case-insensitively against one line whose
 * spaces are already collapsed and leading bullets removed.
 */

/** A line that is chrome when it matches entirely. */
export const CHROME_LINES: string[] = [
  // share bars
  "partag(?:er|ez)(?: (?:cet|cette|ce|l'|la|le|sur|par|via)\\b.{0,40})?\\s*:?",
  '(?:share|tweet(?:er)?|imprimer|envoyer(?: par e-?mail)?|e-?mail|facebook|twitter|x|linkedin|whatsapp|telegram|messenger|copier le lien|flipboard|pinterest)\\s*:?',
  // comment forms
  '(?:laisser|laissez|ajouter|écrire|rédiger) un commentaire\\s*:?',
  '(?:\\d+\\s+)?(?:commentaires?|réactions?)(?:\\s*\\(\\d+\\))?\\s*:?',
  'votre (?:pseudo|pseudonyme|nom|prénom|commentaire|e-?mail|adresse(?: e-?mail| électronique| de messagerie)?|message|site(?: web| internet)?)\\s*\\*?\\s*:?',
  '(?:nom|e-?mail|site web|pseudo)\\s*\\*\\s*:?',
  '(?:envoyer|publier(?: le commentaire)?|répondre|réagir|signaler(?: un abus)?|valider|annuler|connexion|se connecter|s\'inscrire)',
  '(?:connectez-vous|identifiez-vous|inscrivez-vous) pour (?:commenter|réagir).*',
  // recommendation blocks
  '(?:conseils?|choix|sélection|suggestions?) de la rédaction\\s*:?',
  '(?:à lire|a lire|lire) (?:aussi|également|ensuite)\\s*:?',
  '(?:sur le même (?:sujet|thème)|dans la même rubrique|les plus lus|les plus partagés|à la une|articles? (?:liés|similaires|associés|recommandés)|vous aimerez aussi|nos dernières actualités|dernières (?:infos|actualités|nouvelles))\\s*:?',
  // footers
  '(?:©|\\(c\\)|copyright\\b).{0,160}',
  '.{0,160}tous droits réservés\\.?',
  '(?:mentions légales|politique de confidentialité|conditions (?:générales )?d\'utilisation|contactez-nous|nous contacter|plan du site|haut de (?:la )?page|retour en haut|publicité|annonce|sponsorisé)',
  // bullet-only and rule lines (the line is empty after bullets are removed)
  '[\\s•·▪►▸»|_=~*.\\-–—]*',
];

/** A line that is chrome when it starts with one of these and is short (a label followed by a link or a headline). */
export const CHROME_LINE_PREFIXES: string[] = [
  '(?:à lire|a lire|lire|voir) (?:aussi|également|ensuite)\\s*:',
  '(?:à lire|a lire|lire|voir) (?:aussi|également)\\b',
  'retrouvez (?:l\'ensemble|tous|toutes|notre|nos|l\'intégralité|l\'actualité|le dossier)\\b',
  'dernière mise à jour\\b',
  'mis(?:e)? à jour (?:le|à|:)',
  'publié le .{0,40}(?:mis à jour|modifié)',
  '(?:inscrivez-vous|abonnez-vous|recevez|s\'abonner|je m\'abonne)\\b.{0,120}(?:newsletter|lettre|alerte|gratuit|offre|abonn)',
  '(?:inscrivez-vous|abonnez-vous) à notre',
  '(?:notre|la|nos) (?:newsletter|lettre d\'information)s?\\b',
  'suivez-nous\\b',
  'votre adresse (?:e-?mail|électronique|de messagerie|mail) ne sera pas publiée',
  'les champs (?:obligatoires|requis) sont (?:indiqués|marqués)',
  'cliquez ici\\b',
  '(?:crédits? photos?|photo|source de l\'image)\\s*:',
  'télécharge[rz] (?:notre|l\')\\s*app',
  '\\((?:rédacteurs?|rédactrices?|rédaction|éditeurs?|éditrices?|traduction|traducteurs?|traductrices?|édité par|édition|web)\\s*:',
];

/** Fragments removed from inside a line (a byline glued to the last paragraph, a footer sentence). */
export const CHROME_FRAGMENTS: string[] = [
  '\\((?:rédacteurs?|rédactrices?|rédaction|éditeurs?|éditrices?|traduction|traducteurs?|traductrices?|édité par|édition|web)\\s*:[^)\\n]{0,200}\\)',
  'tous droits réservés\\.?',
  'votre adresse (?:e-?mail|électronique|de messagerie|mail) ne sera pas publiée\\.?',
  'les champs (?:obligatoires|requis) sont (?:indiqués|marqués) (?:avec|par) \\*\\.?',
];

/**
 * A line that opens the page's tail (comments, related articles): it and
 * everything after it are chrome, when it comes in the second half of the text.
 */
export const TAIL_MARKERS: string[] = [
  '(?:laisser|laissez|ajouter|écrire|rédiger) un commentaire\\s*:?',
  '(?:\\d+\\s+)?commentaires?(?:\\s*\\(\\d+\\))?\\s*:?',
  '(?:conseils?|choix|sélection|suggestions?) de la rédaction\\s*:?',
  '(?:sur le même (?:sujet|thème)|dans la même rubrique|les plus lus|articles? (?:liés|similaires|associés|recommandés)|vous aimerez aussi)\\s*:?',
];

/** Breadcrumbs: "Page d'accueil>>Chine", "Accueil › Monde › Asie". */
export const BREADCRUMB_LINE = '(?:[^<>›\\n]{1,40}?\\s*(?:>{1,2}|›)\\s*){1,6}[^<>›\\n]{1,60}';

/** Bylines whose names are editors, not speakers: "(Rédacteurs :Shuang Sheng, Yishuang Liu)". */
export const EDITOR_BYLINE = '\\((?:rédacteurs?|rédactrices?|rédaction|éditeurs?|éditrices?|traduction|traducteurs?|traductrices?|édité par|édition|web)\\s*:\\s*([^)\\n]{1,200})\\)';

/**
 * Author lines: "Par Jean Dupont", "Par Anne Martin et Li Wei, à Pékin", "De notre envoyé spécial Paul Roux".
 * Matched case-sensitively (names are capitalised; "Par ailleurs, …" is content). Group 1: the names.
 */
export const AUTHOR_BYLINE =
  "^(?:Par|PAR|De notre (?:envoyée?|correspondante?)(?: spéciale?| permanente?)?(?: à \\p{Lu}[\\p{L}'’-]+)?,?)\\s+" +
  "((?:\\p{Lu}[\\p{L}'’.-]*\\s*){1,4}(?:(?:,|et)\\s*(?:\\p{Lu}[\\p{L}'’.-]*\\s*){1,4}){0,4})(?:[,—–|-]\\s*.{0,60})?$";

/** Longest line a prefix rule may remove: longer lines are content that merely starts alike. */
export const MAX_PREFIX_RULE_LINE = 300;
