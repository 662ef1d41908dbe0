"""The README's examples are the real commands: each one parses, and each sample output is what it prints.

In a ``console`` block, ``$ tracker …`` is a command and the lines under it are
its output; a line ``…`` stands for any number of lines left out. The commands
that only read (show, targets, diff) on files of this repository run and must
print their sample; every other example command (one that names a file of the
reader's own, a store, or writes a report) and every ``tracker …`` line of a
``sh`` block must still be accepted by the CLI: a renamed option or sub-command
fails here. The ``python`` blocks run.
"""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tracker.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
ELLIPSIS = "…"


def blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", README, re.S)


def console_examples() -> list[tuple[str, list[str]]]:
    """(command line, sample output lines) for every ``$ tracker`` line of a console block."""
    examples = []
    for block in blocks("console"):
        lines = block.splitlines()
        i = 0
        while i < len(lines):
            command = lines[i].removeprefix("$ ")
            is_tracker = lines[i].startswith("$ tracker ")
            while command.endswith("\\"):
                i += 1
                command = command[:-1].rstrip() + " " + lines[i].strip()
            i += 1
            output = []
            while i < len(lines) and not lines[i].startswith("$ "):
                output.append(lines[i])
                i += 1
            if is_tracker:
                examples.append((command, output))
    return examples


def shell_commands() -> list[str]:
    commands = []
    for block in blocks("sh") + blocks("bash"):
        joined = block.replace("\\\n", " ")
        commands += [line.strip() for line in joined.splitlines() if line.strip().startswith("tracker ")]
    return commands


def arguments(command: str) -> list[str]:
    """The arguments after ``tracker``, without a shell comment or redirection."""
    words = shlex.split(command, comments=True)
    assert words[0] == "tracker", command
    words = words[1:]
    return words[: words.index(">")] if ">" in words else words


def matches(sample: list[str], actual: list[str]) -> bool:
    """``sample`` equals ``actual`` line for line, a ``…`` line standing for any run of lines."""
    pattern = "".join(".*?" if line.strip() == ELLIPSIS else re.escape(line + "\n") for line in sample)
    return re.fullmatch(pattern, "".join(line + "\n" for line in actual), re.S) is not None


#: sub-commands that only read, so their samples can run in the repository itself
READ_ONLY = ("show", "targets", "diff")


def runnable(command: str) -> bool:
    """A read-only command on files of this repository (examples/…), not on a file of the reader's own."""
    name, *rest = arguments(command)
    files = [word for word in rest if not word.startswith("-")]
    return name in READ_ONLY and bool(files) and all((ROOT / word).is_file() for word in files)


SHOWN = [(c, out) for c, out in console_examples() if out and runnable(c)]


def test_the_readme_shows_output_of_some_examples():
    assert len(SHOWN) >= 2


@pytest.mark.parametrize("command,sample", SHOWN, ids=[c[:60] for c, _ in SHOWN])
def test_each_sample_output_is_what_the_command_prints(command, sample, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, arguments(command), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    actual = result.output.rstrip("\n").splitlines()
    assert matches([line for line in sample], actual), "README sample differs from:\n" + result.output


ALL = [c for c, _ in console_examples()] + shell_commands()


@pytest.mark.parametrize("command", ALL, ids=[c[:60] for c in ALL])
def test_each_example_command_is_accepted_by_the_cli(command):
    name, *rest = arguments(command)
    context = click.Context(cli, info_name="tracker")
    sub = cli.get_command(context, name)
    assert sub is not None, f"{command}: no sub-command {name!r}"
    try:
        sub.make_context(name, rest, parent=context)
    except click.UsageError as exc:
        pytest.fail(f"{command}: {exc}")


@pytest.mark.parametrize("source", blocks("python"))
def test_the_python_examples_run(source, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    exec(compile(source, "README.md", "exec"), {})


def test_a_sample_that_drifted_is_caught():
    assert matches(["a", ELLIPSIS, "d"], ["a", "b", "c", "d"])
    assert not matches(["a", "d"], ["a", "b", "d"])
    assert not matches(["a", ELLIPSIS, "c", "b"], ["a", "b", "c"])
