"""``tracker init / import / list / log / textconv``: the git document store."""
from __future__ import annotations

import sys

import click

from tracker.characters import neutralise
from tracker.cli.common import collector_paused, store_option
from tracker.errors import InputError


@click.command()
@click.argument("path", required=False, type=click.Path(file_okay=False))
def init(path):
    """Make PATH (default: the git repository you stand in) a document store.

    \b
    Creates documents/ and reports/, adds the diff driver to .gitattributes and
    .git/config (character-level `git diff --word-diff` of Chinese text, hunk
    headers naming the clause), and commits only those files.
    """
    from tracker import store

    top = store.init(path)
    click.echo(f"tracker store ready at {top}")


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False), required=False)
@click.option("--id", "doc_id", default=None, help="Document id, e.g. heilongjiang/shuangyashan/youyi/basic-elderly-care-plan")
@click.option("--manifest", type=click.Path(dir_okay=False), default=None,
              help="A CSV (file,id[,version,status,parent,title,issuer,level,date,number,region]) to import in one go.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="With --manifest: processes reading the files (default: the CPU count).")
@click.option("--status", type=click.Choice(["draft", "final"]), default=None, help="Override the status read from the text.")
@click.option("--version", "version", default=None, help="Version label for the tag ID@LABEL (default: the status, else vN).")
@click.option("--parent", default=None, help="Id of the stored document this one implements.")
@click.option("--region", default=None, help="Region (default: the id without its last segment).")
@click.option("--title", default=None, help="Override the title read from the text.")
@click.option("--issuer", default=None, help="Override the issuer read from the text.")
@click.option("--level", type=click.Choice(["central", "province", "city", "county"]), default=None, help="Override the administrative level.")
@click.option("--date", default=None, help="Override the date of issue (YYYY-MM-DD).")
@click.option("--number", default=None, help="Override the document number (文号).")
@click.option("--implements", multiple=True, help="A document it implements, e.g. 《…意见》（…号）; repeatable, added to those read from the text.")
@store_option
@collector_paused
def import_(file, doc_id, manifest, jobs, status, version, parent, region, title, issuer, level, date, number,
            implements, store):
    """Read FILE (txt, docx, html, pdf) and commit it as a new version of ID; or a whole corpus with --manifest.

    \b
    Examples:
      tracker import plan-draft.docx --id heilongjiang/youyi/basic-elderly-care-plan --status draft
      tracker import plan.pdf --id heilongjiang/youyi/basic-elderly-care-plan --version final
      tracker import --manifest corpus.csv      # one commit per row; failed rows listed, exit 1
    """
    if manifest is not None:
        given = [name for name, value in (("FILE", file), ("--id", doc_id), ("--status", status), ("--version", version),
                 ("--parent", parent), ("--region", region), ("--title", title), ("--issuer", issuer), ("--level", level),
                 ("--date", date), ("--number", number), ("--implements", implements)) if value]
        if given:
            raise InputError(f"--manifest takes its documents and metadata from the CSV; drop {', '.join(given)}")
        _import_manifest(manifest, jobs, store)
        return
    if file is None or doc_id is None:
        raise InputError("give FILE and --id ID, or --manifest CSV")
    from tracker.pipeline import import_document

    commit, tag = import_document(
        file, doc_id, status=status, version=version, parent=parent, region=region, root=store,
        overrides={"title": title, "issuer": issuer, "level": level, "date": date, "number": number, "implements": implements},
    )
    click.echo(f"{tag} {commit[:12]}")


def _import_manifest(manifest: str, jobs, store) -> None:
    """Import the manifest's rows; failed rows on stderr as CSV:LINE: FILE: REASON, exit 1 if any."""
    from tracker.manifest import import_manifest

    result = import_manifest(manifest, root=store, jobs=jobs)
    click.echo(f"imported {len(result.imported)} version(s) from {manifest}"
               + (f"; {len(result.failed)} row(s) failed:" if result.failed else ""))
    for failure in result.failed:
        click.echo(neutralise(f"{manifest}:{failure.line}: {failure.file or '(no file)'}: {failure.reason}"), err=True)
    if result.failed:
        sys.exit(1)


@click.command("list")
@store_option
def list_(store):
    """List stored documents: id, level, versions, title."""
    from tracker import store as _store

    for row in _store.list_documents(store):
        versions = ",".join(row["versions"]) or "-"
        click.echo(neutralise(f"{row['id']}\t{row.get('level') or '-'}\t{versions}\t{row.get('title') or ''}"))


@click.command()
@click.argument("doc_id", metavar="ID")
@store_option
def log(doc_id, store):
    """The versions of ID, newest first: commit, commit date, the document's own date, labels."""
    from tracker import store as _store

    for v in _store.log(doc_id, store):
        labels = ",".join(v.labels) or "-"
        dated = f"source {v.source_date}" if v.source_date else "no source date"
        click.echo(neutralise(f"{v.commit[:12]}  {v.committed}  {dated:17}  {labels:12}  {v.subject}"))


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
def textconv(file):
    """Print a stored text for git's diff: each sentence prefixed by its clause id.

    \b
    Optional; enable with:  git config diff.tracker.textconv "tracker textconv"
    """
    from tracker import canonical

    with open(file, encoding="utf-8") as handle:
        click.echo(neutralise(canonical.annotate(handle.read())), nl=False)  # git shows it on a terminal
