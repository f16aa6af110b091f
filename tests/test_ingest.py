"""Reading and refusing input: decoding, size, binary, language."""

from __future__ import annotations

import pytest

from newsbrief.errors import InputError
from newsbrief.ingest import decode_bytes, read_text_file, validate_text

ENGLISH = (
    "The council voted on Tuesday to close the ferry line, and the union said it would "
    "strike next month unless the decision was reversed by the mayor and her colleagues."
)


def test_ingest_decode_drops_bom_and_keeps_crlf():
    text, warnings = decode_bytes(b"\xef\xbb\xbfOne line.\r\nTwo lines.", "f.txt")
    assert text == "One line.\r\nTwo lines."
    assert warnings == []


def test_ingest_decode_invalid_utf8_is_replaced_with_a_warning():
    text, warnings = decode_bytes("caf\u00e9 is open. ".encode("latin-1") * 3, "menu.txt")
    assert "\ufffd" in text
    assert len(warnings) == 1 and "menu.txt" in warnings[0] and "W001" in warnings[0]


def test_ingest_decode_refuses_binary():
    with pytest.raises(InputError) as info:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.png")
    assert info.value.code == "E002" and "photo.png" in str(info.value)


def test_ingest_decode_refuses_mostly_undecodable_bytes():
    with pytest.raises(InputError) as info:
        decode_bytes(bytes(range(128, 256)) * 20, "blob.bin")
    assert info.value.code == "E002"


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_ingest_validate_refuses_empty(text):
    with pytest.raises(InputError) as info:
        validate_text(text, "empty.txt")
    assert info.value.code == "E001" and "empty.txt" in str(info.value)


def test_ingest_validate_refuses_too_large():
    with pytest.raises(InputError) as info:
        validate_text(ENGLISH * 10, "big.txt", max_chars=100)
    assert info.value.code == "E003"
    assert "limit is 100" in str(info.value)


def test_ingest_validate_refuses_control_characters():
    with pytest.raises(InputError) as info:
        validate_text("abc\x01\x02\x03def\x04\x05" * 20, "ctrl.txt")
    assert info.value.code == "E002"


def test_ingest_validate_refuses_non_english():
    german = (
        "Der Stadtrat hat am Dienstag beschlossen, die Fährlinie zu schließen. Die Gewerkschaft "
        "kündigte einen Streik im nächsten Monat an, falls der Beschluss nicht zurückgenommen wird. "
        "Bürgermeisterin Okafor sprach von einer schweren Entscheidung für alle Beteiligten."
    )
    with pytest.raises(InputError) as info:
        validate_text(german, "de.txt")
    assert info.value.code == "E007"
    validate_text(german, "de.txt", check_language=False)  # the check can be turned off


def test_ingest_validate_accepts_english():
    validate_text(ENGLISH, "ok.txt")


def test_ingest_read_text_file_errors(tmp_path):
    with pytest.raises(InputError) as missing:
        read_text_file(tmp_path / "nope.txt")
    assert missing.value.code == "E004"
    with pytest.raises(InputError) as directory:
        read_text_file(tmp_path)
    assert directory.value.code == "E005"


def test_ingest_read_text_file_reads_bytes_exactly(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Line one.\r\n\u201cQuoted,\u201d she said.\r\n".encode())
    article = read_text_file(path)
    assert article.text == "Line one.\r\n\u201cQuoted,\u201d she said.\r\n"
    assert article.source == str(path)
