"""The command line: Typer options in, one call into the core, an exit code out.

`entry` is the console script; `app` holds the commands and the one catch point for errors;
`completion` offers ids and interview files to the shell;
`typer_patches` is the only module that touches Typer's or Click's internals. Nothing outside
this package imports Typer. May import every other package; none imports it.
"""
