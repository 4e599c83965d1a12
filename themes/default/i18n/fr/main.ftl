# Chaînes d’interface du thème par défaut : français.

## Cadre de page
skip-to-content = Aller au contenu
language-switcher = Langue
main-navigation = Navigation principale
breadcrumbs = Vous êtes ici
pagination = Pages
footer-generator = Réalisé avec nashr
list-separator = {", "}

## Navigation
nav-home = Accueil
nav-outputs = Publications
nav-projects = Projets
nav-authors = Auteurs et autrices
nav-topics = Thèmes

## Traductions manquantes
fallback-notice = Ce texte n’est pas encore disponible en français ; il est affiché en { $language }.
fallback-tag = En { $language }

## Décomptes
outputs-count = { $count ->
    [0] Aucune publication
    [one] { $count } publication
   *[other] { $count } publications
}
projects-count = { $count ->
    [0] Aucun projet
    [one] { $count } projet
   *[other] { $count } projets
}
duration-months = { $count ->
    [one] { $count } mois
   *[other] { $count } mois
}

## Listes
home-latest = Dernières publications
home-all-outputs = Toutes les publications
empty-list = Rien pour l’instant.
page-previous = Page précédente
page-next = Page suivante
page-of = Page { $current } sur { $total }

## Publications
field-date = Date de publication
field-authors = { $count ->
    [one] Auteur ou autrice
   *[other] Auteurs et autrices
}
field-publisher = Éditeur
field-project = Projet
field-topics = Thèmes
field-doi = DOI
field-url = Adresse pérenne
field-license = Licence
field-abstract = Résumé
downloads = Téléchargements
size-kb = { $size } Ko
size-mb = { $size } Mo

type-report = Rapport
type-training-material = Matériel de formation
type-brief = Note de synthèse
type-article = Article
type-dataset = Jeu de données
type-presentation = Présentation
type-video = Vidéo

## Projets
project-facts = Le projet en bref
project-description = À propos du projet
project-outputs = Ce que le projet a produit
field-number = Numéro de projet
field-funding = Financement total
field-officer = Responsable de programme
field-status = État du projet
field-start = Début
field-end = Fin
field-duration = Durée
field-programs = { $count ->
    [one] Programme
   *[other] Programmes
}
field-lead-organisations = { $count ->
    [one] Organisation principale
   *[other] Organisations principales
}
field-leaders = { $count ->
    [one] Chargé·e de projet
   *[other] Chargé·es de projet
}
field-partners = Partenaires
field-countries = { $count ->
    [one] Pays
   *[other] Pays
}
field-regions = { $count ->
    [one] Région
   *[other] Régions
}
status-active = En cours
status-completed = Terminé
money = { $amount }{"\u00A0"}{ $currency }

## Auteurs
kind-person = Personne
kind-organisation = Organisation
field-affiliation = Affiliation
field-homepage = Site web
members = Membres
role-leader = Chargé·e de projet
role-lead-organisation = Organisation principale
role-partner = Partenaire
role-officer = Responsable de programme

## Filtres, index, fils
filters = Filtrer les publications
filter-all = Toutes les publications
filter-type = Type
filter-year = Année
filter-topic = Thème
filter-shown = Publications affichées : {"{count}"}
outputs-filtered = Publications : { $filter }
related-outputs = Publications liées
letters = Aller à la lettre

## Citations
cite-heading = Citer cette publication
cite-download = Télécharger la référence :
cite-format-bibtex = BibTeX (.bib)
cite-format-ris = RIS (.ris : Zotero, EndNote, Mendeley)
cite-format-csl = CSL-JSON (.json)
cite-and-apa = et
cite-and = et
cite-et-al = et al.
cite-comma = {","}
cite-stop = .

## Bailleurs et formateurs
nav-training = Formation
portfolio-totals = Le portefeuille en chiffres
portfolio-charts = Le portefeuille en graphiques
project-filters = Filtrer les projets
all-projects = Tous les projets
projects-filtered = Projets : { $filter }
projects-active = { $count ->
    [one] { $count } en cours
   *[other] { $count } en cours
}
projects-completed = { $count ->
    [one] { $count } terminé
   *[other] { $count } terminés
}
filter-status = État
filter-programme = Programme
filter-country = Pays
chart-count = Nombre
chart-outputs-per-year = Publications par année
chart-outputs-per-year-desc = Nombre de publications parues chaque année.
chart-outputs-per-topic = Publications par thème
chart-outputs-per-topic-desc = Nombre de publications qui traitent de chaque thème ; une publication peut en aborder plusieurs.
chart-funding-per-programme = Financement par programme ({ $currency })
project-timeline = Chronologie
file-pages = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}
training-intro = Des supports de formation prêts à l’emploi : chacun se télécharge en entier, documents compris, dans une seule archive.
training-use = Utiliser ce support
training-format = Format
training-audience = Public
training-duration = Durée
training-level = Niveau
training-languages = Disponible en
training-pack = { $count ->
    [one] Télécharger le support (1 fichier)
   *[other] Télécharger les { $count } fichiers
}
format-workshop = Atelier
format-handout = Document à distribuer
format-slides = Diaporama
format-video = Vidéo

## Recherche
search-title = Recherche
search-label = Rechercher dans le portail
search-button = Rechercher
search-all-languages = Chercher dans toutes les langues
search-any = Tous
filter-language = Langue du texte
search-results = Résultats : {"{count}"}
search-none = Aucun résultat. Essayez un autre mot, ou cherchez dans toutes les langues.
search-searching = Recherche en cours…
search-error = L’index de recherche n’a pas pu être chargé.
search-in-language = En {"{language}"}
search-more = Plus de résultats
search-needs-js = La recherche nécessite JavaScript. Parcourez plutôt les publications, les auteurs ou les thèmes.

## Page d’erreur
not-found = Cette page n’existe pas ou a été déplacée.
not-found-home = Aller à l’accueil de { $site }

## Pays (codes ISO 3166-1 de `countries:`)
country-PK = Pakistan
country-CA = Canada
country-IN = Inde
country-BD = Bangladesh
country-AF = Afghanistan
country-NP = Népal
country-LK = Sri Lanka
country-FR = France
country-SN = Sénégal
country-KE = Kenya
country-US = États-Unis
country-GB = Royaume-Uni
