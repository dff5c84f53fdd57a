"""Everything that touches Typer's or Click's internals, in one module, gated by version.

French (or English) chrome for Typer: help panel titles, usage line, usage errors; option
values converted without pydantic. Typer's bundled Click prints its own English words; this
module swaps them for the catalog's, and `usage_message` turns Click's usage errors into one
sentence of ours. Nothing else in the package imports `typer._click`, `typer.core`,
`typer.rich_utils` or `typer._coercion`.

The patches are written against one Typer minor release (`TESTED`, also the pin in
pyproject.toml). On another release `install` leaves Typer as it is (English chrome, its own
conversion): the program still works, and tests/test_cli_browse.py fails loudly.
"""

from __future__ import annotations

import enum
import re
import sys
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer
from typer import _click
from typer.core import TyperCommand, TyperGroup

from visitguide.messages import language, t

TESTED = (0, 29)
"""The Typer minor release the patches below were written and tested against."""

ClickUsageError = _click.exceptions.UsageError
"""Click's usage errors (bad option, missing argument), caught by the app's one catch point."""

NoArgsIsHelp = _click.exceptions.NoArgsIsHelpError
"""A bare command: Typer has printed the help already; nothing is wrong."""

_installed = False


def typer_release() -> tuple[int, int]:
    """Typer's (major, minor), or (0, 0) when its version does not parse."""
    try:
        major, minor = typer.__version__.split(".")[:2]
        return int(major), int(minor)
    except (AttributeError, ValueError):
        return (0, 0)


def supported() -> bool:
    """Whether the installed Typer is the release the patches were tested against."""
    return typer_release() == TESTED


def install() -> None:
    """Translate Typer's fixed strings; safe to call more than once; nothing on another Typer."""
    global _installed
    if _installed or not supported():
        return
    _installed = True
    from typer._click import decorators

    original = decorators.help_option

    def help_option(param_decls: list[str]) -> Any:
        decorate = original(param_decls)

        def apply(command: Any) -> Any:
            command = decorate(command)
            command.params[-1].help = t("chrome.help_option")
            return command

        return apply

    decorators.help_option = help_option
    _install_light_coercion()
    _install_completion_words()


# --- shell completion in the interface's language ------------------------------------------


def _install_completion_words() -> None:
    """`--install-completion` and `--show-completion` help, and what installing says, in the
    catalog's words (Typer builds both options afresh for each command tree)."""
    from typer import main

    original = main.get_install_completion_arguments

    def arguments() -> tuple[Any, Any]:
        install_param: Any
        show_param: Any
        install_param, show_param = original()
        install_param.help = t("chrome.install_completion")
        show_param.help = t("chrome.show_completion")
        install_param.callback = _install_callback
        return install_param, show_param

    main.get_install_completion_arguments = arguments


def _install_callback(ctx: _click.Context, param: _click.Parameter, value: Any) -> Any:
    if not value or ctx.resilient_parsing:
        return value

    from typer._completion_shared import install

    shell, path = install(shell=value) if isinstance(value, str) else install()
    sys.stdout.write(t("chrome.completion_installed", shell=shell, path=path) + "\n")
    raise SystemExit(0)


# --- option values without pydantic ------------------------------------------------------
#
# Typer 0.29 converts every option value through a pydantic TypeAdapter, which imports
# pydantic (about 80 ms) on every command that takes an option. The options of this program
# are only strings, paths, flags and choices: those are converted here directly, and any
# other annotation still goes through Typer's own conversion.


def _light_converter(annotation: Any) -> Any:
    """A converter for `annotation`, or None when Typer's own conversion must be used."""

    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _light_converter(members[0]) if len(members) == 1 else None
    if origin is list:
        (item,) = typing.get_args(annotation) or (None,)
        convert = _light_converter(item)
        return None if convert is None else lambda values: [convert(v) for v in values]
    if annotation is str:
        return str
    if annotation is Path:
        return Path
    if annotation is bool:
        return lambda value: value if isinstance(value, bool) else None
    if isinstance(annotation, type) and issubclass(annotation, enum.StrEnum):
        return annotation
    return None


class RefusedValue(_click.exceptions.BadParameter):
    """A value our own conversion refused; its message is already in the interface language."""


def _refusal(annotation: Any, value: Any) -> str:
    members = [a for a in (typing.get_args(annotation) or (annotation,)) if isinstance(a, type)]
    choices = [m.value for a in members if issubclass(a, enum.Enum) for m in a]
    if choices:
        return t("chrome.value_not_in", value=value, choices=", ".join(choices))
    return t("chrome.value_not_allowed", value=value)


def _install_light_coercion() -> None:
    from typer import _coercion, core

    original = getattr(core, "build_runtime_param", None)
    base = getattr(_coercion, "RuntimeParam", None)
    if original is None or base is None:  # another Typer: keep its own conversion
        return

    @dataclass(frozen=True)
    class LightParam(base):  # type: ignore[misc, valid-type]
        convert: Any

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                converted = self.convert(value)
            except (TypeError, ValueError):
                converted = None
            if converted is None:
                raise RefusedValue(_refusal(self.annotation, value), ctx=ctx, param=param)
            return converted

    def build_runtime_param(descriptor: Any) -> Any:
        if descriptor.file_annotation is None:
            convert = _light_converter(descriptor.annotation)
            if convert is not None:
                try:
                    return LightParam(descriptor.parameter_info, descriptor.annotation, convert)
                except TypeError:  # Typer's RuntimeParam changed shape: its own conversion
                    pass
        return original(descriptor)

    core.build_runtime_param = build_runtime_param


