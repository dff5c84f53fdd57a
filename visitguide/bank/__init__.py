"""Question banks: finding, strict YAML loading, rules, the guide cache, browsing, validation.

`loader` finds and checks guides and returns `guide.Guide` (plain read-only data) that every
other package reads. May import the flat helpers (`errors`, `text`, `files`, `paths`,
`messages`); never `interview`, `report`, `outline`, `cli`, the terminal (`console`) only in
`browse` and `validate`, which show things.
"""
