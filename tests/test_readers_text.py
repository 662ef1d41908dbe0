"""The .txt reader and the registry in front of every reader: encodings, line ends, refusals."""
from __future__ import annotations

import codecs
import io
import subprocess
import sys
import zipfile

import pytest

from tracker.errors import InputError
from tracker.readers import read
from tracker.readers.text import close_cjk_spaces, decode, join_cjk

POLICY = "一、总体要求\n到2025年，护理型床位占比达到55%以上。\n（一）指导思想。\n"


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "encoding, data",
    [
        ("utf-8", POLICY.encode("utf-8")),
        ("utf-8 with BOM", codecs.BOM_UTF8 + POLICY.encode("utf-8")),
        ("GBK without BOM", POLICY.encode("gbk")),
        ("GB18030 without BOM", (POLICY + "𠀀").encode("gb18030")),
        ("UTF-16 LE with BOM", codecs.BOM_UTF16_LE + POLICY.encode("utf-16-le")),
        ("UTF-16 BE with BOM", codecs.BOM_UTF16_BE + POLICY.encode("utf-16-be")),
    ],
)
def test_txt_is_decoded_from_its_bytes_in_every_supported_encoding(tmp_path, encoding, data):
    raw = read(write(tmp_path, "policy.txt", data))
    assert raw.text.rstrip("𠀀") == POLICY
    assert raw.format == "txt"
    assert not raw.warnings


def test_utf16_without_bom_is_recognised_by_its_nul_bytes():
    text = "Article 1. Measures 2025\n" * 5 + "养老服务"
    decoded, encoding = decode(text.encode("utf-16-le"))
    assert decoded == text and encoding == "utf-16-le"


def test_gbk_text_with_a_misleading_extension_is_still_decoded(tmp_path):
    raw = read(write(tmp_path, "notes.md", POLICY.encode("gbk")))
    assert raw.text == POLICY
    assert raw.encoding == "gb18030"


def test_crlf_and_lone_cr_line_endings_become_newlines(tmp_path):
    data = "第一条　总则\r\n第二条　范围\r第三条　附则\n".encode("utf-8")
    raw = read(write(tmp_path, "mixed.txt", data))
    assert raw.text == "第一条　总则\n第二条　范围\n第三条　附则\n"


def test_nul_bytes_are_removed_with_a_warning(tmp_path):
    raw = read(write(tmp_path, "nul.txt", "养老\x00服务\x00".encode("utf-8")))
    assert raw.text == "养老服务"
    assert raw.warnings == ["removed 2 NUL characters"]


def test_binary_data_with_a_txt_extension_is_one_line_input_error(tmp_path):
    data = bytes(range(256)) * 40
    path = write(tmp_path, "image.txt", data)
    with pytest.raises(InputError) as err:
        read(path)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(str(path)) and "binary" in message


def test_truncated_utf16_is_read_with_replacement_not_a_traceback(tmp_path):
    data = codecs.BOM_UTF16_LE + "养老服务体系建设".encode("utf-16-le") + b"\x41"
    raw = read(write(tmp_path, "cut.txt", data))
    assert raw.text.startswith("养老服务体系建设")


def test_fake_ole2_file_is_refused_as_legacy_or_password_protected(tmp_path):
    path = write(tmp_path, "secret.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    with pytest.raises(InputError) as err:
        read(path)
    assert "password-protected" in str(err.value) and str(path) in str(err.value)
    assert "\n" not in str(err.value)


def test_a_docx_saved_with_a_txt_extension_is_read_as_docx(tmp_path):
    import docx

    doc = docx.Document()
    doc.add_paragraph("第一条　为了规范养老服务，制定本办法。")
    buf = io.BytesIO()
    doc.save(buf)
    raw = read(write(tmp_path, "really-a-docx.txt", buf.getvalue()))
    assert raw.format == "docx"
    assert "第一条　为了规范养老服务" in raw.text


def test_a_zip_that_is_not_a_word_file_is_refused_as_not_docx(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    path = write(tmp_path, "archive.zip.txt", buf.getvalue())
    with pytest.raises(InputError, match=r"is not a valid \.docx \(damaged or not a Word file\)"):
        read(path)


def test_cjk_fragments_join_without_a_space_and_latin_with_one():
    assert join_cjk("基本医", "疗保险") == "基本医疗保险"
    assert join_cjk("到2027", "年年底") == "到2027年年底"
    assert join_cjk("Article", "one") == "Article one"
    assert close_cjk_spaces("相 协 调 、 医 养") == "相协调、医养"
    assert close_cjk_spaces("第一条\u3000为了 ABC 规范") == "第一条\u3000为了 ABC 规范"


def test_importing_the_readers_loads_no_heavy_library():
    code = (
        "import sys, tracker.readers, tracker.readers.text;"
        "print(sorted(m for m in ('docx', 'pdfplumber', 'lxml', 'pdfminer', 'bs4') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_web_page_saved_as_txt_is_read_as_html(tmp_path):
    page = "<!DOCTYPE html>\n<html><body><nav><a href='/'>首页</a></nav><p>第一条　总则。</p></body></html>"
    raw = read(write(tmp_path, "saved-page.txt", page.encode("utf-8")))
    assert raw.format == "html" and raw.text == "第一条　总则。"


def test_a_text_mentioning_html_is_still_text(tmp_path):
    raw = read(write(tmp_path, "notes.txt", "第一条　网页以 <html> 开头。".encode("utf-8")))
    assert raw.format == "txt"


def test_an_unforeseen_reader_failure_is_still_one_line(tmp_path, monkeypatch):
    import tracker.readers.text as text_reader

    def broken(path, data):
        raise KeyError("word/document.xml\nsecond line")

    monkeypatch.setattr(text_reader, "read_text", broken)
    path = write(tmp_path, "a.txt", b"hello")
    with pytest.raises(InputError) as err:
        read(path)
    assert "\n" not in str(err.value) and str(err.value).startswith(f"{path}: could not be read as .txt (KeyError")


def test_a_new_format_is_one_reader_and_one_register_line(tmp_path, monkeypatch):
    from tracker import readers
    from tracker.model import RawText

    def read_plain(path, data: bytes) -> RawText:
        return RawText(text=data.decode("utf-8"), source=str(path), format="plain")

    monkeypatch.setattr(readers, "REGISTRY", dict(readers.REGISTRY))
    readers.register_reader(".plain", read_plain)
    source = tmp_path / "plan.plain"
    source.write_text("一、目标\n护理型床位占比达到55%。\n", encoding="utf-8")
    assert readers.read(source).format == "plain"
    with pytest.raises(ValueError):
        readers.register_reader("PLAIN", read_plain)
