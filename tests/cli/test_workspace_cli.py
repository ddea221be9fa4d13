"""`nextmove workspace list/create/rename/delete`, on SQLite and PostgreSQL, through the CLI's
own error boundary."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import NOW, Cli


def names(cli: Cli, *flags: str) -> dict[str, dict[str, object]]:
    result = cli([*flags, "workspace", "list", "--json"])
    assert result.exit_code == 0, result.output
    return {w["name"]: w for w in json.loads(result.stdout)["workspaces"]}


def test_a_new_database_has_the_default_workspace_only_and_it_is_current(cli: Cli) -> None:
    listed = names(cli)
    assert list(listed) == ["default"]
    assert listed["default"]["default"] is True
    assert listed["default"]["current"] is True
    assert listed["default"]["people"] == 0
    table = cli("workspace list").stdout
    assert "default" in table and "* the current workspace" in table


def test_created_workspace_is_listed_empty_and_current_when_chosen(cli: Cli) -> None:
    assert cli("people add 'Ana Okafor'").exit_code == 0
    created = cli("workspace create client-ana")
    assert created.exit_code == 0, created.output
    assert "client-ana" in created.stdout and "--workspace client-ana" in created.stdout
    listed = names(cli, "--workspace", "client-ana")
    assert listed["default"]["people"] == 1 and listed["default"]["current"] is False
    assert listed["client-ana"]["people"] == 0 and listed["client-ana"]["current"] is True
    assert listed["client-ana"]["default"] is False
    # Its people are its own: added there, counted there, not in the default one.
    assert cli("-w client-ana people add 'Bo Lindqvist'").exit_code == 0
    assert cli("-w client-ana people add 'Cy Ng'").exit_code == 0
    listed = names(cli)
    assert (listed["default"]["people"], listed["client-ana"]["people"]) == (1, 2)


def test_the_environment_variable_chooses_the_workspace(cli: Cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert cli("workspace create work").exit_code == 0
    monkeypatch.setenv("NEXTMOVE_WORKSPACE", "work")
    assert cli("people add 'Dee Work'").exit_code == 0
    assert names(cli)["work"]["current"] is True
    monkeypatch.delenv("NEXTMOVE_WORKSPACE")
    assert "Dee Work" not in cli("people list").stdout
    assert "Dee Work" in cli("-w work people list").stdout


def test_bad_and_taken_names_are_refused_with_the_rule(cli: Cli) -> None:
    for bad in ["my clients", "-dash", "", "a" * 61, "ünïcode", "../etc"]:
        result = cli(["workspace", "create", "--", bad])
        assert result.exit_code == 2, (bad, result.output)
        assert "letters, digits, dots, dashes or underscores" in result.stderr
        assert "Traceback" not in result.output
    assert cli("workspace create Acme").exit_code == 0
    for taken in ["Acme", "acme", "DEFAULT"]:
        result = cli(["workspace", "create", taken])
        assert result.exit_code == 2
        assert "exists already" in result.stderr
    assert list(names(cli)) == ["default", "Acme"]


def test_rename_keeps_the_contents_and_refuses_a_taken_name(cli: Cli) -> None:
    assert cli("workspace create acme").exit_code == 0
    assert cli("-w acme people add 'Ana Okafor'").exit_code == 0
    assert cli("workspace create other").exit_code == 0
    refused = cli("workspace rename acme OTHER")
    assert refused.exit_code == 2 and "'other' exists already" in refused.stderr
    assert cli("workspace rename acme bad/name").exit_code == 2
    missing = cli("workspace rename nope x")
    assert missing.exit_code == 3 and "no workspace 'nope'" in missing.stderr
    renamed = cli("workspace rename acme Acme-2027")
    assert renamed.exit_code == 0, renamed.output
    assert "Ana Okafor" in cli("-w Acme-2027 people list").stdout
    gone = cli("-w acme people list")
    assert gone.exit_code == 3 and "no workspace 'acme'" in gone.stderr
    # Only the letter case changes: allowed (it is the same workspace).
    assert cli("workspace rename Acme-2027 acme-2027").exit_code == 0
    assert list(names(cli)) == ["default", "acme-2027", "other"]


def test_list_says_when_the_chosen_workspace_does_not_exist(cli: Cli) -> None:
    result = cli("-w gone workspace list")
    assert result.exit_code == 0
    assert "No workspace is called 'gone'" in result.stdout
    assert not any(w["current"] for w in names(cli, "-w", "gone").values())
    other = cli("-w gone people list")
    assert other.exit_code == 3
    assert "no workspace 'gone'" in other.stderr and "workspace create" in other.stderr


def test_delete_removes_every_row_of_it_and_nothing_else(cli: Cli) -> None:
    assert cli("people add 'Ana Okafor'").exit_code == 0
    assert cli("journal add 'customer interviews' --energy 2").exit_code == 0
    assert cli("workspace create acme").exit_code == 0
    assert cli("-w acme demo").exit_code == 0
    before = names(cli)["acme"]["people"]
    assert isinstance(before, int) and before > 10
    # Without --yes it asks, and no answer (or "n") changes nothing.
    asked = cli("workspace delete acme", input="n\n")
    assert asked.exit_code == 1
    assert "people" in asked.stdout and "journal entries" in asked.stdout
    assert "nothing was changed" in asked.stderr
    assert names(cli)["acme"]["people"] == before
    done = cli("workspace delete acme", input="y\n")
    assert done.exit_code == 0, done.output
    assert f"{before} people" in done.stdout and "removed" in done.stdout
    assert list(names(cli)) == ["default"]
    assert names(cli)["default"]["people"] == 1
    assert "customer interviews" in cli("journal list").stdout
    # A new workspace of the same name starts empty.
    assert cli("workspace create acme").exit_code == 0
    assert cli("-w acme people list --json").stdout.count('"name"') == 0


def test_the_default_workspace_cannot_be_deleted(cli: Cli) -> None:
    assert cli("people add 'Ana Okafor'").exit_code == 0
    assert cli("workspace rename default mine").exit_code == 0
    for name in ["mine"]:
        result = cli(["workspace", "delete", name, "--yes"])
        assert result.exit_code == 2
        assert "default workspace, which cannot be deleted" in result.stderr
    missing = cli("workspace delete nope --yes")
    assert missing.exit_code == 3 and "no workspace 'nope'" in missing.stderr
    assert "Ana Okafor" in cli("people list").stdout


def test_a_deleted_workspace_is_gone_from_the_database_file_and_its_log(
    cli_sqlite: Cli, tmp_path: Path
) -> None:
    secret = "Quixote-Marwick"
    assert cli_sqlite("workspace create client").exit_code == 0
    assert cli_sqlite(f"-w client people add 'Zelda {secret}'").exit_code == 0
    assert cli_sqlite(f"-w client journal add 'lunch with {secret}s' --energy 1").exit_code == 0
    files = [tmp_path / "cli.db", tmp_path / "cli.db-wal"]

    def traces() -> list[str]:
        return [p.name for p in files if p.exists() and secret.encode() in p.read_bytes()]

    assert traces() != []
    assert cli_sqlite("workspace delete client --yes").exit_code == 0
    assert traces() == []


def test_a_workspace_is_found_in_any_letter_case(cli: Cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """No two names differ only in case, so `-w acme` (or NEXTMOVE_WORKSPACE=ACME) is "Acme"
    — not "no workspace 'acme'" and commands refused."""
    assert cli("workspace create Acme").exit_code == 0
    added = cli("-w acme people add 'Ana Okafor'")
    assert added.exit_code == 0, added.output
    listed = names(cli, "--workspace", "ACME")
    assert listed["Acme"]["current"] is True and listed["Acme"]["people"] == 1
    assert "No workspace is called" not in cli("-w acme workspace list").stdout
    monkeypatch.setenv("NEXTMOVE_WORKSPACE", "aCmE")
    assert "Ana Okafor" in cli("people list").stdout
    monkeypatch.delenv("NEXTMOVE_WORKSPACE")
    assert cli("workspace rename acme Acme-2027").exit_code == 0
    assert list(names(cli)) == ["default", "Acme-2027"]


def test_a_name_with_accents_is_refused_with_a_name_that_would_do(cli: Cli) -> None:
    result = cli(["workspace", "create", "Zoë Müller"])
    assert result.exit_code == 2
    assert "no spaces or accents" in result.stderr and "Zoe-Muller" in result.stderr
    assert cli("workspace create Zoe-Muller").exit_code == 0


def test_a_server_account_s_workspace_cannot_be_deleted_from_under_it(cli: Cli) -> None:
    """On a server database, a workspace that is an account's own is refused with what to do
    (it was "internal error", exit 70, from the account's foreign key); nothing is removed."""
    from nextmove.services import accounts
    from nextmove.store.db import Database

    database = Database.open(cli.url or "")
    try:
        made = accounts.create_account(
            database, email="bo@example.org", name="Bo", role="member",
            password="a long passphrase", now=NOW,
        )  # fmt: skip
    finally:
        database.dispose()
    assert cli("-w bo@example.org people add 'Cy Ng'").exit_code == 0
    refused = cli("workspace delete bo@example.org --yes")
    assert refused.exit_code == 2 and "Traceback" not in refused.output
    assert "the workspace of the account bo@example.org" in refused.stderr
    assert "nextmove admin disable bo@example.org" in refused.stderr
    listed = names(cli)["bo@example.org"]
    assert listed["id"] == made.workspace_id and listed["people"] == 1
