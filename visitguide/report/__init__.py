"""The report of a whole visit: `inputs` reads the interview files, `build` consolidates them
into a `visit.Visit` (with `ecarts`, `documents` and `pairs`); `display` and `synthesis` say
things the same way in every format; the renderers write md/html (`text`), csv, json and docx
(`docxfile` on `wordml`); `status` shows coverage in the terminal. `export` is the command's
entry.

May import `bank`, `interview.file` (the format it reads) and the flat helpers; never the live
interview, `outline` or `cli`. This `__init__` imports nothing.
"""
