# baocao's messages in English (`--lang en`, or an English LANG).
# Every key here is in vi.ftl too; tests/catalogue.rs checks it.

## Frames of every message
error = error
warning = warning
hint = hint
error-internal = internal error: { $detail } (please report this with the input that caused it)
standard-output = standard output

## Files
io-cannot-read = cannot read { $path }: { $reason }
io-cannot-write = cannot write { $path }: { $reason }
io-cannot-create = cannot create { $path }: { $reason }
io-cannot = cannot { $action } { $path }: { $reason }
io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = it already exists
io-is-a-directory = it is a folder, not a file
io-not-a-directory = a part of the path is not a folder
io-storage-full = the disk is full
io-read-only = the disk is read-only
io-invalid-data = the data is not valid ({ $detail })

## YAML files
yaml-unknown-field = unknown field `{ $field }`; the fields here are: { $known }
yaml-missing-field = missing field `{ $field }`
yaml-invalid-type = invalid type: { $detail }
yaml-invalid-value = invalid value: { $detail }
yaml-unknown-variant = unknown variant `{ $value }`; the values here are: { $known }
yaml-syntax = the YAML cannot be read: { $detail }
yaml-colon-here = a `:` that is not allowed here (a value holding `: ` needs quotes)
yaml-expected-key = a key was expected here (check the indentation)
yaml-expected-colon = a `:` was expected after the key
yaml-unexpected-end = the file ends too early (an unclosed quote or bracket?)
yaml-bad-character = a character that cannot start a value here (a value starting with `@`, `` ` `` or `%` needs quotes)
yaml-tab = a tab in the indentation (indent with spaces)
yaml-expected-value = a value was expected here
yaml-bad-escape = an unknown escape after `\` in a quoted value
yaml-expected-dash = a list item (`- `) was expected here (check the indentation)

## build: progress and summary
build-progress-ok = ok    { $input } -> { $output } ({ $kind }, { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    })
build-progress-fail = FAIL  { $input }
build-warning = warning ({ $reports ->
        [one] { $reports } report
       *[other] { $reports } reports
    }): { $text }
build-not-reports = { $inputs ->
        [one] 1 input does not read as a report of any kind; check it before sending:
       *[other] { $inputs } inputs do not read as a report of any kind; check them before sending:
    }
build-not-report = { "  " }{ $input } (printed as { $kind })
build-written = { $written } of { $reports } reports written to { $dir }
build-pack = pack of the written reports: { $pack }
build-pack-failed = error: the pack { $pack } was not written: { $error }
build-failed = { $failed } failed:
build-pack-empty = no report to put into { $pack }

## The command line: help
cli-about = Typesets Vietnamese articles about a Party committee's work as report PDFs in the official Party format (Hướng dẫn 36-HD/VPTW).
cli-long-about = Typesets Vietnamese articles about a Party committee's work as report PDFs in the official Party format (Hướng dẫn 36-HD/VPTW).

    Messages are in Vietnamese; give --lang en, or an English LANG (such as en_US.UTF-8), for English.
arg-lang = Language of messages: vi (the default) or en [default: en where LANG is English]
cmd-year-end = Year-end report (báo cáo tổng kết năm).
cmd-mid-term = Mid-term review (báo cáo sơ kết giữa nhiệm kỳ).
cmd-quarterly = Quarterly or half-year review (báo cáo quý, sơ kết 6 tháng).
cmd-congress = Branch-congress report (báo cáo kết quả đại hội chi bộ).
cmd-resolution = Resolution-implementation report (báo cáo kết quả thực hiện nghị quyết).
cmd-inspect = Print an article's report data as YAML, to check or edit.
cmd-inspect-long = Print an article's report data as YAML, to check or edit.

    Shows the kind and why, the period, the sections with their input lines, and what was set aside. Edit it and render it with `baocao <kind> data.yaml`.
arg-inspect-input = The article, a UTF-8 text file.
arg-inspect-kind = Map onto this kind instead of the detected one.
cmd-build = Build many reports at once, in parallel.
cmd-build-long = Build many reports at once, in parallel.

    Each input (an article, report data, or a folder of them) becomes <DIR>/<name>.pdf, as the kind detected for the article unless --kind is given. Goes on past bad inputs, lists them at the end, and exits 1 if any failed.
cmd-formats = List the built-in format profiles (--format), their descriptions and sources.
cmd-templates = List the templates and the files they come from.
arg-templates = Folder whose NAME.hbs files replace the built-in templates.
arg-year = The year the report covers (a year-end report's `năm 2021`).
arg-term = The term (`2020-2025`): a congress's, a mid-term review's.
arg-quarter = The quarter reported on: `2021-1` is quý I/2021.
arg-half = The half-year reported on: `2023-1` is 6 tháng đầu năm 2023.
arg-build-inputs = Articles, report data files, or folders of them.
arg-build-output = Folder for the PDFs (created if missing).
arg-build-kind = Render every input as this kind.
arg-build-jobs = Reports built at once [default: one per core; at most 4 per core].
arg-build-date = Report date for every report [default: each article's date].
arg-build-pack = Also write all reports into this one PDF, each keeping its page numbers.
arg-draft = Print a draft for discussion: `DỰ THẢO` on page 1, or with N `Dự thảo lần N`; the number is left blank and the metadata says it is a draft. Put it after the input, or write --draft=N.
arg-no-pdfa = Leave out what makes the file PDF/A-2u (XMP metadata, the sRGB output intent).
arg-no-sign-field = Leave out the empty signature field over the signing space.
arg-render-input = The article (a UTF-8 text file) or report data from `baocao inspect` (.yaml).
arg-render-output = Where to write the PDF [default: <input name>.pdf in the current folder].
arg-render-number = Document number (overrides the profile's), from 1.
arg-render-date = Report date [default: the article's publication date].
arg-render-templates = Folder whose NAME.hbs files (and partials/NAME.hbs) replace the built-in templates.
help-usage = Usage:
help-commands = Commands:
help-arguments = Arguments:
help-options = Options:
help-flag = Print help
help-flag-short = Print help (see more with '--help')
help-flag-long = Print help (see a summary with '-h')
help-version-flag = Print version
help-command = Print this message or the help of the given subcommand(s)
help-command-arg = Print help for the subcommand(s)

## The command line: its errors
cli-bad-date = `{ $value }` is not a valid date; write it as YYYY-MM-DD
cli-bad-year = `{ $value }` is not a year between 1945 and 2100
cli-bad-term = `{ $value }` is not a term; write it as YYYY-YYYY, the end at most five years after the start
cli-bad-quarter = `{ $value }` is not a quarter; write it as YYYY-N with N from 1 to 4
cli-bad-half = `{ $value }` is not a half-year; write it as YYYY-N with N from 1 to 2
cli-draft-zero = a draft's round counts from 1
cli-bad-draft = `{ $value }` is not a draft's round; write --draft after the input, or --draft=N
clap-value-missing = a value is required for '{ $arg }' but none was supplied
clap-invalid-value = invalid value '{ $value }' for '{ $arg }' (possible values: { $valid })
clap-bad-value = invalid value '{ $value }' for '{ $arg }': { $reason }
clap-unknown-argument = unexpected argument '{ $arg }' found
clap-unknown-command = unrecognized subcommand '{ $command }'
clap-missing-argument = the following required arguments were not provided: { $arg }
clap-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
clap-too-many = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
clap-did-you-mean = tip: a similar one exists: '{ $value }'
clap-try-help = For more information, try '--help'.

## Rendering one report, listing
render-wrote = wrote { $output } ({ $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    })
build-no-inputs = no .txt, .yaml or .yml inputs found; give article files or folders holding them
build-bar = reports
formats-default = default

## Format profiles
format-unknown = there is no built-in format `{ $name }`; the built-in formats are { $formats } (`baocao formats` lists them), or give a profile file NAME.yaml
format-yaml-hint = start from a copy of templates/formats/party-2018.yaml; every value needs `value`, `tag` and `ref`
format-column-empty = a column needs a row
format-row-field-or-text = a row prints either a `field` or a `text`
format-above-zero = must be above 0
format-separator-hyphen = ends with a hyphen-minus (-), which a text extractor (pdftotext) joins to the next line as a broken word; write the hyphen U+2010 (‐)
format-at-least = must be at least { $min }
format-part-numbers = needs the number of the first part at least
format-field-name = a field name is ASCII, not empty, without `.`
format-outline-level = must be a heading level from 2 (`##`) to 5 (`#####`)
format-not-empty = must not be empty
format-draft-n = must hold `{"{"}n{"}"}`, where the number goes
format-margins-width = the margins leave less than an inch of text width
format-margins-height = the margins leave less than an inch of text height

## Organisation profiles
org-yaml-hint = known keys: { $keys }

## Articles
article-empty = the file is empty
article-empty-hint = give a plain-text article: title, date line, paragraphs
article-no-body = no body paragraphs found: this does not look like an article
article-no-body-hint = an article needs a title line followed by paragraphs of text
# Notes: `inspect` writes them in English; a warning gives them in the language of messages.
note-mid-sentence = the article seems to stop mid-sentence here; the text is kept as it is
note-no-year = the article names no year it reports on; the year { $year } is its publication year; give another with --year

## Report data and what a report lacks
data-yaml-hint = the file should be report data as `baocao inspect` prints it
data-rehomed = the data is for a { $from } report; sections a { $kind } report has not ({ $sections }) go to the general section
not-a-report = the article does not read as a report ({ $why }); it is printed as a { $kind } report, which it may not be
period-blank = the trích yếu leaves { $what } blank: the article names none; give it with { $option }
period-year = the year
period-committee-term = the committee's term
period-quarter = the quarter
period-quarter-option = --quarter YYYY-Q (or --half YYYY-H for a half-year review)
period-term = the term
period-resolution = the resolution's name
period-resolution-option = the report data's period.resolution (baocao inspect)
format-provisional = the format `{ $name }` is provisional: { $description }; check the layout against the official text before sending

## Templates and their markup
report-data = report data
markup-source = markup rendered by { $template }
markup-unsupported = { $what } cannot be typeset in a report
markup-unsupported-hint = templates may use headings #–#####, paragraphs, `-` lists and emphasis
markup-html = HTML
markup-rule = a thematic break
markup-second-summary = a second `#` summary heading
markup-code = inline code
markup-code-block = a code block
markup-image = an image
markup-table = a table
markup-quote = a block quote
markup-no-summary = no `#` summary heading (the trích yếu under BÁO CÁO)
template-folder = cannot read the template folder { $dir }
template-unknown = there is no template named `{ $name }`
template-missing-value = the data has no value at `{ $path }`
template-missing-some-value = a value the template uses is missing
template-syntax = template syntax: { $detail }
section-unknown = unknown section `{ $id }`
section-unknown-hint = known sections: { $ids }

## The letterhead and the signature
data-bad-date = the report data has an invalid date `{ $date }` (expected YYYY-MM-DD)
letter-no-date = the article has no publication date, so the date line is left blank; give the report date with --date YYYY-MM-DD
letter-superior = superior body
letter-issuer = issuing body
letter-place = place name
letter-number = document number
letter-authority = signing authority
letter-signer-title = signer's title
letter-signer-name = signer's name
letter-recipients = recipients
letter-missing-in-org = not in the organisation profile, left blank: { $missing }; give them in an organisation profile (--org, or a baocao.yaml here that `baocao init` starts)
letter-missing-in-article = not in the article, left blank: { $missing }; give them in an organisation profile (--org, or a baocao.yaml here that `baocao init` starts)
letter-collective-signs-tm = signing authority `{ $authority }`: a Party committee signs T/M (thay mặt); K/T is for advisory bodies only
letter-state-form = signing authority `{ $authority }` uses the state form; Party documents write T/M, K/T, T/L

## The lexicon
lexicon-index = cannot index the patterns: { $detail }
lexicon-reserved = section id `{ $id }` is reserved
lexicon-no-outline = section `{ $id }` is in no kind's outline

## Layout
layout-not-justified = a line in the paragraph starting “{ $start }…” could not be justified within the spacing limits and is left unjustified
layout-word-too-wide = “{ $word }” (block { $block }) is wider than a line and was broken across lines
layout-no-good-break = page { $page }: no break satisfies the widow, orphan and keep rules; breaking anyway

## PDF
pdf-too-large = the PDF would be larger than 4 GiB; write fewer reports into it

## Profiles found without --org, init, preview (issue 15)
org-used-given = organisation profile: { $path } (given with --org)
org-used-folder = organisation profile: { $path } (found in the current folder)
org-used-user = organisation profile: { $path } (found in your configuration folder)
init-wrote = wrote { $path }: fill it in; reports made in this folder use it without --org
init-exists = { $path } already exists; it was left as it is (remove it first to start again)
init-no-home = no home folder to keep a configuration in
preview-wrote = wrote { $count } of { $pages } pages as pictures, the first { $first }
preview-bad-pages = `{ $value }` is not a page range; write N or N-M (pages count from 1)
preview-pages-past-end = the report has { $pages } pages; pages { $first }-{ $last } are not all in it
preview-bad-dpi = `{ $value }` is not a resolution; give dots per inch from 10 to 1200
help-format = Format profile: a built-in name or a profile file [built-in: { $formats }]
help-org = Organisation profile (YAML) [default: ./{ $file }{ $user }; `baocao init` writes one]. Keys: { $keys }
help-org-user = , else { $path }
help-kinds = { $text } [kinds: { $kinds }]
help-examples = Examples:
cmd-preview = Draw the report's pages as PNG pictures, to look at without a PDF viewer.
cmd-preview-long = Draw the report's pages as PNG pictures, to look at without a PDF viewer.

    The pages are drawn by baocao itself, as they are laid out in the PDF.
cmd-init = Write an organisation profile to fill in (./baocao.yaml), never over one.
cmd-completions = Print a shell completion script: `baocao completions bash > /etc/bash_completion.d/baocao`.
cmd-man = Print the manual page (roff): `baocao man > baocao.1; man -l baocao.1`.
arg-init-user = Write it to your configuration folder instead, for every folder.
arg-preview-kind = The report kind [default: the one detected for an article, or the data's].
arg-preview-output = Folder for the pictures, <input name>-<page>.png (created if missing) [default: the current folder].
arg-preview-dpi = Resolution in dots per inch: 96 is a screen's, 300 a printer's [default: 96].
arg-preview-pages = The pages to draw, N or N-M, from 1 [default: all].
arg-preview-draft = Draw a draft (`DỰ THẢO`, with N `Dự thảo lần N`); write --draft=N.
example-report-here = writes bai-viet.pdf here
example-top-init = start ./baocao.yaml, the organisation profile
example-top-year-end = a year-end report, bai-viet.pdf
example-top-preview = page 1 as bai-viet-1.png
example-preview-all = every page, bai-viet-1.png …
example-init-user = the profile every folder uses
arg-completions-shell = The shell: bash, zsh, fish, powershell or elvish.
arg-max-input-size = The largest input read: bytes, or K, M, G (KiB, MiB, GiB) [default: 16M].
arg-encoding = The articles' encoding, when not UTF-8 or UTF-16: windows-1258, tcvn3, vni (raw, or once read as Windows-1252), utf-8-as-1252 (UTF-8 once read as Windows-1252), or utf-8 to take the text as it is.
arg-strict = Refuse characters the bundled fonts cannot draw (CJK, Arabic, emoji…) instead of leaving them out with a warning.
note = note

## Characters that cannot be set, words too wide (issue 13)
part-body = the body
part-summary = the trích yếu
part-header = the header
part-signature = the signature block
part-recipients = the recipients
part-profile = a fixed text of the format profile
layout-unsupported = cannot set { $chars }: the bundled fonts have no glyph for it, or it is written right to left; left out of the report
layout-unsupported-in = { $message } (in { $part })
layout-unsupported-more = { $places } more places with characters that cannot be set, left out of the report: { $chars }
layout-unsupported-strict = cannot set these characters (no glyph in the bundled fonts, or a right-to-left script), and --strict does not let them be left out: { $chars }
layout-unsupported-hint = replace or remove them (the bundled Liberation Serif sets Vietnamese, Latin, Greek and Cyrillic), or run without --strict to leave them out
layout-word-broken = “{ $word }” (in { $part }) is wider than a line and was broken across lines
layout-unsupported-strict-places = cannot set these characters (no glyph in the bundled fonts, or a right-to-left script), and --strict does not let them be left out: { $chars } ({ $places } places)

## Outputs guarded (issue 13)
guard-not-regular = refusing to write { $path }: it is { $what }, not a regular file; give a file name with -o (or --pack)
guard-link-loop = refusing to write { $path }: its symbolic links go round in a loop
guard-same-as-input = refusing to write { $output }: it is the input { $input }{ $how }, which the report would replace; choose another output name
guard-same-as-output = refusing to write { $output }: it is the same file as { $earlier }, another output of this run; choose another name
guard-no-folder = cannot write { $output }: the folder { $folder } does not exist; create it first or choose another output
guard-via-link = { " " }(through a symbolic link)
guard-via-hard-link = { " " }(a hard link to it)
guard-interrupted = interrupted ({ $signal }): removed { $removed } temporary file(s); no report was left half-written
guard-a-folder = a folder
guard-a-fifo = a FIFO (named pipe)
guard-a-device = a device
guard-a-socket = a socket
guard-not-a-file = not a file

## Inputs and their limits (issue 13)
input-is-folder = { $path } is a folder, not a file; give an article or report data file (`baocao build` takes folders)
input-too-large = { $path } is { $size }, more than the { $limit } an input may be; if it really is one article, raise the limit with --max-input-size SIZE
input-too-large-stream = { $path } holds more than the { $limit } an input may be; if it really is one article, raise the limit with --max-input-size SIZE
input-link-loop = skipped { $path }: a link back to { $target }, which is being read already (a loop)
input-same-file = { $path } is the same file as { $other }; it is built once
input-bad-size = `{ $value }` is not a size; write bytes or a number with K, M or G (KiB, MiB, GiB), e.g. 32M

## Encodings (issue 13)
enc-invalid = the file is not UTF-8 text: byte 0x{ $byte } at byte offset { $offset } begins no UTF-8 character
enc-invalid-hint = save it as UTF-8 plain text, or name its encoding with --encoding (utf-16le, utf-16be, windows-1258, tcvn3, vni)
enc-nul = the file holds a NUL byte (byte offset { $offset }): it is binary data, not text
enc-nul-hint = give a plain-text file saved as UTF-8
enc-bad-utf16 = the file is not valid { $what }: an unpaired surrogate or a lone byte at byte offset { $offset }
enc-reads-as = the file is not UTF-8 text (byte 0x{ $byte } at byte offset { $offset }) but reads as { $what }: “{ $sample }”
enc-misread = the text looks like { $what } that was once read as Windows-1252: “{ $bad }” would read “{ $good }”
enc-convert-hint = convert it with --encoding { $name }, or save it as UTF-8 from the program that made it
enc-not-misread = the file is UTF-8 text with “{ $char }”, which Windows-1252 lacks, so it is not { $what } read as Windows-1252
enc-wrong-hint = leave out --encoding, or name the encoding the file really has
enc-lost = the misreading replaced characters with “�”: what they were is lost, so the text cannot be repaired exactly
enc-lost-hint = take the text again from where it came from, saved as UTF-8
enc-not-misread-bytes = the text is not UTF-8 read as Windows-1252: its bytes are no UTF-8

## Limits of YAML, values and templates (issue 13)
yaml-aliases = the aliases (*name) expand the data past { $limit } KiB, ten times the file and 1 MiB more; write the values out instead
yaml-nesting = values nest more than { $depth } levels deep; report data and profiles need a few
checked-out-of-range = { $value } is not a { $what }; it runs from { $low } to { $high }
checked-bad-date = `{ $value }` is not a date of the calendar between 1945 and 2100; write it as YYYY-MM-DD
checked-bad-term = { $start } - { $end } is not a term: it starts between 1945 and 2100 and ends one to five years later
template-partial-loop = the partial `{ $name }` includes itself ({ $chain }); rendering it would never end — remove one of these includes
template-nesting = blocks or brackets nest more than { $most } deep here; a template needs a few
template-dynamic-partial = a partial named by an expression (`{"{{"}> (…){"}}"}`) cannot be checked for including itself; write its name: `{"{{"}> name{"}}"}`
data-no-paragraphs = the report data has no paragraph in any section (`sections: []` or empty sections): the report has a letterhead and no body; put the paragraphs into the sections, or render the article
build-jobs-capped = --jobs { $jobs } is more than { $per } per core ({ $cores } cores here); using { $most }
cli-bad-report-year = `{ $value }`: a report's date is in a year between 1945 and 2100
cli-bad-encoding = `{ $value }` is not an encoding baocao reads; use one of { $encodings }
cli-bad-number = `{ $value }` is not a document number; numbers run from 1 to 9999
cli-bad-jobs = `{ $value }` is not a number of jobs; give 1 or more
cli-removed-temp = removed { $count } temporary file(s) that an interrupted run left in { $dir }
input-bytes = { $count } bytes
checked-year = year
checked-quarter = quarter
checked-half = half-year
checked-number = document number
