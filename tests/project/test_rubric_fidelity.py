"""The bundled rubrics say what their sources say: 59/2020's level criteria, level by level.

Each of the 47 indicators of PermenPANRB 59/2020 gets one key phrase per level, taken verbatim from
the regulation's questionnaire (Lampiran, part E: "Kuesioner Pemantauan dan Evaluasi SPBE") at that
level and chosen so that it appears in no other level's criterion of the same indicator. A
criterion moved one level up or down (as indicator 3's once were) loses its phrase at its own level
and the test names the indicator and level. Phrases are compared lowercased, punctuation dropped,
so the rubric may condense a criterion as long as the key words stay the regulation's.

How the table was made: the regulation text (PermenPANRB 59/2020, as kept beside the project's
reference facts) was split into indicators and levels, and for every level the shortest run of
words shared by the rubric's criterion and the regulation's, and absent from the indicator's other
levels, was taken; indicator 3's phrases are the ones the regulation puts at levels 3 and 4.
"""

from __future__ import annotations

import re

import pytest
from conftest import bundled

from spbe_cli.model.rubric import Rubric

KEY_PHRASES = {
    1: (
        "kebijakan internal terkait arsitektur spbe",
        "belum memuat",
        "terpenuhi dan kebijakan internal arsitektur spbe",
        "telah mengatur integrasi spbe antar",
        "spbe telah ditindaklanjuti dengan kebijakan",
    ),
    2: (
        "kebijakan internal terkait peta rencana",
        "belum mengatur muatan",
        "telah mengatur seluruh muatan peta",
        "telah direviu dan dievaluasi secara",
        "evaluasi kebijakan internal peta rencana",
    ),
    3: (
        "kebijakan internal terkait manajemen data",
        "manajemen data di instansi pusat/pemerintah daerah telah ditetapkan",
        "hanya mengatur sebagian dari rangkaian proses",
        "telah mengatur seluruh rangkaian proses",
        "evaluasi kebijakan internal manajemen data",
    ),
    4: (
        "instansi pusat/pemerintah daerah belum atau",
        "telah mengatur siklus pembangunan aplikasi",
        "siklus pembangunan aplikasi spbe dengan",
        "mengatur keterpaduan dan pengendalian pembangunan",
        "evaluasi kebijakan internal pembangunan aplikasi",
    ),
    5: (
        "instansi pusat/pemerintah daerah belum atau",
        "layanan pusat data untuk sebagian",
        "layanan pusat data untuk seluruh",
        "dengan pusat data nasional dan/atau",
        "telah ditindaklanjuti dengan kebijakan baru",
    ),
    6: (
        "intra instansi pusat/pemerintah daerah belum",
        "layanan jaringan intra untuk sebagian",
        "layanan jaringan intra untuk seluruh",
        "dengan jaringan intra pemerintah dan/atau",
        "telah ditindaklanjuti dengan kebijakan baru",
    ),
    7: (
        "layanan instansi pusat/pemerintah daerah belum",
        "untuk sebagian unit kerja/perangkat daerah",
        "penggunaan sistem penghubung layanan untuk",
        "mengatur keterhubungan dengan sistem penghubung",
        "telah ditindaklanjuti dengan kebijakan baru",
    ),
    8: (
        "manajemen keamanan informasi belum atau",
        "manajemen keamanan informasi telah ditetapkan",
        "mengatur seluruh cakupan manajemen keamanan",
        "untuk seluruh unit kerja/perangkat daerah",
        "manajemen keamanan informasi telah ditindaklanjuti",
    ),
    9: (
        "konsep kebijakan internal terkait audit tik",
        "internal audit tik telah ditetapkan",
        "telah mengatur pelaksanaan seluruh audit",
        "terkait audit tik telah direviu",
        "audit tik telah ditindaklanjuti dengan",
    ),
    10: (
        "spbe instansi pusat/pemerintah daerah belum",
        "mendukung penerapan spbe pada sebagian",
        "mendukung penerapan spbe pada seluruh",
        "mendukung penerapan spbe antar instansi",
        "telah ditindaklanjuti dengan kebijakan baru",
    ),
    11: (
        "konsep dokumen arsitektur spbe",
        "dokumen arsitektur spbe telah tersedia",
        "dokumen arsitektur spbe telah mencakup",
        "telah berpedoman pada arsitektur spbe",
        "sebagai tindak lanjut hasil reviu",
    ),
    12: (
        "konsep dokumen peta rencana spbe",
        "peta rencana spbe telah tersedia",
        "peta rencana spbe telah mencakup",
        "melalui rencana kerja dan anggaran",
        "sebagai tindak lanjut hasil reviu",
    ),
    13: (
        "rencana dan anggaran spbe belum",
        "unit kerja/perangkat daerah tidak seluruhnya",
        "spbe unit kerja/perangkat daerah telah",
        "terpenuhi seluruh rencana dan anggaran",
        "terpenuhi serta rencana dan anggaran",
    ),
    14: (
        "belum atau telah tersedia",
        "terpenuhi dan dokumen proses bisnis",
        "sebagai bentuk inovasi proses bisnis",
        "terpenuhi inovasi proses bisnis telah",
        "sebagai tindak lanjut hasil reviu",
    ),
    15: (
        "pembangunan aplikasi spbe belum atau",
        "pembangunan aplikasi spbe telah dilakukan",
        "pembangunan aplikasi spbe telah dikonsultasikan",
        "terpadu dan dapat dikendalikan oleh",
        "perubahan lingkungan teknologi dan kebutuhan",
    ),
    16: (
        "layanan pusat data belum atau",
        "layanan pusat data tidak/belum digunakan",
        "terdapat prosedur pengoperasian baku layanan",
        "lain dan/atau penggunaan layanan pusat",
        "hasil reviu dan evaluasi penggunaan",
    ),
    17: (
        "intra instansi pusat/pemerintah daerah belum",
        "tidak/belum diterapkan di seluruh unit",
        "terpenuhi dan layanan jaringan intra",
        "dengan jaringan intra pemerintah dan/atau",
        "hasil reviu dan evaluasi layanan",
    ),
    18: (
        "daerah belum atau telah tersedia",
        "tidak/belum diterapkan di seluruh unit",
        "terpenuhi dan sistem penghubung layanan",
        "direviu dan dievaluasi secara periodik",
        "hasil reviu dan evaluasi sistem",
    ),
    19: (
        "dilaksanakan sewaktu-waktu atau tanpa perencanaan",
        "dilaksanakan sesuai perencanaan",
        "belum dikomunikasikan/dikoordinasikan kepada semua unit",
        "telah dikomunikasikan/dikoordinasikan kepada semua unit",
        "telah ditindaklanjuti melalui perbaikan tugas/program",
    ),
    20: (
        "daerah dalam penerapan spbe belum",
        "tidak dibentuk secara formal",
        "dilaksanakan oleh tim yang dibentuk",
        "menteri/kepala lembaga/kepala daerah atau",
        "telah ditindaklanjuti melalui perbaikan pelaksanaan",
    ),
    21: (
        "kegiatan manajemen risiko spbe belum",
        "manajemen risiko spbe diterapkan dengan",
        "manajemen risiko spbe telah dilaksanakan",
        "direviu dan dievaluasi secara periodik",
        "hasil reviu dan evaluasi manajemen",
    ),
    22: (
        "belum atau telah tersedia dalam",
        "pengendalian keamanan informasi telah tersedia",
        "informasi telah dilaksanakan pada seluruh",
        "dilakukan melalui strategi keamanan informasi",
        "ditindaklanjuti melalui perbaikan penerapan proses",
    ),
    23: (
        "kegiatan manajemen data belum atau",
        "manajemen data diterapkan dengan program",
        "data data induk data referensi",
        "strategi pengelolaan data yang ditetapkan",
        "hasil reviu dan evaluasi manajemen",
    ),
    24: (
        "kegiatan manajemen aset tik belum",
        "manajemen aset tik diterapkan dengan",
        "manajemen aset tik telah dilaksanakan",
        "melalui strategi pengelolaan aset tik",
        "hasil reviu dan evaluasi manajemen",
    ),
    25: (
        "tanpa perencanaan sumber daya manusia",
        "terpenuhi dan pemenuhan kompetensi",
        "terpenuhi dan kompetensi sumber daya",
        "terpenuhi peningkatan dan penilaian kompetensi",
        "melalui perbaikan perencanaan dan pemenuhan",
    ),
    26: (
        "manajemen pengetahuan spbe belum atau",
        "tanpa pedoman di instansi pusat/pemerintah",
        "terpenuhi manajemen pengetahuan spbe",
        "terpenuhi semua unit kerja/perangkat daerah",
        "ditindaklanjuti melalui perbaikan manajemen pengetahuan",
    ),
    27: (
        "kegiatan manajemen perubahan spbe belum",
        "manajemen perubahan spbe dilaksanakan dengan",
        "manajemen perubahan spbe dilaksanakan oleh",
        "kegiatan manajemen perubahan spbe telah",
        "hasil reviu dan evaluasi telah",
    ),
    28: (
        "manajemen layanan spbe belum atau",
        "manajemen layanan spbe dilaksanakan dengan",
        "manajemen layanan spbe dilaksanakan pada",
        "telah dilakukan reviu dan evaluasi",
        "hasil reviu dan evaluasi telah",
    ),
    29: (
        "kegiatan audit infrastruktur spbe belum",
        "tanpa pedoman audit infrastruktur",
        "oleh auditor tik/sistem informasi internal",
        "oleh auditor tik/sistem informasi eksternal",
        "terpenuhi dan hasil audit infrastruktur",
    ),
    30: (
        "kegiatan audit aplikasi spbe belum",
        "tanpa pedoman audit aplikasi spbe",
        "oleh auditor tik/sistem informasi internal",
        "oleh auditor tik/sistem informasi eksternal",
        "terpenuhi dan hasil audit aplikasi",
    ),
    31: (
        "kegiatan audit keamanan spbe belum",
        "tanpa pedoman audit keamanan",
        "auditor tik/sistem keamanan informasi internal",
        "auditor tik/sistem keamanan informasi eksternal",
        "terpenuhi dan hasil audit keamanan",
    ),
    32: (
        "berbasis elektronik hanya memberikan layanan",
        "memberikan layanan interaksi terkait perencanaan",
        "memberikan layanan transaksi kepada pengguna",
        "memberikan layanan kolaborasi dengan layanan",
        "berdasarkan hasil reviu dan evaluasi",
    ),
    33: (
        "layanan penganggaran berbasis elektronik hanya",
        "memberikan layanan interaksi terkait penganggaran",
        "memberikan layanan transaksi kepada pengguna",
        "memberikan layanan kolaborasi dengan layanan",
        "berdasarkan hasil reviu dan evaluasi",
    ),
    34: (
        "layanan keuangan berbasis elektronik hanya",
        "memberikan layanan interaksi terkait keuangan",
        "memberikan layanan transaksi kepada pengguna",
        "memberikan layanan kolaborasi dengan layanan",
        "berdasarkan hasil reviu dan evaluasi",
    ),
    35: (
        "jasa berbasis elektronik hanya memberikan",
        "memberikan layanan interaksi terkait pengadaan",
        "memberikan layanan transaksi kepada pengguna",
        "memberikan layanan kolaborasi dengan layanan",
        "berdasarkan hasil reviu dan evaluasi",
    ),
    36: (
        "layanan kepegawaian berbasis elektronik hanya",
        "memberikan layanan interaksi terkait kepegawaian",
        "memberikan layanan transaksi kepada pengguna",
        "memberikan layanan kolaborasi dengan layanan",
        "berdasarkan hasil reviu dan evaluasi",
    ),
    37: (
        "kearsipan dinamis berbasis elektronik hanya",
        "memberikan layanan interaksi terkait kearsipan",
        "memberikan layanan transaksi kepada pengguna",
        "memberikan layanan kolaborasi dengan layanan",
        "berdasarkan hasil reviu dan evaluasi",
    ),
    38: (
        "milik negara/daerah berbasis elektronik hanya",
        "memberikan layanan interaksi terkait pengelolaan",
        "memberikan layanan transaksi kepada pengguna",
        "memberikan layanan kolaborasi dengan layanan",
        "berdasarkan hasil reviu dan evaluasi",
    ),
    39: (
        "internal pemerintah berbasis elektronik hanya",
        "memberikan layanan interaksi terkait pengawasan",
        "memberikan layanan transaksi kepada pengguna",
        "memberikan layanan kolaborasi dengan layanan",
        "berdasarkan hasil reviu dan evaluasi",
    ),
    40: (
        "berbasis elektronik hanya memberikan layanan",
        "memberikan layanan interaksi terkait akuntabilitas",
        "memberikan layanan transaksi kepada pengguna",
        "memberikan layanan kolaborasi dengan layanan",
        "berdasarkan hasil reviu dan evaluasi",
    ),
    41: (
        "kinerja pegawai berbasis elektronik hanya",
        "memberikan layanan interaksi terkait kinerja",
        "memberikan layanan transaksi kepada pengguna",
        "memberikan layanan kolaborasi dengan layanan",
        "berdasarkan hasil reviu dan evaluasi",
    ),
    42: (
        "pelayanan publik berbasis elektronik hanya",
        "memberikan layanan interaksi terkait pengaduan",
        "memberikan layanan transaksi kepada pengguna",
        "memberikan layanan kolaborasi dengan layanan",
        "berdasarkan hasil reviu dan evaluasi",
    ),
    43: (
        "data terbuka berbasis elektronik hanya",
        "memberikan layanan interaksi terkait data",
        "memberikan layanan transaksi kepada pengguna",
        "memberikan layanan kolaborasi dengan layanan",
        "berdasarkan hasil reviu dan evaluasi",
    ),
    44: (
        "informasi hukum berbasis elektronik hanya",
        "memberikan layanan interaksi terkait jaringan",
        "memberikan layanan transaksi kepada pengguna",
        "memberikan layanan kolaborasi dengan layanan",
        "berdasarkan hasil reviu dan evaluasi",
    ),
    45: (
        "publik sektoral berbasis elektronik hanya",
        "memberikan layanan interaksi terkait publik",
        "memberikan layanan transaksi kepada pengguna",
        "memberikan layanan kolaborasi dengan layanan",
        "berdasarkan hasil reviu dan evaluasi",
    ),
    46: (
        "publik sektoral berbasis elektronik hanya",
        "memberikan layanan interaksi terkait publik",
        "memberikan layanan transaksi kepada pengguna",
        "memberikan layanan kolaborasi dengan layanan",
        "berdasarkan hasil reviu dan evaluasi",
    ),
    47: (
        "publik sektoral berbasis elektronik hanya",
        "memberikan layanan interaksi terkait publik",
        "memberikan layanan transaksi kepada pengguna",
        "memberikan layanan kolaborasi dengan layanan",
        "berdasarkan hasil reviu dan evaluasi",
    ),
}
"""Indicator id -> one phrase per level 1..5, verbatim from the regulation at that level."""


