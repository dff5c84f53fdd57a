"""One interview: the file format and its upgrades, the session rules, answers files and
scripted runs, the live loop with its screens and prompts, and `check` of interview files.

Layers: `file` (format) ← `session` (rules, no prompt) ← `scripted` / `live` + `loop`.
Prompts go through `asker.Asker`; `widgets` is the only module that imports questionary
and prompt_toolkit, `stand_in` replays answers for tests, `hangup` turns SIGHUP and SIGTERM
into the same ending as Ctrl-C. May import `bank` and the flat helpers; never `report`,
`outline` or `cli`.
"""
