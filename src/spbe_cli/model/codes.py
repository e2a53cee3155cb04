"""Problem codes as typed constants: a misspelt code is caught where it is written, not by a user.

A code is what a user searches for and what CI filters on (`error[SPBE103]`), so it never changes
once released. A member's value is the code itself and `Code` is a `StrEnum`: a member compares,
hashes, formats and serialises (JSON, CSV, XML, TOML) exactly like the plain string, so it is the
key of its message in `spbe_cli.messages` (rubric codes in messages/rubric.py, and so on by
hundreds). Only PyYAML's safe_dump refuses an enum: give it `code.value`.
A test checks that every member has a message in both languages and every code message a member.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    # SPBE0xx: a file as a whole, before its content is looked at (messages/files.py)
    SPBE001 = "SPBE001"  # cannot be read
    SPBE002 = "SPBE002"  # a folder, not a file
    SPBE003 = "SPBE003"  # too large
    SPBE004 = "SPBE004"  # not UTF-8
    SPBE005 = "SPBE005"  # invalid YAML/JSON/TOML syntax
    SPBE006 = "SPBE006"  # a key appears twice
    SPBE007 = "SPBE007"  # a YAML tag
    SPBE008 = "SPBE008"  # empty
    SPBE009 = "SPBE009"  # too deep or too large a structure
    SPBE010 = "SPBE010"  # unknown file type
    SPBE011 = "SPBE011"  # a tab used for indentation
    # untrusted input (issue 13)
    SPBE012 = "SPBE012"  # half a surrogate pair (a JSON escape), which no output can write
    SPBE013 = "SPBE013"  # not a regular file (a FIFO, device or socket), never opened

    # SPBE03x: a workbook (.xlsx) as a whole, before its cells are validated (messages/files.py)
    SPBE030 = "SPBE030"  # not a workbook that can be read (not a zip, malformed XML)
    SPBE031 = "SPBE031"  # unpacks beyond the limits (a zip bomb)
    SPBE032 = "SPBE032"  # not an spbe workbook (no marker sheet)
    SPBE033 = "SPBE033"  # an spbe output workbook, not an assessment
    SPBE034 = "SPBE034"  # written by a newer spbe (format version)
    SPBE035 = "SPBE035"  # a formula in a cell spbe reads
    SPBE036 = "SPBE036"  # an error value (#N/A) in a cell spbe reads
    SPBE037 = "SPBE037"  # a macro-enabled workbook (.xlsm)
    SPBE038 = "SPBE038"  # a sheet named by the marker is missing
    SPBE039 = "SPBE039"  # an indicator row without its id

    # SPBE1xx: an assessment's content (messages/assessment.py)
    SPBE100 = "SPBE100"  # not a mapping
    SPBE101 = "SPBE101"  # an indicator not in the rubric
    SPBE102 = "SPBE102"  # a level outside the rubric's range
    SPBE103 = "SPBE103"  # a level that is not a whole number
    SPBE104 = "SPBE104"  # indicators not filled in
    SPBE105 = "SPBE105"  # an unknown key
    SPBE106 = "SPBE106"  # a value of the wrong type
    SPBE107 = "SPBE107"  # a required field missing
    SPBE108 = "SPBE108"  # an unknown rubric
    SPBE109 = "SPBE109"  # a value not among the allowed ones
    SPBE110 = "SPBE110"  # an invalid indicator id
    SPBE111 = "SPBE111"  # the rubric named has problems of its own
    # untrusted input (issue 13)
    SPBE112 = "SPBE112"  # a control or bidi character in a text field
    SPBE113 = "SPBE113"  # a `rubrik:` path leading outside the allowed folders
    SPBE114 = "SPBE114"  # too many entries in a mapping or list
    SPBE115 = "SPBE115"  # a `tahun` that is not a plausible year
    SPBE116 = "SPBE116"  # a problem of the rubric named, its details withheld

    # SPBE14x: `spbe convert` (messages/assessment.py)
    SPBE140 = "SPBE140"  # text the target format cannot hold exactly

    # SPBE2xx: a rubric file (messages/rubric.py)
    SPBE201 = "SPBE201"  # weights do not add up
    SPBE202 = "SPBE202"  # an id used twice
    SPBE203 = "SPBE203"  # a group without indicators
    SPBE204 = "SPBE204"  # invalid predicate bands
    SPBE205 = "SPBE205"  # a scale that does not name every level
    SPBE206 = "SPBE206"  # an unknown scale
    SPBE207 = "SPBE207"  # not an exact number
    SPBE208 = "SPBE208"  # levels.min not below levels.max
    SPBE209 = "SPBE209"  # both or neither of domains/aspects
    SPBE210 = "SPBE210"  # rounding.decimals outside 0-10
    SPBE211 = "SPBE211"  # an indicator weight of 0 or less
    SPBE212 = "SPBE212"  # criteria for a level outside the range
    SPBE213 = "SPBE213"  # a blank id, or spaces around it
    SPBE214 = "SPBE214"  # a scale level without a name
    SPBE215 = "SPBE215"  # the rubric file is not a mapping
    SPBE216 = "SPBE216"  # good_from names no band
    SPBE217 = "SPBE217"  # evidence_from_level outside the levels
    SPBE218 = "SPBE218"  # stages or agency_kinds an empty list
    SPBE219 = "SPBE219"  # a stage or agency kind blank or with spaces around it
    SPBE220 = "SPBE220"  # a stage or agency kind listed twice
    # untrusted input (issue 13)
    SPBE221 = "SPBE221"  # too many levels (levels.max - levels.min too large)
    SPBE222 = "SPBE222"  # an id written with digits other than 0-9
    SPBE223 = "SPBE223"  # a control or bidi character in a rubric's text

    # SPBE35x: `spbe validate` warnings, errors with --strict (messages/validate.py)
    SPBE351 = "SPBE351"  # a claim without `penjelasan`
    SPBE352 = "SPBE352"  # a claim without `bukti_dukung`
    SPBE353 = "SPBE353"  # a `tahun` in the future
    SPBE354 = "SPBE354"  # a `tahun` outside the rubric's era
    SPBE355 = "SPBE355"  # an agency name that differs within a folder

    # SPBE36x: thresholds per file in `spbe validate` (messages/validate.py)
    SPBE361 = "SPBE361"  # below --fail-under
    SPBE362 = "SPBE362"  # below --min-predicate

    # SPBE6xx: the costs file of `spbe plan` (messages/plan.py)
    SPBE601 = "SPBE601"  # not a mapping
    SPBE602 = "SPBE602"  # a cost that is not an exact non-negative number
    SPBE603 = "SPBE603"  # a cost list of the wrong length
