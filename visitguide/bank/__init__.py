"""Question banks: finding, strict YAML loading, rules, the guide cache, browsing, validation,
and the import of HAS fiches as bank drafts (`fiche`: text and PDF reading in `fiche_text` and
`fiche_pdf`, the parser in `fiche_parse`, the draft in `fiche_draft`, written by `fiche_yaml`).

`loader` finds and checks guides and returns `guide.Guide` (plain read-only data) that every
other package reads. May import the flat helpers (`errors`, `text`, `files`, `paths`,
`messages`); never `interview`, `report`, `outline`, `cli`, the terminal (`console`) only in
`browse`, `validate` and `fiche_show`, which show things. pypdf only in `fiche_pdf`.
"""
