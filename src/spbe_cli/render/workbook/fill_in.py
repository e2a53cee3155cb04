"""`spbe init --format xlsx`: the fill-in workbook, an assessment workbook with empty levels.

The same workbook `spbe score -f xlsx` writes for one file, so there is one layout to document
and to read back; what `--from` carries over (levels, explanations, evidence) is simply filled in.
"""

from __future__ import annotations

from spbe_cli.core.scoring import score
from spbe_cli.model.assessment import Assessment, Entry
from spbe_cli.model.rubric import Rubric
from spbe_cli.render.template import InitOptions
from spbe_cli.render.workbook.assessment import assessment_workbook


def fill_in_workbook(rubric: Rubric, options: InitOptions) -> bytes:
    previous = options.previous.entries if options.previous else {}
    entries: dict[str, int | Entry | None] = {}
    for ind in rubric.indicators:
        carried = previous.get(ind.key)
        if carried is None:
            entries[ind.key] = Entry()
        else:
            entries[ind.key] = Entry(carried.level, carried.penjelasan, list(carried.bukti_dukung))
    assessment = Assessment(
        rubrik=options.rubric_ref,
        instansi=options.agency,
        tahun=options.year,
        indikator=entries,
        tahap=rubric.default_stage,
    )
    return assessment_workbook(score(rubric, assessment), options.lang)
