"""Key errors, revocation refusals and verification details come out in Spanish once
the window's translator is in use, built from resources/i18n/es/domain-credentials.ts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer_app.credentials import badge_image, keys
from reviewer_app.credentials.revoke import RevokeError, revoke
from reviewer_app.credentials.verify import verify_bytes
from reviewer_app.storage.datafolder import DataFolder

FAST = keys.KdfParams(memory_kib=1024, iterations=1, lanes=1)


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "ed25519-1.key"
    keys.write_private_key(
        path, keys.generate_ed25519(), "right one", key_id="ed25519-1", kdf_params=FAST
    )
    return path


def test_a_wrong_passphrase_is_told_in_spanish(key_file: Path, spanish: object) -> None:
    with pytest.raises(keys.WrongPassphrase) as caught:
        keys.read_private_key(key_file, "wrong one")
    assert str(caught.value).startswith(
        'La frase de contraseña no es correcta para la clave de firma "ed25519-1" (ed25519-1.key).'
    )


def test_a_damaged_key_file_is_told_in_spanish(key_file: Path, spanish: object) -> None:
    document = json.loads(key_file.read_text(encoding="utf-8"))
    document["kind"] = "rsa"  # an edit the checksum catches
    key_file.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(keys.KeyFileError) as caught:
        keys.read_private_key(key_file, "right one")
    assert str(caught.value) == (
        f"El archivo de clave {key_file} está dañado: su contenido no coincide con su suma "
        "de comprobación (se modificó después de escribirse)."
    )


def test_a_revocation_without_a_reason_is_refused_in_spanish(
    folder: DataFolder, spanish: object
) -> None:
    with pytest.raises(RevokeError, match=r"^Indique por qué se revoca la credencial"):
        revoke(folder, "FAP-1", "  ", actor="lead")


def test_verification_details_are_in_spanish(spanish: object) -> None:
    plain = verify_bytes(
        badge_image.plain_badge_png("Families as Partners"), "b.png", lambda _: None
    )
    garbage = verify_bytes(b"hello", "hello.txt", lambda _: None)
    # The check names stay identifiers: the window translates them itself.
    assert [(c.name, c.ok, c.detail) for c in plain.checks] == [
        ("format", False, "el PNG no tiene ninguna credencial incrustada")
    ]
    assert [(c.name, c.detail) for c in garbage.checks] == [
        ("format", "no es una credencial: no es JSON ni un JWT/JWS")
    ]


def test_without_the_translator_the_messages_stay_english(key_file: Path) -> None:
    with pytest.raises(keys.WrongPassphrase, match=r"^The passphrase is not right"):
        keys.read_private_key(key_file, "wrong one")
