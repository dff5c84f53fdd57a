"""The baseline of `visitguide --help`: a bare Typer app with the same commands and options.

Same command names, option names, metavars, help texts (French, as literals) and Typer
settings as `visitguide/cli.py`, with empty bodies and nothing else: no message catalog, no
translated chrome, no error handling. What `visitguide --help` costs beyond this is what the
program adds. `tests/test_benchmarks.py` checks that the commands and options stay the same
as the real app's.
"""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

HELP = {  # the French help texts of the catalog, as literals
    "help.app": (
        "Guide d'entretien des experts-visiteurs de la HAS : banques de questions, entretiens, "
        "rapports de visite."
    ),
    "help.bank": (
        "Dossier de banque de questions en plus de la banque intégrée (répétable ; aussi VISITGUIDE_BANK)."
    ),
    "help.guide": "Identifiant du guide (facultatif s'il n'y en a qu'un).",
    "help.audience": "Public interrogé (gouvernance, technique, professionnels…).",
    "help.version": "Affiche la version et quitte.",
    "cmd.guides": "Liste les guides trouvés, leurs publics et leur dossier d'origine.",
    "cmd.questions": "Parcourt les questions d'un guide, avec filtres et recherche.",
    "help.criterion": (
        "Code de critère, dans le référentiel du guide ou un autre qu'il connaît (3.6-06, ou son "
        "équivalent 2025 3.1-08) ; un début unique suffit."
    ),
    "help.referentiel": (
        "Présenter les critères par leurs codes dans ce référentiel (par exemple 2025) quand le "
        "guide leur connaît un équivalent ; les équivalents sans source restent « à confirmer »."
    ),
    "help.search": "Mots à chercher dans les questions (sans tenir compte des majuscules ni des accents).",
    "help.format_table_json": "Format de sortie : table ou json.",
    "cmd.criteria": "Critères × publics : nombre de questions et de points de vérification.",
    "cmd.validate": "Vérifie des banques de questions ; code 1 et « fichier:ligne » en cas d'erreur.",
    "help.validate_dirs": (
        "Banques ou dossiers de guide à vérifier (par défaut : toutes les banques trouvées)."
    ),
    "cmd.interview": (
        "Mène un entretien : questions du guide, notes, points de vérification ; enregistré "
        "après chaque réponse."
    ),
    "help.out": "Fichier d'entretien à créer (jamais écrasé).",
    "help.resume": "Reprend un entretien existant.",
    "help.answers": "Fichier de réponses (YAML ou JSON) : entretien scripté, sans question posée.",
    "help.dry_run": "Affiche ce qui serait demandé, dans l'ordre, sans rien écrire.",
    "help.dry_run_format": "Format de --dry-run : text, ou yaml pour un squelette de fichier de réponses.",
    "help.establishment": "Établissement visité.",
    "help.sector": "Secteur ou service de soins (facultatif).",
    "help.role": "Fonction de la personne interrogée (jamais son nom).",
    "help.visitor": "Expert-visiteur.",
    "help.date": "Date de l'entretien, AAAA-MM-JJ ou JJ/MM/AAAA (par défaut : aujourd'hui).",
    "cmd.export": (
        "Rapport d'une visite (fichiers ou dossiers d'entretiens), par critère ; --blank : trame papier."
    ),
    "help.export_paths": "Fichiers ou dossiers d'entretiens.",
    "help.export_format": "Format : md, html, csv, json ou docx.",
    "help.only": "documents : seulement la liste des documents à demander, par public.",
    "help.separator": "Séparateur des cellules CSV : ',' (par défaut) ou ';' (tableurs en français).",
    "help.output": (
        "Fichier de sortie (par défaut : sortie standard pour md, html, csv et json ; "
        "docx demande un fichier)."
    ),
    "help.force": "Remplace le fichier de sortie s'il existe (jamais un fichier d'entretien).",
    "help.duration": (
        "Durée prévue de l'entretien, en minutes : le temps restant s'affiche à chaque question."
    ),
    "help.redact": "Masque les identifiants personnels (NIR, courriels, téléphones, RPPS) dans le rapport.",
    "help.blank": "Trame d'entretien vierge à imprimer (avec --audience), au lieu d'un rapport.",
    "cmd.status": "Couverture de la visite en un coup d'œil : critères × publics, ce qui reste à demander.",
    "help.status_paths": "Fichiers ou dossiers d'entretiens de la visite.",
    "cmd.check": (
        "Cherche des identifiants personnels et des fichiers endommagés ; code 1 si quelque chose est trouvé."
    ),
    "help.check_paths": "Fichiers ou dossiers d'entretiens à examiner.",
    "cmd.import": (
        "Transforme une fiche pédagogique HAS (.txt, .md ou .pdf) en brouillon de guide BANQUE/ID/ ; "
        "code 1 si des lignes n'ont pu être placées."
    ),
    "help.import_fiche": "La fiche : texte (.txt, .md) ou PDF.",
    "help.import_out": (
        "Banque où écrire le brouillon (par défaut : le dossier courant) ; un dossier existant n'est jamais "
        "remplacé."
    ),
    "help.import_id": "Identifiant du guide, nom de son dossier (par défaut : tiré du titre de la fiche).",
}
app = typer.Typer(
    help=HELP["help.app"],
    add_completion=True,
    no_args_is_help=True,
    rich_markup_mode="rich",
    subcommand_metavar="COMMANDE [ARGS]...",
    options_metavar="[OPTIONS]",
    context_settings={"help_option_names": ["-h", "--help"]},
)

