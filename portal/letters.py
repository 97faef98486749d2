"""Official letters as PDF: surat penugasan, surat usulan, and the like (PB-02, BM-01).

A plugin describes the letter as data (:class:`Letter`) and the core lays it out in one place:
letterhead (kop), number and subject, addressee, paragraphs, the table of assigned employees,
signature and copies (*tembusan*). All text is escaped by the template.
"""

from __future__ import annotations

from dataclasses import dataclass

from portal.reports.model import Signature
from portal.reports.pdf import render_pdf
from portal.reports.signers import place_date as default_place_date

MINISTRY = "KEMENTERIAN PEKERJAAN UMUM DAN PERUMAHAN RAKYAT"


@dataclass(frozen=True)
class LetterPerson:
    """One row of the letter's table of employees."""

    nama: str
    nip: str
    jabatan: str = ""
    unit: str = ""


@dataclass(frozen=True)
class Letter:
    title: str
    number: str
    signer: Signature
    subject: str = ""
    recipient: tuple[str, ...] = ()
    opening: tuple[str, ...] = ()
    people: tuple[LetterPerson, ...] = ()
    closing: tuple[str, ...] = ()
    place_date: str = ""
    copies: tuple[str, ...] = ()
    unit_name: str = ""


def render_letter(letter: Letter) -> bytes:
    """The letter as A4 PDF bytes.

    :raises portal.reports.pdf.PdfError: when the PDF cannot be rendered.
    """
    return render_pdf("letters/letter_pdf.html", letter=letter, ministry=MINISTRY,
                      place_date=letter.place_date or default_place_date())