_translated_to: str | None = None


def _translate_rich_help() -> None:
    """Translate the words of Typer's rich help, just before it is rendered.

    Importing `typer.rich_utils` costs about 90 ms (rich, markdown): only help pays it.
    """
    global _translated_to

    if _translated_to == language() or not supported():
        return
    _translated_to = language()
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = t("chrome.arguments")
    rich_utils.OPTIONS_PANEL_TITLE = t("chrome.options")
    rich_utils.COMMANDS_PANEL_TITLE = t("chrome.commands")
    rich_utils.ERRORS_PANEL_TITLE = t("chrome.error")
    rich_utils.DEFAULT_STRING = t("chrome.default")
    rich_utils.ENVVAR_STRING = t("chrome.envvar")
    rich_utils.REQUIRED_LONG_STRING = t("chrome.required")
    rich_utils.DEPRECATED_STRING = t("chrome.deprecated")
    rich_utils.ABORTED_TEXT = t("chrome.aborted")
    rich_utils.RICH_HELP = t("chrome.try_help")
    _hide_python_types()


def _hide_python_types() -> None:
    """Help shows a type beside each option: keep our metavars (`FICHIER`) and the choices
    (`<md|html|…>`), drop Python's names (`<bool>`, `<list[Path]>`)."""
    from typer import core

    for cls in (core.TyperArgument, core.TyperOption):
        original = cls.display_type_rich
        if getattr(original, "_visitguide", False):
            continue
        cls.display_type_rich = _choices_only(original)  # type: ignore[method-assign]


def _choices_only(original: Any) -> Any:
    def display_type_rich(self: Any, ctx: _click.Context) -> str | None:
        shown = original(self, ctx)
        if shown is None or "|" in shown:
            return shown  # the choices
        is_option = getattr(self, "param_type_name", "") == "option"
        return shown if is_option and getattr(self, "metavar", None) else None  # FICHIER, PUBLIC…

    display_type_rich._visitguide = True  # type: ignore[attr-defined]
    return display_type_rich


def _usage(text: str) -> str:
    """Our words, and `CHEMIN…` where Click writes `[CHEMIN]...` or `CHEMIN...`."""

    text = text.replace("Usage:", t("chrome.usage"), 1)
    text = re.sub(r"\[([^\]\[ ]+)\]\.\.\.", r"[\1…]", text)
    return re.sub(r"(\b[A-ZÉ]+)\.\.\.", r"\1…", text)


class Command(TyperCommand):
    def get_usage(self, ctx: _click.Context) -> str:
        return _usage(super().get_usage(ctx))

    def format_help(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        _translate_rich_help()
        super().format_help(ctx, formatter)


class Group(TyperGroup):
    def get_usage(self, ctx: _click.Context) -> str:
        return _usage(super().get_usage(ctx))

    def format_help(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        _translate_rich_help()
        super().format_help(ctx, formatter)


def usage_message(exc: _click.exceptions.UsageError) -> str:
    """A one-line message of ours for a Click usage error."""
    exceptions = _click.exceptions
    if isinstance(exc, exceptions.NoSuchOption):
        message = t("chrome.no_such_option", option=exc.option_name)
        if exc.possibilities:
            message += " " + t("did_you_mean", id=sorted(exc.possibilities)[0])
        return message
    if isinstance(exc, exceptions.MissingParameter):
        name = _param_name(exc.param)
        return t("chrome.missing_parameter", name=name)
    if isinstance(exc, exceptions.BadParameter):
        return t("chrome.bad_parameter", name=_param_name(exc.param), detail=_detail(exc))
    if isinstance(exc, exceptions.BadOptionUsage):
        return t("chrome.bad_option_usage", option=exc.option_name)
    message = exc.message or ""
    if message.startswith("No such command"):
        name = message.split("'")[1] if "'" in message else message
        return t("chrome.no_such_command", name=name) + _closest_command(exc, name)
    if message.startswith("Got unexpected extra argument"):
        return t("chrome.extra_argument", detail=message.split("(", 1)[-1].rstrip(")"))
    return t("chrome.bad_usage")


def _closest_command(exc: _click.exceptions.UsageError, name: str) -> str:
    """` Vouliez-vous dire « guides » ?` for `gudes`, else nothing."""

    ctx = exc.ctx
    if ctx is None or not hasattr(ctx.command, "list_commands"):
        return ""
    import difflib  # only on a mistyped command: kept off start-up

    close = difflib.get_close_matches(name, ctx.command.list_commands(ctx), n=1, cutoff=0.6)
    return " " + t("did_you_mean", id=close[0]) if close else ""


def _param_name(param: Any) -> str:
    """How the user writes the parameter: its option (`--format`) or its metavar (`CHEMIN`)."""
    if param is None:
        return "?"
    if getattr(param, "param_type_name", "") == "option":
        opts = getattr(param, "opts", None) or []
        if opts:
            return str(opts[0])
    return str(getattr(param, "metavar", None) or getattr(param, "name", "?")).upper()


def _detail(exc: _click.exceptions.BadParameter) -> str:
    message = exc.message or ""
    if isinstance(exc, RefusedValue):
        return message
    if "is not one of" in message or "is not a valid" in message:
        value = message.split("'")[1] if "'" in message else ""
        return t("chrome.value_not_allowed", value=value)
    if "does not exist" in message:
        return t("chrome.path_missing")
    if "is not a valid integer" in message or "is not a valid float" in message:
        return t("chrome.not_a_number")
    return t("chrome.invalid_value")
