"""``flask plugins new SLUG``: the scaffold on the command line."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from portal.scaffold import PluginSpec, ScaffoldError, check_slug, write_plugin

plugins = AppGroup("plugins", help="Plugin mekanisme.")


def core_head() -> str:
    """The core's newest migration revision: a new plugin's branch depends on it."""
    from alembic.script import ScriptDirectory

    extension = current_app.extensions["migrate"]
    config = extension.migrate.get_config(extension.directory)
    heads = [h for h in ScriptDirectory.from_config(config).get_heads() if h.startswith("core_")]
    if len(heads) != 1:
        raise click.ClickException(f"Revisi inti tidak tunggal: {', '.join(heads)}")
    return heads[0]


@plugins.command("new")
@click.argument("slug")
@click.option("--title", help="Nama mekanisme yang dilihat pengguna (default: dari slug).")
@click.option("--model", type=click.Choice(["70", "20", "10"]), default="70", show_default=True,
              help="Model pembelajaran 70:20:10.")
@click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path), default=Path("plugins"),
              show_default=True, help="Folder tempat paket plugin ditulis.")
def new(slug: str, title: str | None, model: str, folder: Path) -> None:
    """Tulis paket plugin mekanisme baru yang lengkap dan siap dipasang (pip install -e)."""
    from portal.plugins import registry

    target = folder / slug
    try:
        check_slug(slug, set(registry().slugs()), target)
    except ScaffoldError as error:
        raise click.ClickException(str(error)) from None
    spec = PluginSpec(slug=slug, title=(title or slug.replace("_", " ").capitalize()).strip(),
                      model=int(model), core_revision=core_head())
    written = write_plugin(spec, target)
    click.echo(f"{len(written)} berkas ditulis di {target}/. Langkah berikutnya:")
    click.echo(f"  pip install -e {target}        # pasang (entry point 'portal')")
    click.echo("  flask --app portal db upgrade   # buat tabelnya")
    click.echo(f"  pytest {target}/tests          # uji plugin dan kontrak inti")