BankOpt = Annotated[list[Path] | None, typer.Option("--bank", help=HELP["help.bank"], metavar="DOSSIER")]
GuideOpt = Annotated[
    str | None,
    typer.Option("--guide", "-g", help=HELP["help.guide"], metavar="GUIDE"),
]
AudienceOpt = Annotated[
    str | None,
    typer.Option("--audience", "-a", help=HELP["help.audience"], metavar="PUBLIC"),
]


class ListFormat(StrEnum):
    table = "table"
    json = "json"


class DryRunFormat(StrEnum):
    text = "text"
    yaml = "yaml"


class ExportFormat(StrEnum):
    md = "md"
    html = "html"
    csv = "csv"
    json = "json"
    docx = "docx"


class ExportPart(StrEnum):
    documents = "documents"


def _version(value: bool) -> None:
    if value:
        raise typer.Exit(0)


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", help=HELP["help.version"], callback=_version, is_eager=True)
    ] = False,
) -> None:
    """Guide d'entretien des experts-visiteurs."""


@app.command("guides", help=HELP["cmd.guides"])
def guides(bank: BankOpt = None) -> None:
    pass


@app.command("questions", help=HELP["cmd.questions"])
def questions(
    guide: GuideOpt = None,
    audience: AudienceOpt = None,
    criterion: Annotated[
        str | None, typer.Option("--criterion", "-c", help=HELP["help.criterion"], metavar="CRITÈRE")
    ] = None,
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            "-s",
            help=HELP["help.search"],
            metavar="TEXTE",
        ),
    ] = None,
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help=HELP["help.format_table_json"])
    ] = ListFormat.table,
    bank: BankOpt = None,
) -> None:
    pass


@app.command("criteria", help=HELP["cmd.criteria"])
def criteria(guide: GuideOpt = None, bank: BankOpt = None) -> None:
    pass


@app.command("validate", help=HELP["cmd.validate"])
def validate(
    dirs: Annotated[
        list[Path] | None,
        typer.Argument(
            help=HELP["help.validate_dirs"],
            metavar="DOSSIER",
            show_default=False,
        ),
    ] = None,
    bank: BankOpt = None,
) -> None:
    pass


@app.command(
    "interview",
    help=HELP["cmd.interview"],
)
def interview(
    guide: GuideOpt = None,
    audience: AudienceOpt = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help=HELP["help.out"], metavar="FICHIER"),
    ] = None,
    resume: Annotated[
        Path | None, typer.Option("--resume", "-r", help=HELP["help.resume"], metavar="FICHIER")
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help=HELP["help.answers"],
            metavar="FICHIER",
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=HELP["help.dry_run"])] = False,
    fmt: Annotated[
        DryRunFormat,
        typer.Option("--format", "-f", help=HELP["help.dry_run_format"]),
    ] = DryRunFormat.text,
    establishment: Annotated[
        str | None, typer.Option("--establishment", help=HELP["help.establishment"], metavar="TEXTE")
    ] = None,
    sector: Annotated[str | None, typer.Option("--sector", help=HELP["help.sector"], metavar="TEXTE")] = None,
    role: Annotated[
        str | None,
        typer.Option("--role", help=HELP["help.role"], metavar="TEXTE"),
    ] = None,
    visitor: Annotated[
        str | None, typer.Option("--visitor", help=HELP["help.visitor"], metavar="TEXTE")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help=HELP["help.date"], metavar="AAAA-MM-JJ"),
    ] = None,
    duration: Annotated[
        str | None, typer.Option("--duration", help=HELP["help.duration"], metavar="MINUTES")
    ] = None,
    bank: BankOpt = None,
) -> None:
    pass


@app.command(
    "export",
    help=HELP["cmd.export"],
)
def export(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help=HELP["help.export_paths"], metavar="CHEMIN", show_default=False),
    ] = None,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help=HELP["help.export_format"])
    ] = ExportFormat.md,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=HELP["help.output"],
            metavar="FICHIER",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=HELP["help.force"])] = False,
    guide: GuideOpt = None,
    redact: Annotated[
        bool,
        typer.Option(
            "--redact",
            help=HELP["help.redact"],
        ),
    ] = False,
    blank: Annotated[
        bool,
        typer.Option("--blank", help=HELP["help.blank"]),
    ] = False,
    audience: AudienceOpt = None,
    only: Annotated[ExportPart | None, typer.Option("--only", help=HELP["help.only"])] = None,
    separator: Annotated[
        str | None, typer.Option("--separator", help=HELP["help.separator"], metavar="SÉPARATEUR")
    ] = None,
    referentiel: Annotated[
        str | None, typer.Option("--referentiel", help=HELP["help.referentiel"], metavar="RÉFÉRENTIEL")
    ] = None,
    bank: BankOpt = None,
) -> None:
    pass


@app.command(
    "status",
    help=HELP["cmd.status"],
)
def status(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help=HELP["help.status_paths"], metavar="CHEMIN", show_default=False),
    ] = None,
    guide: GuideOpt = None,
    bank: BankOpt = None,
) -> None:
    pass


@app.command(
    "check",
    help=HELP["cmd.check"],
)
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help=HELP["help.check_paths"], metavar="CHEMIN", show_default=False),
    ] = None,
    bank: BankOpt = None,
) -> None:
    pass


@app.command(
    "import",
    help=HELP["cmd.import"],
)
def import_(
    fiche: Annotated[
        Path, typer.Argument(help=HELP["help.import_fiche"], metavar="FICHE", show_default=False)
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help=HELP["help.import_out"], metavar="DOSSIER")
    ] = None,
    guide_id: Annotated[str | None, typer.Option("--id", help=HELP["help.import_id"], metavar="ID")] = None,
) -> None:
    pass


if __name__ == "__main__":
    app()