def _words(text: str) -> str:
    return " ".join(re.findall(r"[\w/()-]+", text.lower()))


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return bundled("permenpanrb-59-2020")


def test_every_indicator_and_level_has_a_phrase(rubric: Rubric) -> None:
    assert sorted(KEY_PHRASES) == [int(i.key) for i in rubric.indicators]
    assert all(len(phrases) == 5 for phrases in KEY_PHRASES.values())


@pytest.mark.parametrize("ident", sorted(KEY_PHRASES))
def test_criteria_sit_at_the_regulations_levels(rubric: Rubric, ident: int) -> None:
    indicator = rubric.by_key[str(ident)]
    criteria = {level: _words(indicator.criteria[level]) for level in range(1, 6)}
    for level, phrase in enumerate(KEY_PHRASES[ident], start=1):
        assert phrase in criteria[level], f"indicator {ident}, level {level}: {phrase!r}"
        others = [n for n, text in criteria.items() if n != level and phrase in text]
        assert not others, f"indicator {ident}: {phrase!r} also at level(s) {others}"


def test_indicator_3_is_not_shifted(rubric: Rubric) -> None:
    """The issue's case: partial rules at level 3, all of them at 4, no invented review at 4."""
    criteria = rubric.by_key["3"].criteria
    assert "hanya mengatur sebagian" in criteria[3]
    assert "mengatur seluruh rangkaian" in criteria[4]
    assert "direviu" not in criteria[4]
    assert criteria[2].endswith("telah ditetapkan.")


def test_every_59_2020_indicator_name_is_a_maturity_level(rubric: Rubric) -> None:
    assert all(i.name.startswith("Tingkat Kematangan ") for i in rubric.indicators)


def test_5_2018_service_level_1_is_the_workbooks_dissemination() -> None:
    rubric = bundled("permenpanrb-5-2018")
    service = rubric.by_key["25"]  # Layanan Naskah Dinas, a service indicator
    assert service.level_name(1) == "Diseminasi (penyebaran satu arah)"
    assert service.level_name(2) == "Interaksi"
    assert rubric.era == "2018-2020"


def test_pemdi_levels_and_names_follow_the_digests() -> None:
    rubric = bundled("pemdi-8-2026")
    names = [rubric.indicators[0].level_name(n) for n in range(1, 6)]
    assert names == ["Merintis", "Membangun", "Berkembang", "Melembaga", "Unggul"]
    prefixed = [int(i.key) for i in rubric.indicators if i.name.startswith("Tingkat Kematangan ")]
    assert prefixed == list(range(1, 15))
    assert rubric.provisional
