"""The catalogue of recurring error messages: one stable id, one problem and one hint each.

The raising code tells a mistake with `told(id, **values)` (the problem and the hint, filled
in) and places it with errors.placed or YamlDocument.error. CONTRIBUTING.md's section "Error
messages and how to fix them" shows each of them; tests/engine/test_catalogue.py checks that
every entry's wording appears there, so the guide cannot drift from what the build says.
Placeholders are str.format fields; `{suggestion}` is errors.did_you_mean's text or ''.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    problem: str
    hint: str


BRACES_LITERALLY = "write &#123;&#123; to show braces literally"

MESSAGES: dict[str, Message] = {
    # data file: YAML
    "data-file-missing": Message(
        "data file not found",
        "create it, or check 'data:' under 'extra: briefing:' in mkdocs.yml"),
    "yaml-syntax": Message(
        "YAML syntax error: {detail}",
        "check indentation, colons and quotes on this line and the one before it"),
    "yaml-alias": Message(
        "YAML anchors and aliases are not supported (found '{written}')",
        "write the value out in full at each place it is needed; quote text that starts with "
        "& or *"),
    "duplicate-key": Message(
        "duplicate key '{name}' (first defined on line {first})",
        "keep one of the two entries; YAML would silently drop the first"),
    # data file: fields
    "unknown-field": Message(
        "unknown field '{field}'{suggestion}",
        "remove it or use one of: {allowed}"),
    "missing-field": Message(
        "missing required field '{field}'",
        "add '{field}:' to this entry"),
    "unknown-value": Message(
        "unknown {field} {value}",
        "use one of the allowed values ({allowed})"),
    "line-break": Message(
        "a line break in a one-line field ({value}): {character} at character "
        "{position}",
        "write it on one line: inside quotes a blank line or a backslash-n makes a line break, "
        "and '|' or '>' blocks keep them (fold a long text with '>-')"),
    "hidden-character": Message(
        "a control or invisible character in {value}: {character} at character "
        "{position}",
        "delete it (it often comes with copy and paste): such a character hides, reorders or "
        "breaks the text readers see"),
    "expected-number": Message(
        "expected a number for a {kind} figure, got {value}",
        "write the plain number, e.g. 3000000000; qualifiers go in 'qualifier'"),
    "value-type": Message(
        "value: expected a number, a date or text, got {value}",
        "write a plain number, a date like 2026-02-15, or quoted text"),
    "value-too-large": Message(
        "{value} is implausibly large",
        "check the number of zeros (figures must be below a quintillion)"),
    "year-implausible": Message(
        "{value} is not a plausible year",
        "write a year like 2026"),
    "date-value-number": Message(
        "{value} is not a date",
        "write a date like 2026-02-15"),
    "date-value": Message(
        "{reason}",
        "write 2026-02-15, 2026-02, 'mid 2026-02' or 2026"),
    "text-value": Message(
        "a text figure needs text, got {value}",
        "quote the value, so that YAML reads it as text"),
    "currency-needed": Message(
        "a {kind} figure needs a currency",
        "add currency: CNY, USD or EUR"),
    "currency-refused": Message(
        "a {kind} figure has no currency",
        "remove 'currency'"),
    "unit-needed": Message(
        "unknown or missing {kind} unit {unit}",
        "use unit: one of {units}"),
    "unit-refused": Message(
        "a {kind} figure takes no unit",
        "remove 'unit' (money and prices use 'currency')"),
    # data file: stated, editorial and derived figures (models.REFUSED and NEEDED)
    "value-or-formula": Message(
        "give exactly one of 'value' (a stated figure) or 'formula' (derived)",
        "a stated figure has value, as_of and sources; a derived one has a formula"),
    "stated-as-of": Message(
        "missing required field 'as_of' for a stated figure",
        "add the date the figure was true or reported, e.g. as_of: 2026-02-03"),
    "stated-sources": Message(
        "missing required field 'sources' for a stated figure",
        "add each source with the passage that states the figure:\n"
        "      sources:\n        stocknews-feb3: \"3 billion yuan\"\n"
        "    or mark the figure 'editorial: true' if it is the site's own note"),
    "editorial-sources": Message(
        "an editorial figure cites no sources",
        "remove 'sources:' (it is the site's own note), or remove 'editorial: true' if a "
        "source states it"),
    "editorial-as-of": Message(
        "an editorial figure has no as_of date",
        "remove 'as_of:'; say in 'note' why the site gives this figure"),
    "check-on-stated": Message(
        "'check' belongs on a derived figure",
        "remove it here and add check: {{stated: {key}, tolerance: 0.01}} to the derived "
        "figure that should agree with this one"),
    "derived-sources": Message(
        "a derived figure cites no sources of its own",
        "remove 'sources:'; a derived figure shows its formula and inputs, and the inputs "
        "carry the sources"),
    "derived-editorial": Message(
        "a derived figure cannot be editorial",
        "remove 'editorial: true'; a derived figure shows its formula instead"),
    "removed-new": Message(
        "a removed figure has no 'new' text",
        "delete 'new:'"),
    "correction-needs-new": Message(
        "missing required field 'new'",
        "add new: with the figure's text as the site now shows it, or removed: true if the "
        "figure was taken off the site"),
    "correction-day": Message(
        "a correction needs the day it was made, got {date}",
        "write the date of the change, like 2026-12-01"),
    "formula-unreadable": Message(
        "{reason}",
        "write keys and numbers joined by + - * /"),
    "formula-constant": Message(
        "a formula must use at least one figure",
        "a constant is a stated figure: give it a value, as_of and sources instead of a "
        "formula"),
    "not-positive": Message(
        "a {kind} figure must be greater than zero, got {value}",
        "check the sign and the number; a fall or decline belongs in a percent figure"),
    "digit-in-data": Message(
        "{field}: no digits allowed, found '{digit}' in {text}",
        "say it in words without the number (the number belongs in a figure; a year or a date "
        "as \"the year Tencent set that precedent\"); a name with digits, like H200, goes in "
        "'names_with_digits:' at the end of {file}"),
    "as-of-before-sources": Message(
        "as_of {as_of} is more than a year before every cited source (the earliest, {source}, "
        "is dated {date})",
        "write when the figure was true or reported, as the sources give it (a typo in the "
        "year?); a figure the sources recall from long before, such as a past year's count, is "
        "marked 'historical: true'"),
    "number-word-in-data": Message(
        "{field}: a number written in words, '{word}', in {text}",
        "say it without the number (the number belongs in a figure); an idiom such as \"one "
        "of\" goes in 'number_words_allowed:' next to 'names_with_digits:' at the end of {file}"),
    # data file: sources and passages
    "unknown-source": Message(
        "unknown source '{source}'{suggestion}",
        "add the source under 'sources:' or fix the id"),
    "uncited-source": Message(
        "no figure, claim or glossary entry cites this source",
        "add it with its passage to the 'sources:' of the figures or claims it supports, or "
        "delete the source"),
    "passage-unsupported": Message(
        "the passage from {source} does not support {text}: looked for {wanted} in {quoted}; "
        "{read}",
        "correct the value, unit, currency, qualifier, date or kind to what the article says "
        "(a year such as 2030 is kind year, not a count), or quote the passage that states it "
        "(CONTRIBUTING.md, 'What the passage check accepts')"),
    # data file: passages against the articles (validate/articles.py)
    "article-missing": Message(
        "the source names no article",
        "add 'article:' with the file name of its text in {folder} (a relayed source names "
        "the relaying article's file)"),
    "article-not-found": Message(
        "article '{article}' not found in {folder}{suggestion}",
        "write the file name of the article's text as it is in {folder}"),
    "passage-not-in-article": Message(
        "the passage from {source} is not word for word in its article {article}: {where}",
        "copy the passage from the article character for character (quotes, apostrophes, "
        "dashes and spaces as the article writes them), or cite the source whose article "
        "says it"),
    "passage-not-credited": Message(
        "the passage from {source} does not name {publisher}: a relayed source's passage is "
        "the sentence of {article} that credits it",
        "quote the sentence that credits {publisher}, or cite the relaying article's own "
        "source"),
    # data file: derived figures and corrections
    "formula-unknown-figure": Message(
        "formula refers to unknown figure '{ref}'{suggestion}",
        "fix the key in the formula or add the figure"),
    "formula-cycle": Message(
        "derived figures form a cycle: {cycle}",
        "one figure in the loop must be a stated value"),
    "check-disagrees": Message(
        "derived value {derived} ({derived_machine}) disagrees with stated figure {stated} = "
        "{stated_text} ({stated_machine}) by {gap}, more than the tolerance of {tolerance}",
        "check both figures against their sources, or record the difference under "
        "'conflicts:' and remove the check"),
    "correction-new": Message(
        "'new' is {new}, but {figure} now reads {text}",
        "write new: \"{plain}\" (the figure's text as the site shows it), or correct the "
        "figure"),
    # settings: the pages they name
    "setting-template": Message(
        "template code in a setting, which is not rendered (every page would show it as typed)",
        "write the setting as plain text: only pages under docs/ run macros"),
    "setting-page-section": Message(
        "page '{page}' does not show the section every link to it expects: it calls no "
        "{macro}(){elsewhere}",
        "set '{setting}:' under 'extra: briefing:' in mkdocs.yml to the page that calls "
        "{{{{ {macro}() }}}}, or add that call to docs/{page}"),
    # published files and the settings that name them (load/project_files.py)
    "published-link": Message(
        "a link (to {target}): only the project's own files are published",
        "replace the link by a copy of the file it points to, or delete it"),
    "published-hard-link": Message(
        "a hard link (one file with {names} names, which may be outside the project): only "
        "the project's own files are published",
        "replace it by a copy: cp it to a new name, delete it, and rename the copy"),
    "published-special": Message(
        "{what}: only plain files and folders are published",
        "delete it, or replace it by a plain file"),
    "setting-outside-project": Message(
        "'{written}' is outside the project folder",
        "name a file or folder inside the project, by its path from mkdocs.yml"),
    "docs-dir-project": Message(
        "docs_dir is {written}, the project folder itself: every file of the project (settings, "
        "data, code) would be published",
        "keep the pages in a folder of their own inside the project: write 'docs_dir: docs', or "
        "delete the line"),
    "extension-reads-beyond": Message(
        "{extension}'s {option} is {written}: the extension could read into pages files that "
        "are not published (only {docs}/ is), or read from another site",
        "give the extension a 'base_path:' naming {docs}/ or a folder inside it that holds only "
        "what pages include (e.g. [{docs}/snippets]), and leave restrict_base_path and "
        "url_download unset"),
    "third-party-asset": Message(
        "{written}: loaded from another site, so every page would make readers' browsers ask "
        "it (the site makes no third-party request)",
        "save the file under docs/ (scripts in docs/javascripts/, styles in docs/stylesheets/) "
        "and name it by its path from docs/"),
    "asset-not-in-docs": Message(
        "{written} is not a file under {docs}/",
        "name a file of the docs folder by its path from it, e.g. javascripts/figures.js, or "
        "add the file there"),
    "nav-not-a-page": Message(
        "the nav entry '{title}' names {written}, which is not a page under {docs}/",
        "list the site's pages by their path from {docs}/ (e.g. '- Campaign: campaign.md'); "
        "link to anything else from a page's prose"),
    "redirect-from": Message(
        "redirect from {written}: {why}",
        "write the old page's path under docs/ (the file that was renamed, e.g. 'money.md'), "
        "never a page that exists (CONTRIBUTING.md, 'Renaming a page')"),
    "redirect-to": Message(
        "redirect from {old} to {written}: {why}",
        "write the new page's path under docs/, e.g. 'financial.md' or 'financial.md#anchor'; "
        "a link to another site belongs in a page's prose"),
    "publish-target": Message(
        "the output folder holds files but no built site (no index.html): publishing into it "
        "would replace them",
        "name a new folder or an earlier build's output (make build SITE=site; site_dir: in "
        "mkdocs.zensical.yml), never a folder of the project"),
    "zensical-site-dir": Message(
        "the output folder is {written}: {file} must set its own, not MkDocs' site/",
        "write 'site_dir: site-zensical' in {file} (a folder inside the project)"),
    "updates-not-shown": Message(
        "updates are recorded, but no page lists them",
        "call {{{{ changes_list() }}}} on a page (docs/changes.md, in the nav), which every "
        "update's figures link to"),
    # pages
    "unknown-figure-key": Message(
        "unknown figure key '{key}'{suggestion}",
        "use a key defined under 'figures:' in {file}"),
    "unknown-argument": Message(
        "{macro}() has no argument '{argument}'{suggestion}",
        "write one of the names it takes: {call}"),
    "template-syntax": Message(
        "template syntax error: {detail}",
        "check the {{{{ }}}} / {{% %}} brackets and quotes on this line; " + BRACES_LITERALLY),
    "template-unknown-name": Message(
        "unknown macro or variable '{name}'{suggestion}",
        "use one of the macros listed in CONTRIBUTING.md"),
    # pages: chart macros (each message follows 'bar_chart(): ' or 'timeline_chart(): ')
    "chart-keys-not-list": Message(
        "'{argument}' must be a list of figure keys", 'write {argument}=["group.key", ...]'),
    "chart-figure-kind": Message(
        "'{key}' is a {kind} figure, but {argument} takes {kinds} figures",
        "choose figures of a kind this chart can draw"),
    "chart-units-mixed": Message(
        "the plotted figures mix kinds or units: {shown}",
        "plot figures of one kind and currency or unit (convert with a derived figure in the "
        "data file)"),
    "chart-not-positive": Message(
        "'{key}' is {text}; this chart draws values above zero only",
        "plot figures greater than zero"),
    "chart-keys-per-figure": Message(
        "'{argument}' must list one key (or \"\") per plotted figure, {count} in all",
        'write {argument}=["group.key", "", ...]'),
    "chart-names-per-figure": Message(
        "'names' must list one text (or \"\") per plotted figure, {count} in all",
        'write names=["a short name", ...]'),
    "chart-title": Message("every chart needs a title", 'add title="What the chart shows"'),
    "chart-highlight": Message(
        "highlight '{highlight}' is not one of the plotted keys",
        "give the key of one of the bars, or leave highlight out"),
    "chart-multiple": Message(
        "multiple {ratio} = {text} does not match the bars ({first} / {key})",
        "list, for each bar, the ratio of the first figure to that bar's figure"),
    "chart-undated": Message(
        "'{key}' is undated and cannot be placed", "leave undated figures out of the timeline"),
    "chart-span-fields": Message(
        "each span needs exactly 'start', 'length' and 'name'",
        'write spans=[{{"start": "a.date", "length": "a.duration", "name": "..."}}]'),
    "chart-span-shape": Message(
        "span '{name}' needs a start with a day and a length in days or weeks",
        "choose an exact start date"),
    "build-failure": Message(
        "this could not be built: {detail}",
        "undo the last change here (a deeply nested or very long expression, an unusual "
        "character or setting); if the page looks right, report this message"),
    "page-template-unknown": Message(
        "the theme has no page template {written}",
        "delete the 'template:' line to use the theme's own, or name a template of "
        "overrides/ such as main.html"),
    "template-expression": Message(
        "this template expression could not be shown: {detail}",
        "a page computes nothing itself: show a value with a macro such as "
        "{{{{ fig(\"group.key\") }}}}; " + BRACES_LITERALLY),
    "template-transform": Message(
        "this template expression does more than show a macro's value: {detail}",
        "print a macro's value as it is, alone between the braces: {{{{ fig(\"group.key\") }}}}; "
        "a macro's arguments are quoted texts, lists or other macro calls; to show a figure "
        "otherwise, change its entry in the data file or use another macro (CONTRIBUTING.md, "
        "the page macros)"),
    "template-too-large": Message(
        "this template code is too large to check: {detail}",
        "keep each {{{{ }}}} and {{% %}} short and flat: at most {parts} parts, {depth} "
        "brackets or blocks open at once, {levels} levels of calls, filters and operators "
        "inside one another, no loop inside a loop, and {characters} characters in a quoted "
        "text; long text belongs in the data file"),
    "markdown-too-large": Message(
        "this Markdown is too large to convert: {detail}",
        "close each link's brackets and keep nesting shallow: at most {brackets} '[' in one "
        "paragraph, and no line more than {columns} columns in (indentation, '>' and list "
        "markers together); long lists belong in the data file"),
    "markdown-too-slow": Message(
        "this page could not be converted to HTML within {seconds} seconds",
        "undo the last change here: thousands of brackets, headings, footnote references or "
        "HTML tags in one page make Markdown slow; long lists belong in the data file"),
    "no-such-page": Message(
        "link to '{target}': no such page{suggestion}",
        "link to a Markdown file under docs/ by its path from this page, e.g. "
        "[the campaign](campaign.md)"),
    "front-matter-unknown": Message(
        "unknown front-matter field '{field}'{suggestion}",
        "remove it or use one of: {allowed}"),
    "front-matter-shape": Message(
        "'{field}' holds {written}, but the theme reads it as {wanted}",
        "write {field}: as {wanted}, or remove the line"),
    "front-matter-template": Message(
        "template code in the front matter, which is not rendered (the page would "
        "show it as typed)",
        "write the value as plain text: a title or description cannot show a figure"),
    "entries-not-shown": Message(
        "no page shows {what}",
        "add {call} to the page meant for it (a page listed under nav: in mkdocs.yml)"),
    "conflict-not-shown": Message(
        "no page shows this conflict",
        "add {{{{ conflict(\"{id}\") }}}} with its verdict to {page}, where the other "
        "disagreements are, or {{{{ conflicts_list() }}}} to show every one"),
    "figure-not-rendered": Message(
        "the page names this figure, but the rendered page does not show it (the call is in a "
        "branch not taken or a loop that never runs)",
        "move the call out of the {{% if %}} or {{% for %}}, or delete it"),
    "number-word-in-prose": Message(
        "a number written in words in the prose ('{word}' in '{shown}')",
        "show the number with a figure macro such as {{{{ fig(\"group.key\") }}}}, or reword; "
        "an idiom such as \"one of\" goes in 'number_words_allowed:' next to "
        "'names_with_digits:' in the data file"),
    "link-not-published": Message(
        "link to '{target}': {why}",
        "link to a page or file under docs/ by its path from this page: the project's other "
        "files are not published, and browsers open no file: or script address from a page"),
    "no-such-anchor": Message(
        "link to '{target}': {page} has no heading or anchor '{anchor}'",
        "link to a heading that exists (its anchor is the heading in lowercase with hyphens "
        "for spaces: the ¶ beside it in the preview links to it), or drop the '#' part"),
    "page-not-in-nav": Message(
        "the page is not in the nav",
        "add it under 'nav:' in mkdocs.yml (e.g. '- {title}: {page}'), or delete it; a page "
        "kept out of the navigation on purpose goes under 'not_in_nav:' in mkdocs.yml"),
    "section-not-rendered": Message(
        "the page calls {call}, but the rendered page does not show it (the call is in a "
        "branch not taken or a loop that never runs)",
        "move the call out of the {{% if %}} or {{% for %}}: the site links to what it shows"),
    "code-in-code-block": Message(
        "template code inside a code block would be run, not shown",
        "to show a macro call as code, wrap it in raw: {{% raw %}}`{{{{ fig(\"key\") }}}}`"
        "{{% endraw %}}; to use the figure, move the call out of the code"),
}


def told(message_id: str, **values: object) -> tuple[str, str]:
    """(problem, hint) of catalogue entry `message_id`, with its placeholders filled in."""
    message = MESSAGES[message_id]
    return message.problem.format(**values), message.hint.format(**values)
