# UI strings of the default theme: English.
# Every key here must exist in every language of the theme (a test checks it).

## Page frame
skip-to-content = Skip to content
language-switcher = Language
main-navigation = Main
breadcrumbs = You are here
pagination = Pages
footer-generator = Built with nashr
list-separator = {", "}

## Navigation
nav-home = Home
nav-outputs = Outputs
nav-projects = Projects
nav-authors = Authors
nav-topics = Topics

## Missing translations
fallback-notice = This text is not yet available in English; it is shown in { $language }.
fallback-tag = In { $language }

## Counts
outputs-count = { $count ->
    [0] No outputs
    [one] { $count } output
   *[other] { $count } outputs
}
projects-count = { $count ->
    [0] No projects
    [one] { $count } project
   *[other] { $count } projects
}
duration-months = { $count ->
    [one] { $count } month
   *[other] { $count } months
}

## Lists
home-latest = Latest outputs
home-all-outputs = All outputs
empty-list = Nothing here yet.
page-previous = Previous page
page-next = Next page
page-of = Page { $current } of { $total }

## Outputs
field-date = Published
field-authors = { $count ->
    [one] Author
   *[other] Authors
}
field-publisher = Publisher
field-project = Project
field-topics = Topics
field-doi = DOI
field-url = Permanent address
field-license = Licence
field-abstract = Abstract
downloads = Downloads
size-kb = { $size } KB
size-mb = { $size } MB

type-report = Report
type-training-material = Training material
type-brief = Brief
type-article = Article
type-dataset = Dataset
type-presentation = Presentation
type-video = Video

## Projects
project-facts = Project at a glance
project-description = About the project
project-outputs = What the project produced
field-number = Project number
field-funding = Total funding
field-officer = Programme officer
field-status = Status
field-start = Start
field-end = End
field-duration = Duration
field-programs = { $count ->
    [one] Programme
   *[other] Programmes
}
field-lead-organisations = { $count ->
    [one] Lead organisation
   *[other] Lead organisations
}
field-leaders = { $count ->
    [one] Project leader
   *[other] Project leaders
}
field-partners = Partners
field-countries = { $count ->
    [one] Country
   *[other] Countries
}
field-regions = { $count ->
    [one] Region
   *[other] Regions
}
status-active = Active
status-completed = Completed
money = { $currency }{"\u00A0"}{ $amount }

## Authors
kind-person = Person
kind-organisation = Organisation
field-affiliation = Affiliation
field-homepage = Website
members = People
role-leader = Project leader
role-lead-organisation = Lead organisation
role-partner = Partner
role-officer = Programme officer

## Filters, indexes, feeds
filters = Filter outputs
filter-all = All outputs
filter-type = Type
filter-year = Year
filter-topic = Topic
filter-shown = {"{count}"} outputs shown
outputs-filtered = Outputs: { $filter }
related-outputs = Related outputs
letters = Jump to letter

## Citations
cite-heading = Cite this output
cite-download = Download the reference:
cite-format-bibtex = BibTeX (.bib)
cite-format-ris = RIS (.ris: Zotero, EndNote, Mendeley)
cite-format-csl = CSL-JSON (.json)
cite-and-apa = &
cite-and = and
cite-et-al = et al.
cite-comma = {","}
cite-stop = .

## Funders and trainers
nav-training = Training
portfolio-totals = The portfolio in figures
portfolio-charts = The portfolio in charts
project-filters = Filter projects
all-projects = All projects
projects-filtered = Projects: { $filter }
projects-active = { $count ->
    [one] { $count } active
   *[other] { $count } active
}
projects-completed = { $count ->
    [one] { $count } completed
   *[other] { $count } completed
}
filter-status = Status
filter-programme = Programme
filter-country = Country
chart-count = Number
chart-outputs-per-year = Outputs per year
chart-outputs-per-year-desc = How many outputs were published each year.
chart-outputs-per-topic = Outputs per topic
chart-outputs-per-topic-desc = How many outputs deal with each topic; an output may have several.
chart-funding-per-programme = Funding per programme ({ $currency })
project-timeline = Timeline
file-pages = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}
training-intro = Training materials ready to use: each can be downloaded whole, with its handouts, in one archive.
training-use = Using this material
training-format = Format
training-audience = For
training-duration = Duration
training-level = Level
training-languages = Available in
training-pack = { $count ->
    [one] Download the material (1 file)
   *[other] Download all { $count } files
}
format-workshop = Workshop
format-handout = Handout
format-slides = Slides
format-video = Video

## Search
search-title = Search
search-label = Search the portal
search-button = Search
search-all-languages = Search all languages
search-any = Any
filter-language = Language of the text
search-results = {"{count}"} results
search-none = Nothing found. Try another word, or search all languages.
search-searching = Searching…
search-error = The search index could not be loaded.
search-in-language = In {"{language}"}
search-more = More results
search-needs-js = Search needs JavaScript. Browse by outputs, authors or topics instead.

## Error page
not-found = This page does not exist, or has moved.
not-found-home = Go to the home page of { $site }

## Countries (ISO 3166-1 codes used in `countries:`)
country-PK = Pakistan
country-CA = Canada
country-IN = India
country-BD = Bangladesh
country-AF = Afghanistan
country-NP = Nepal
country-LK = Sri Lanka
country-FR = France
country-SN = Senegal
country-KE = Kenya
country-US = United States
country-GB = United Kingdom
