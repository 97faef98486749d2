"""NIP (PNS) and NI PPPK validation: which part is wrong is said in the message."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from portal.nip import normalise, problems

TODAY = dt.date(2026, 11, 28)


def test_valid_pns_nip_from_the_circular_example_is_accepted():
    assert problems("19680411 199303 1 009", "PNS", TODAY) == []


def test_valid_ni_pppk_with_agreement_code_24_is_accepted():
    # Digits 13–14 of an NI PPPK are an agreement code, not a month (docs/glossary.md).
    assert problems("19900913 2025 24 2 014", "PPPK", TODAY) == []


def test_pppk_number_is_refused_as_pns_because_24_is_not_a_month():
    found = problems("199009132025242014", "PNS", TODAY)
    assert any("Digit 13–14" in message and "bulan" in message for message in found)


def test_wrong_length_says_18_digits():
    assert problems("1968041119930310", "PNS", TODAY) == ["NIP harus 18 digit angka (tertulis 16 karakter)."]


def test_letters_are_refused():
    assert "18 digit" in problems("19680411199303100A", "PNS", TODAY)[0]


def test_impossible_birth_date_is_named():
    found = problems("196802301993031009", "PNS", TODAY)
    assert any("tanggal lahir 19680230" in message for message in found)


def test_gender_digit_must_be_1_or_2():
    found = problems("196804111993033009", "PNS", TODAY)
    assert found == ["Digit 15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan)."]


def test_sequence_000_is_refused():
    assert any("nomor urut" in m for m in problems("196804111993031000", "PNS", TODAY))


def test_appointment_before_age_17_is_refused():
    assert any("Digit 9–12" in m for m in problems("196804111975031009", "PNS", TODAY))


def test_spaces_and_dots_are_ignored():
    assert normalise(" 19680411.199303 1-009 ") == "196804111993031009"


@given(
    birth=st.dates(dt.date(1960, 1, 1), dt.date(2000, 12, 31)),
    offset=st.integers(18, 25),
    month=st.integers(1, 12),
    gender=st.sampled_from("12"),
    seq=st.integers(1, 999),
)
def test_every_well_formed_pns_nip_is_accepted(birth, offset, month, gender, seq):
    nip = f"{birth:%Y%m%d}{birth.year + offset:04d}{month:02d}{gender}{seq:03d}"
    assert problems(nip, "PNS", TODAY) == []


@given(st.text(max_size=40))
def test_arbitrary_text_never_crashes(text):
    assert isinstance(problems(text, "PNS", TODAY), list)
    assert isinstance(problems(text, "PPPK", TODAY), list)
