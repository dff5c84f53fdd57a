"""What a guide asks, in order, for people who are not in the live interview: `views` (the
plain outline of a guide), the `--dry-run` listing and skeleton, and the paper guide (HTML,
Markdown, Word). May import `bank` and the flat helpers; never `interview`, `report`, `cli`.
"""
